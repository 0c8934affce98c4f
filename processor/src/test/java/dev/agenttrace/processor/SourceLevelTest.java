package dev.agenttrace.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static dev.agenttrace.processor.ProxyTester.compile;
import static dev.agenttrace.processor.ProxyTester.source;
import static org.assertj.core.api.Assertions.assertThat;

import com.google.testing.compile.Compilation;
import java.util.List;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;

/**
 * Below source level 17 the generated code could not compile, so the processor says so once, on the
 * first annotated type, and generates nothing: the user sees the fix, not errors deep in {@code
 * target/generated-sources}.
 */
class SourceLevelTest {
  private static final JavaFileObject AGENT =
      source(
          "test.Agent",
          """
          package test;

          import dev.agenttrace.annotations.AgentRun;

          @AgentRun(name = "planner")
          public interface Agent {
            String plan(String goal);
          }
          """);

  private static final JavaFileObject TOOLS =
      source(
          "test.Tools",
          """
          package test;

          import dev.agenttrace.annotations.Tool;

          public interface Tools {
            @Tool
            String search(String query);
          }
          """);

  @Test
  void release8IsOneErrorOnTheAnnotatedTypeNamingTheFix() {
    Compilation compilation = compile(List.of("--release", "8"), AGENT);

    assertThat(compilation).hadErrorCount(1);
    assertThat(compilation)
        .hadErrorContaining(String.format(Messages.SOURCE_LEVEL_TOO_OLD, "8"))
        .inFile(AGENT)
        .onLineContaining("public interface Agent");
  }

  @Test
  void severalAnnotatedTypesAtSource11GiveOneErrorAndNoGeneratedCodeToFail() {
    // Generated code at source level 11 would fail to compile (pattern matching for instanceof),
    // so a single error also shows that nothing was generated.
    Compilation compilation = compile(List.of("-source", "11", "-target", "11"), AGENT, TOOLS);

    assertThat(compilation).hadErrorCount(1);
    assertThat(compilation).hadErrorContaining(String.format(Messages.SOURCE_LEVEL_TOO_OLD, "11"));
  }

  @Test
  void release17GeneratesTheProxies() {
    Compilation compilation = compile(List.of("--release", "17"), AGENT, TOOLS);

    assertThat(compilation).succeededWithoutWarnings();
    assertThat(compilation.generatedSourceFile("test.AgentTraced")).isPresent();
    assertThat(compilation.generatedSourceFile("test.ToolsTraced")).isPresent();
  }
}

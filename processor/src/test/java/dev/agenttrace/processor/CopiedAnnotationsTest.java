package dev.agenttrace.processor;

import static dev.agenttrace.processor.ProxyTester.generatedSource;
import static dev.agenttrace.processor.ProxyTester.library;
import static dev.agenttrace.processor.ProxyTester.runWithLibrary;
import static dev.agenttrace.processor.ProxyTester.sources;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Generated overrides carry the runtime annotations of the methods and parameters they override, so
 * that a framework reading its annotations from the object it is handed finds them on the proxy.
 */
class CopiedAnnotationsTest {
  @RegisterExtension final ProxyTester tester = new ProxyTester();

  /** A framework's annotations and an agent interface using them, as class files. */
  static final String FRAMEWORK =
      """
      package com.vendor.agentic;

      import java.lang.annotation.ElementType;
      import java.lang.annotation.Retention;
      import java.lang.annotation.RetentionPolicy;
      import java.lang.annotation.Target;

      @Retention(RetentionPolicy.RUNTIME)
      @Target(ElementType.METHOD)
      public @interface Agent {
        String name();

        String[] tags() default {};
      }

      package com.vendor.agentic;

      import java.lang.annotation.ElementType;
      import java.lang.annotation.Retention;
      import java.lang.annotation.RetentionPolicy;
      import java.lang.annotation.Target;

      @Retention(RetentionPolicy.RUNTIME)
      @Target(ElementType.PARAMETER)
      public @interface V {
        String value();
      }

      package com.vendor.agentic;

      import java.lang.annotation.Retention;
      import java.lang.annotation.RetentionPolicy;

      @Retention(RetentionPolicy.CLASS)
      public @interface Internal {}

      package com.vendor.agentic;

      public interface StoryWriter {
        @Agent(name = "writer", tags = {"fiction", "short"})
        @Internal
        String write(@V("topic") String topic, int words);
      }
      """;

  /**
   * The copied annotations are the framework's, which no processor claims: a build that uses them
   * leaves javac's {@code processing} lint out, as the README says.
   */
  private static final List<String> OPTIONS = List.of("-Xlint:all,-processing", "-Werror");

  private static final String TRACING =
      """
      package test;

      import com.vendor.agentic.StoryWriter;
      import dev.agenttrace.annotations.Operation;
      import dev.agenttrace.annotations.TraceInterface;

      @TraceInterface(value = StoryWriter.class, kind = Operation.AGENT_RUN, name = "writer")
      final class Tracing {}
      """;

  @TempDir Path libraryDirectory;
  private File library;

  @BeforeEach
  void compileFramework() throws Exception {
    library = library(libraryDirectory, FRAMEWORK);
  }

  @Test
  void frameworkFindsItsMethodAndParameterAnnotationsOnTheProxy() throws Exception {
    Object result =
        runWithLibrary(
            library,
            OPTIONS,
            TRACING
                + """
                package test;

                import com.vendor.agentic.Agent;
                import com.vendor.agentic.StoryWriter;
                import com.vendor.agentic.V;
                import java.lang.reflect.Method;
                import java.util.Arrays;
                import java.util.concurrent.Callable;

                public class Driver implements Callable<Object> {
                  @Override
                  public Object call() throws Exception {
                    StoryWriter writer = StoryWriterTraced.wrap((topic, words) -> topic);
                    // As a framework does: the annotations of the handed-in object's own method.
                    Method method =
                        writer.getClass().getDeclaredMethod("write", String.class, int.class);
                    Agent agent = method.getAnnotation(Agent.class);
                    V topic = (V) method.getParameterAnnotations()[0][0];
                    return agent.name() + " " + Arrays.toString(agent.tags()) + " " + topic.value()
                        + " " + method.getParameterAnnotations()[1].length;
                  }
                }
                """);

    assertThat(result).isEqualTo("writer [fiction, short] topic 0");
  }

  @Test
  void annotationsInvisibleAtRunTimeAreNotCopied() {
    String generated =
        generatedSource(
            ProxyTester.compile(OPTIONS, List.of(library), sources(TRACING)),
            "test.StoryWriterTraced");

    assertThat(generated)
        .contains("@Agent(")
        .contains("@V(\"topic\") String topic")
        .doesNotContain("@Internal");
  }
}

package dev.agenttrace.processor;

import static dev.agenttrace.processor.ProxyTester.compile;
import static dev.agenttrace.processor.ProxyTester.sources;
import static org.assertj.core.api.Assertions.assertThat;

import com.google.testing.compile.Compilation;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The compiler flags the README advises ({@code -Xlint:all -Werror}, javac's {@code processing}
 * lint included) pass on a user's build: the processor claims its annotations, the repeated
 * {@code @TraceInterface} container and the {@code @Generated} of the code it writes.
 */
class StrictUserBuildTest {

  @Test
  void readmeFlagsCompileRepeatedTraceInterfacesAndAnnotatedTypesWithoutDiagnostics() {
    Compilation compilation =
        compile(
            List.of("-Xlint:all", "-Werror"),
            sources(
                """
                package test;

                import dev.agenttrace.annotations.Operation;
                import dev.agenttrace.annotations.TraceInterface;
                import java.util.concurrent.Callable;

                @TraceInterface(value = Runnable.class, kind = Operation.TOOL, name = "run")
                @TraceInterface(value = Callable.class, proxyName = "TracedCallable")
                final class Tracing {}

                package test;

                import dev.agenttrace.annotations.SpanAttribute;
                import dev.agenttrace.annotations.Tool;

                @Tool
                public interface Tools {
                  String lookup(@SpanAttribute("order.id") String orderId);
                }
                """));

    assertThat(compilation.diagnostics()).isEmpty();
    assertThat(compilation.generatedSourceFile("test.RunnableTraced")).isPresent();
    assertThat(compilation.generatedSourceFile("test.TracedCallable")).isPresent();
    assertThat(compilation.generatedSourceFile("test.ToolsTraced")).isPresent();
  }
}

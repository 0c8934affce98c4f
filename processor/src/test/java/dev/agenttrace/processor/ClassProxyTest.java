package dev.agenttrace.processor;

import static dev.agenttrace.processor.ProxyTester.compiled;
import static dev.agenttrace.processor.ProxyTester.generatedSource;
import static dev.agenttrace.processor.ProxyTester.run;
import static dev.agenttrace.processor.ProxyTester.sources;
import static org.assertj.core.api.Assertions.assertThat;

import com.google.testing.compile.Compilation;
import dev.agenttrace.StatusCode;
import dev.agenttrace.spi.SpanData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * An annotated class gets a generated subclass that traces the annotated methods, including the
 * calls the class makes on itself, and mirrors the class's constructors.
 */
class ClassProxyTest {
  @RegisterExtension final ProxyTester tester = new ProxyTester();

  private static final String PLANNER =
      """
      package test;

      import dev.agenttrace.annotations.AgentRun;
      import dev.agenttrace.annotations.SpanAttribute;
      import dev.agenttrace.annotations.Tool;
      import java.io.IOException;
      import java.io.Serializable;

      public class Planner implements Serializable {
        private static final long serialVersionUID = 1L;

        private final String prefix;

        public Planner(String prefix) {
          this.prefix = prefix;
        }

        protected Planner(String prefix, int repeat) throws IOException {
          this(prefix.repeat(repeat));
        }

        @AgentRun(name = "planner")
        public String plan(@SpanAttribute("goal") String goal) {
          return prefix + step(goal) + finish();
        }

        @Tool(name = "step")
        protected String step(String goal) {
          return "[" + goal + "]";
        }

        String finish() {
          return ".";
        }

        public final String fixed() {
          return "fixed";
        }
      }
      """;

  @Test
  void callsTheClassMakesOnItselfAreTraced() throws Exception {
    Object result =
        run(
            PLANNER
                + """
                package test;

                import java.util.concurrent.Callable;

                public class Driver implements Callable<Object> {
                  @Override
                  public Object call() {
                    return new PlannerTraced("plan:").plan("ship");
                  }
                }
                """);

    assertThat(result).isEqualTo("plan:[ship].");
    SpanData plan = tester.span("invoke_agent planner");
    SpanData step = tester.span("execute_tool step");
    assertThat(step.parentSpanId()).isEqualTo(plan.spanId());
    assertThat(plan.attributes().get("goal")).isEqualTo("ship");
    assertThat(tester.spans()).extracting(SpanData::statusCode).containsOnly(StatusCode.UNSET);
  }

  @Test
  void subclassMirrorsEveryAccessibleConstructorAndOverridesOnlyTracedMethods() {
    Compilation compilation = compiled(sources(PLANNER));

    assertThat(generatedSource(compilation, "test.PlannerTraced"))
        .contains("public final class PlannerTraced extends Planner {")
        .contains("private static final long serialVersionUID = 1L;")
        .contains("public PlannerTraced(String prefix) {")
        .contains("protected PlannerTraced(String prefix, int repeat) throws IOException {")
        .contains("super(prefix, repeat);")
        .contains("public String plan(String goal) {")
        .contains("protected String step(String goal) {")
        .contains("super.step(goal)")
        .doesNotContain("finish()")
        .doesNotContain("fixed()");
  }

  @Test
  void typeLevelAnnotationTracesEveryOverridableMethodOfAbstractGenericClass() throws Exception {
    Object result =
        run(
            """
            package test;

            import dev.agenttrace.annotations.Traced;

            @Traced
            public abstract class Pipeline<T extends Comparable<T>> {
              protected Pipeline() {}

              public T run(T input) {
                return transform(input);
              }

              protected abstract T transform(T input);

              public static String version() {
                return "1";
              }

              @Override
              public String toString() {
                return "Pipeline";
              }
            }

            package test;

            import java.util.concurrent.Callable;

            public class Driver implements Callable<Object> {
              @Override
              public Object call() {
                Pipeline<String> pipeline =
                    new PipelineTraced<String>() {
                      @Override
                      protected String transform(String input) {
                        return input.toUpperCase();
                      }
                    };
                return pipeline.run("go") + pipeline;
              }
            }
            """);

    assertThat(result).isEqualTo("GOPipeline");
    assertThat(tester.spans()).extracting(SpanData::name).containsExactly("Pipeline.run");
  }

  @Test
  void asyncMethodOfClassEndsItsSpanWhenTheFutureCompletes() throws Exception {
    Object result =
        run(
            """
            package test;

            import dev.agenttrace.annotations.LlmCall;
            import java.util.concurrent.CompletableFuture;

            public class Model {
              public final CompletableFuture<String> pending = new CompletableFuture<>();

              @LlmCall(provider = "openai", model = "m")
              public CompletableFuture<String> ask(String prompt) {
                return pending;
              }
            }

            package test;

            import java.util.concurrent.Callable;

            public class Driver implements Callable<Object> {
              @Override
              public Object call() {
                Model model = new ModelTraced();
                boolean same = model.ask("hi") == model.pending;
                boolean openWhilePending = !model.pending.isDone();
                model.pending.complete("hello");
                return same && openWhilePending;
              }
            }
            """);

    assertThat(result).isEqualTo(true);
    assertThat(tester.span("chat m").statusCode()).isEqualTo(StatusCode.UNSET);
  }
}

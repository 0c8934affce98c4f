package dev.agenttrace.processor;

import static dev.agenttrace.processor.ProxyTester.call;
import static dev.agenttrace.processor.ProxyTester.compiled;
import static dev.agenttrace.processor.ProxyTester.sources;
import static org.assertj.core.api.Assertions.assertThat;

import com.google.testing.compile.Compilation;
import dev.agenttrace.SemanticAttributes;
import dev.agenttrace.StatusCode;
import dev.agenttrace.spi.SpanData;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A method returning a {@code CompletionStage} keeps its span open until the stage completes, never
 * blocks, and hands the caller the very stage the traced code returned.
 */
class AsyncResultTest {
  @RegisterExtension final ProxyTester tester = new ProxyTester();

  /**
   * The proxy of an async tool, as a function from the future its implementation returns to the
   * future the caller gets.
   */
  @SuppressWarnings("unchecked")
  private Function<CompletableFuture<String>, CompletionStage<String>> proxy() throws Exception {
    Compilation compilation =
        compiled(
            sources(
                """
                package test;

                import dev.agenttrace.annotations.Tool;
                import java.util.concurrent.CompletableFuture;

                @Tool
                public interface Search {
                  CompletableFuture<String> search(String query);
                }

                package test;

                import java.util.concurrent.Callable;
                import java.util.concurrent.CompletableFuture;
                import java.util.concurrent.CompletionStage;
                import java.util.function.Function;

                public class Driver implements Callable<Object> {
                  @Override
                  public Object call() {
                    Function<CompletableFuture<String>, CompletionStage<String>> proxy =
                        future -> SearchTraced.wrap(query -> future).search("q");
                    return proxy;
                  }
                }
                """));
    return (Function<CompletableFuture<String>, CompletionStage<String>>) call(compilation);
  }

  @Test
  void callerGetsTheSameFutureInstance() throws Exception {
    CompletableFuture<String> future = new CompletableFuture<>();

    assertThat(proxy().apply(future)).isSameAs(future);
  }

  @Test
  void spanStaysOpenUntilTheFutureCompletes() throws Exception {
    CompletableFuture<String> future = new CompletableFuture<>();

    proxy().apply(future);

    assertThat(tester.spans()).isEmpty();
    future.complete("found");
    SpanData span = tester.span("execute_tool search");
    assertThat(span.statusCode()).isEqualTo(StatusCode.UNSET);
    assertThat(future.join()).isEqualTo("found");
  }

  @Test
  void alreadyCompletedFutureEndsTheSpanAtOnce() throws Exception {
    proxy().apply(CompletableFuture.completedFuture("cached"));

    assertThat(tester.span("execute_tool search").statusCode()).isEqualTo(StatusCode.UNSET);
  }

  @Test
  void exceptionalCompletionMarksSpanErrorWithTheUnwrappedCause() throws Exception {
    CompletableFuture<String> future = new CompletableFuture<>();
    IllegalStateException cause = new IllegalStateException("index offline");
    CompletionStage<String> returned = proxy().apply(future);

    future.completeExceptionally(new java.util.concurrent.CompletionException(cause));

    SpanData span = tester.span("execute_tool search");
    assertThat(span.statusCode()).isEqualTo(StatusCode.ERROR);
    assertThat(span.attributes().get(SemanticAttributes.ERROR_TYPE))
        .isEqualTo("java.lang.IllegalStateException");
    assertThat(span.statusDescription())
        .isEqualTo("java.lang.IllegalStateException: index offline");
    assertThat(returned.toCompletableFuture().isCompletedExceptionally()).isTrue();
  }

  @Test
  void cancellingTheReturnedFutureCancelsTheDelegatesAndEndsTheSpan() throws Exception {
    CompletableFuture<String> future = new CompletableFuture<>();

    proxy().apply(future).toCompletableFuture().cancel(true);

    assertThat(future.isCancelled()).isTrue();
    SpanData span = tester.span("execute_tool search");
    assertThat(span.statusCode()).isEqualTo(StatusCode.ERROR);
    assertThat(span.attributes().get(SemanticAttributes.ERROR_TYPE))
        .isEqualTo("java.util.concurrent.CancellationException");
  }

  @Test
  void obtrudingAValueReachesTheCallerAsWithoutTracing() throws Exception {
    CompletableFuture<String> future = CompletableFuture.completedFuture("first");
    CompletableFuture<String> returned = proxy().apply(future).toCompletableFuture();

    future.obtrudeValue("second");

    assertThat(returned.join()).isEqualTo("second");
    assertThat(tester.spans()).hasSize(1);
  }

  @Test
  void futureReturnedWhileTracingIsOffIsUntouched() throws Exception {
    dev.agenttrace.AgentTrace.uninstall();
    CompletableFuture<String> future = new CompletableFuture<>();

    proxy().apply(future);

    assertThat(future.getNumberOfDependents()).isZero();
  }

  @Test
  void exceptionThrownBeforeReturningAFutureEndsTheSpanAndPassesThrough() throws Exception {
    Compilation compilation =
        compiled(
            sources(
                """
                package test;

                import dev.agenttrace.annotations.AgentRun;
                import java.util.concurrent.CompletionStage;

                @AgentRun(name = "planner")
                public interface Planner {
                  CompletionStage<String> plan(String goal);
                }

                package test;

                import java.util.concurrent.Callable;

                public class Driver implements Callable<Object> {
                  public static final IllegalArgumentException FAILURE =
                      new IllegalArgumentException("no goal");

                  @Override
                  public Object call() {
                    try {
                      PlannerTraced.wrap(goal -> { throw FAILURE; }).plan("");
                      return null;
                    } catch (IllegalArgumentException e) {
                      return e;
                    }
                  }
                }
                """));

    assertThat(call(compilation))
        .isSameAs(ProxyTester.staticField(compilation, "test.Driver", "FAILURE"));
    assertThat(tester.span("invoke_agent planner").statusCode()).isEqualTo(StatusCode.ERROR);
  }

  @Test
  void stageCompletedOnAnotherThreadEndsTheSpanThere() throws Exception {
    CompletableFuture<String> future = new CompletableFuture<>();
    proxy().apply(future);

    Thread completer = new Thread(() -> future.complete("late"));
    completer.start();
    completer.join();

    assertThat(tester.span("execute_tool search").hasEnded()).isTrue();
    assertThat(future.join()).isEqualTo("late");
  }
}

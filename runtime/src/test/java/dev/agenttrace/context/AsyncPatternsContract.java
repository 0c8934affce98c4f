package dev.agenttrace.context;

import static org.assertj.core.api.Assertions.assertThat;

import dev.agenttrace.Context;
import dev.agenttrace.Scope;
import dev.agenttrace.Span;
import dev.agenttrace.SpanContext;
import dev.agenttrace.TraceState;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.function.BiConsumer;
import org.junit.jupiter.api.Test;

/**
 * Every async pattern that {@link AsyncContext} and {@link ContextExecutors} promise, each run
 * 10,000 times at once, each run in its own span: the code that runs asynchronously must see that
 * span and no other. Stages registered on an unfinished future are completed by another run's
 * thread with a different span current, as an HTTP client's thread would, so a pattern that took
 * the completing thread's context would fail. Subclasses supply the threads.
 */
// Scopes are closed by try-with-resources without being read: that is their use.
@SuppressWarnings("try")
abstract class AsyncPatternsContract {
  static final int RUNS = 10_000;

  /** The executor the patterns hand work to. */
  abstract ExecutorService pool();

  /** Threads for a scheduled executor of the same kind. */
  abstract ThreadFactory threads();

  /**
   * One pattern: given a run's span (current on the calling thread) and where to report the span
   * the asynchronous code saw, start that code.
   */
  interface Pattern {
    void start(Span expected, CompletableFuture<Span> seen);
  }

  private static Span span(int run) {
    return Span.wrap(
        SpanContext.create(
            0x5eed_0000_0000_0000L | run,
            0x0123_4567_89ab_cdefL ^ run,
            1L + run,
            SpanContext.FLAG_SAMPLED,
            TraceState.empty()));
  }

  /**
   * Starts {@link #RUNS} runs of {@code pattern} at once, each from a task on {@link #pool()} with
   * its own span current, and asserts that each saw its span; then that the pool's threads kept no
   * context.
   */
  void everyRunSeesItsOwnSpan(Pattern pattern) throws Exception {
    List<CompletableFuture<Span>> seen = new ArrayList<>(RUNS);
    List<Span> expected = new ArrayList<>(RUNS);
    for (int run = 0; run < RUNS; run++) {
      Span span = span(run);
      CompletableFuture<Span> result = new CompletableFuture<>();
      expected.add(span);
      seen.add(result);
      pool()
          .execute(
              () -> {
                try (Scope scope = span.makeCurrent()) {
                  pattern.start(span, result);
                } catch (RuntimeException e) {
                  result.completeExceptionally(e);
                }
              });
    }
    CompletableFuture.allOf(seen.toArray(new CompletableFuture<?>[0])).get(60, TimeUnit.SECONDS);
    for (int run = 0; run < RUNS; run++) {
      assertThat(seen.get(run).join()).as("run %d", run).isSameAs(expected.get(run));
    }
    assertThat(seenByPlainTasks())
        .allSatisfy(span -> assertThat(span.spanContext().isValid()).isFalse());
  }

  /** What unwrapped tasks see on the pool afterwards: no span may be left current. */
  private List<Span> seenByPlainTasks() throws Exception {
    List<CompletableFuture<Span>> seen = new ArrayList<>();
    for (int i = 0; i < 100; i++) {
      CompletableFuture<Span> result = new CompletableFuture<>();
      pool().execute(() -> result.complete(Span.current()));
      seen.add(result);
    }
    List<Span> spans = new ArrayList<>();
    for (CompletableFuture<Span> result : seen) {
      spans.add(result.get(30, TimeUnit.SECONDS));
    }
    return spans;
  }

  /**
   * A future completed later by a task on the pool in which another span is current, as a client's
   * thread would complete it.
   */
  private CompletableFuture<String> completedElsewhere() {
    CompletableFuture<String> source = new CompletableFuture<>();
    Span intruder = span(RUNS + 1);
    pool()
        .execute(
            () -> {
              try (Scope scope = intruder.makeCurrent()) {
                source.complete("answer");
              }
            });
    return source;
  }

  private static <T> BiConsumer<T, Throwable> reportTo(CompletableFuture<Span> seen) {
    return (value, error) -> {
      if (error != null) {
        seen.completeExceptionally(error);
      }
    };
  }

  @Test
  void submitToAWrappedExecutorService() throws Exception {
    ExecutorService wrapped = ContextExecutors.wrap(pool());
    everyRunSeesItsOwnSpan((expected, seen) -> wrapped.submit(() -> seen.complete(Span.current())));
  }

  @Test
  void executeOnAWrappedExecutor() throws Exception {
    Executor wrapped = ContextExecutors.wrap((Executor) pool());
    everyRunSeesItsOwnSpan(
        (expected, seen) -> wrapped.execute(() -> seen.complete(Span.current())));
  }

  @Test
  void scheduleOnAWrappedScheduledExecutor() throws Exception {
    ScheduledExecutorService scheduler =
        ContextExecutors.wrap(java.util.concurrent.Executors.newScheduledThreadPool(2, threads()));
    try {
      everyRunSeesItsOwnSpan(
          (expected, seen) ->
              scheduler.schedule(
                  () -> {
                    seen.complete(Span.current());
                  },
                  1,
                  TimeUnit.MILLISECONDS));
    } finally {
      scheduler.shutdownNow();
    }
  }

  @Test
  void aTaskWrappedInTheCurrentContext() throws Exception {
    everyRunSeesItsOwnSpan(
        (expected, seen) ->
            pool()
                .execute(
                    Context.current()
                        .wrap(
                            () -> {
                              seen.complete(Span.current());
                            })));
  }

  @Test
  void supplyAsync() throws Exception {
    everyRunSeesItsOwnSpan(
        (expected, seen) ->
            AsyncContext.supplyAsync(Span::current, pool())
                .whenComplete(reportTo(seen))
                .thenAccept(seen::complete));
  }

  @Test
  void runAsync() throws Exception {
    everyRunSeesItsOwnSpan(
        (expected, seen) ->
            AsyncContext.runAsync(() -> seen.complete(Span.current()), pool())
                .whenComplete(reportTo(seen)));
  }

  @Test
  void aWrappedCallbackGivenToAnAsyncStage() throws Exception {
    everyRunSeesItsOwnSpan(
        (expected, seen) ->
            completedElsewhere()
                .thenApplyAsync(AsyncContext.wrapFunction(answer -> Span.current()), pool())
                .whenComplete(reportTo(seen))
                .thenAccept(seen::complete));
  }

  @Test
  void anAsyncStageOnAnExecutorThatCapturedTheContext() throws Exception {
    everyRunSeesItsOwnSpan(
        (expected, seen) ->
            completedElsewhere()
                .thenApplyAsync(answer -> Span.current(), ContextExecutors.current(pool()))
                .whenComplete(reportTo(seen))
                .thenAccept(seen::complete));
  }

  @Test
  void aWrappedCallbackRunOnTheCompletingThread() throws Exception {
    everyRunSeesItsOwnSpan(
        (expected, seen) ->
            completedElsewhere()
                .thenApply(AsyncContext.wrapFunction(answer -> Span.current()))
                .whenComplete(reportTo(seen))
                .thenAccept(seen::complete));
  }

  @Test
  void aWrappedCallbackCombiningTwoStages() throws Exception {
    everyRunSeesItsOwnSpan(
        (expected, seen) ->
            completedElsewhere()
                .thenCombineAsync(
                    completedElsewhere(),
                    AsyncContext.wrapBiFunction((first, second) -> Span.current()),
                    pool())
                .whenComplete(reportTo(seen))
                .thenAccept(seen::complete));
  }
}

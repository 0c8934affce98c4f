package dev.agenttrace.context;

import static org.assertj.core.api.Assertions.assertThat;

import dev.agenttrace.Scope;
import dev.agenttrace.Span;
import dev.agenttrace.sdk.TracerSdk;
import dev.agenttrace.spi.SpanData;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

// Scopes are closed by try-with-resources without being read: that is their use.
@SuppressWarnings("try")
class AsyncContextTest {
  private final TracedWork work = new TracedWork();
  private final TracerSdk tracer = work.tracer;
  private final ExecutorService pool = Executors.newFixedThreadPool(2);

  @AfterEach
  void stopPool() {
    pool.shutdownNow();
  }

  private <T> T inSpan(String name, Supplier<T> task) {
    return work.inSpan(name, task);
  }

  private SpanData finished(String name) {
    return work.finished(name);
  }

  @Test
  void asyncStagesAreChildrenOfTheSpanThatRegisteredThem() throws Exception {
    Span agent = tracer.spanBuilder("invoke_agent support").startSpan();
    CompletableFuture<String> reply;
    try (Scope scope = agent.makeCurrent()) {
      reply =
          AsyncContext.supplyAsync(() -> inSpan("lookup_order", () -> "ORD-1"), pool)
              .thenApplyAsync(
                  AsyncContext.wrapFunction(order -> inSpan("chat", () -> "reply for " + order)),
                  pool)
              .thenCombine(
                  AsyncContext.supplyAsync(() -> inSpan("weather", () -> "sunny")),
                  AsyncContext.wrapBiFunction((a, b) -> inSpan("combine", () -> a + ", " + b)));
    }

    assertThat(reply.get(5, TimeUnit.SECONDS)).isEqualTo("reply for ORD-1, sunny");
    agent.end();
    for (String name : new String[] {"lookup_order", "chat", "weather", "combine"}) {
      assertThat(finished(name).parentSpanContext()).as(name).isEqualTo(agent.spanContext());
    }
  }

  @Test
  void wrappedCallbacksRestoreTheCompletingThreadsContext() throws Exception {
    Span agent = tracer.spanBuilder("agent").startSpan();
    Span[] seen = new Span[2];
    CompletableFuture<String> source = new CompletableFuture<>();
    CompletableFuture<Void> done;
    try (Scope scope = agent.makeCurrent()) {
      done =
          source
              .thenAccept(AsyncContext.wrapConsumer(value -> seen[0] = Span.current()))
              .whenComplete(
                  AsyncContext.wrapBiConsumer((value, error) -> seen[1] = Span.current()));
    }

    source.complete("value");
    done.get(5, TimeUnit.SECONDS);

    assertThat(seen).containsExactly(agent, agent);
    assertThat(Span.current().spanContext().isValid()).isFalse();
  }

  @Test
  void runAsyncCarriesTheContextToTheCommonPool() throws Exception {
    Span agent = tracer.spanBuilder("agent").startSpan();
    Span[] seen = new Span[1];
    try (Scope scope = agent.makeCurrent()) {
      AsyncContext.runAsync(() -> seen[0] = Span.current()).get(5, TimeUnit.SECONDS);
    }

    assertThat(seen[0]).isSameAs(agent);
  }

  // One dependent stage per test: with two, CompletableFuture lets the thread running the first
  // one fire the second (postFire helps complete the source's stack), so which thread registers
  // the second with its executor, and so which context a per-task wrapper captures, is a race.
  @Test
  void aPerTaskWrapperGivenToAnAsyncStageSeesTheCompletingThreadsContext() throws Exception {
    Span agent = tracer.spanBuilder("agent").startSpan();
    Span client = tracer.spanBuilder("http client").startSpan();
    CompletableFuture<String> answer = new CompletableFuture<>();
    CompletableFuture<Span> perTask;
    try (Scope scope = agent.makeCurrent()) {
      perTask =
          answer.thenApplyAsync(value -> Span.current(), ContextExecutors.wrap((Executor) pool));
    }

    completeInside(client, answer);

    // Why the docs offer current(pool) for *Async stages and not wrap(pool).
    assertThat(perTask.get(5, TimeUnit.SECONDS)).isSameAs(client);
  }

  @Test
  void anExecutorCapturedAtRegistrationGivesAnAsyncStageTheRegisteringContext() throws Exception {
    Span agent = tracer.spanBuilder("agent").startSpan();
    Span client = tracer.spanBuilder("http client").startSpan();
    CompletableFuture<String> answer = new CompletableFuture<>();
    CompletableFuture<Span> captured;
    try (Scope scope = agent.makeCurrent()) {
      captured = answer.thenApplyAsync(value -> Span.current(), ContextExecutors.current(pool));
    }

    completeInside(client, answer);

    assertThat(captured.get(5, TimeUnit.SECONDS)).isSameAs(agent);
  }

  private void completeInside(Span span, CompletableFuture<String> future) throws Exception {
    pool.submit(
            () -> {
              try (Scope scope = span.makeCurrent()) {
                future.complete("shipped");
              }
            })
        .get(5, TimeUnit.SECONDS);
  }
}

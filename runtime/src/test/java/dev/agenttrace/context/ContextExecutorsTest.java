package dev.agenttrace.context;

import static org.assertj.core.api.Assertions.assertThat;

import dev.agenttrace.Baggage;
import dev.agenttrace.Context;
import dev.agenttrace.Scope;
import dev.agenttrace.Span;
import dev.agenttrace.sdk.TracerSdk;
import dev.agenttrace.spi.SpanData;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

// Scopes are closed by try-with-resources without being read: that is their use.
@SuppressWarnings("try")
class ContextExecutorsTest {
  private final TracedWork work = new TracedWork();
  private final TracerSdk tracer = work.tracer;
  private final ExecutorService pool = Executors.newFixedThreadPool(2);
  private final ScheduledExecutorService scheduler = Executors.newScheduledThreadPool(1);

  @AfterEach
  void stopPools() {
    pool.shutdownNow();
    scheduler.shutdownNow();
  }

  private Callable<String> toolCall(String name) {
    return () ->
        work.inSpan(
            "execute_tool " + name,
            () -> {
              TracedWork.pause(5);
              return name;
            });
  }

  private SpanData finished(String name) {
    return work.finished(name);
  }

  @Test
  void parallelToolCallsFannedOutFromOneAgentAreEachItsChildren() throws Exception {
    ExecutorService tools = ContextExecutors.wrap(pool);
    Span agent = tracer.spanBuilder("invoke_agent planner").startSpan();
    List<Future<String>> results = new ArrayList<>();
    try (Scope scope = agent.makeCurrent()) {
      for (String name : List.of("search", "lookup", "weather", "calendar")) {
        results.add(tools.submit(toolCall(name)));
      }
      for (Future<String> result : results) {
        result.get(5, TimeUnit.SECONDS);
      }
    } finally {
      agent.end();
    }

    for (String name : List.of("search", "lookup", "weather", "calendar")) {
      SpanData tool = finished("execute_tool " + name);
      assertThat(tool.parentSpanContext()).isEqualTo(agent.spanContext());
      assertThat(tool.spanContext().traceId()).isEqualTo(agent.spanContext().traceId());
    }
  }

  @Test
  void invokeAllRunsEveryTaskInTheSubmittersContext() throws Exception {
    ExecutorService tools = ContextExecutors.wrap(pool);
    Span agent = tracer.spanBuilder("invoke_agent planner").startSpan();
    try (Scope scope = agent.makeCurrent()) {
      for (Future<String> result : tools.invokeAll(List.of(toolCall("a"), toolCall("b")))) {
        result.get();
      }
    }
    agent.end();

    assertThat(finished("execute_tool a").parentSpanContext()).isEqualTo(agent.spanContext());
    assertThat(finished("execute_tool b").parentSpanContext()).isEqualTo(agent.spanContext());
  }

  @Test
  void contextIsTakenAtSubmissionNotAtWrapping() throws Exception {
    ExecutorService tools = ContextExecutors.wrap(pool);
    Span first = tracer.spanBuilder("first").startSpan();
    Span second = tracer.spanBuilder("second").startSpan();

    Span seenFirst;
    Span seenSecond;
    try (Scope scope = first.makeCurrent()) {
      seenFirst = tools.submit(Span::current).get();
    }
    try (Scope scope = second.makeCurrent()) {
      seenSecond = tools.submit(Span::current).get();
    }

    assertThat(seenFirst).isSameAs(first);
    assertThat(seenSecond).isSameAs(second);
  }

  @Test
  void pooledThreadHasNoContextLeftAfterTheTask() throws Exception {
    ExecutorService single = Executors.newSingleThreadExecutor();
    try {
      ExecutorService wrapped = ContextExecutors.wrap(single);
      Span span = tracer.spanBuilder("request").startSpan();
      try (Scope scope = span.makeCurrent()) {
        wrapped.submit(() -> {}).get();
      }

      Context leftOver = single.submit(Context::current).get();

      assertThat(leftOver).isSameAs(Context.root());
    } finally {
      single.shutdownNow();
    }
  }

  @Test
  void plainExecutorCarriesSpanAndBaggage() throws Exception {
    CountDownLatch done = new CountDownLatch(1);
    Context[] seen = new Context[1];
    Span span = tracer.spanBuilder("request").startSpan();
    try (Scope scope = span.makeCurrent();
        Scope baggage = Baggage.builder().put("tenant", "acme").build().makeCurrent()) {
      ContextExecutors.wrap((java.util.concurrent.Executor) pool)
          .execute(
              () -> {
                seen[0] = Context.current();
                done.countDown();
              });
    }
    assertThat(done.await(5, TimeUnit.SECONDS)).isTrue();

    assertThat(seen[0].span()).isSameAs(span);
    assertThat(seen[0].baggage().get("tenant")).isEqualTo("acme");
  }

  @Test
  void scheduledAndPeriodicTasksRunInTheSchedulersContext() throws Exception {
    ScheduledExecutorService wrapped = ContextExecutors.wrap(scheduler);
    Span span = tracer.spanBuilder("request").startSpan();
    CountDownLatch threeRuns = new CountDownLatch(3);
    List<Span> seenByPeriodic = new java.util.concurrent.CopyOnWriteArrayList<>();
    ScheduledFuture<Span> delayed;
    ScheduledFuture<?> periodic;
    try (Scope scope = span.makeCurrent()) {
      delayed = wrapped.schedule(Span::current, 10, TimeUnit.MILLISECONDS);
      periodic =
          wrapped.scheduleAtFixedRate(
              () -> {
                seenByPeriodic.add(Span.current());
                threeRuns.countDown();
              },
              0,
              5,
              TimeUnit.MILLISECONDS);
    }

    assertThat(delayed.get(5, TimeUnit.SECONDS)).isSameAs(span);
    assertThat(threeRuns.await(5, TimeUnit.SECONDS)).isTrue();
    periodic.cancel(false);
    assertThat(seenByPeriodic).isNotEmpty().allSatisfy(seen -> assertThat(seen).isSameAs(span));
  }

  @Test
  void wrappingTwiceDoesNotWrapAgain() {
    ExecutorService once = ContextExecutors.wrap(pool);

    assertThat(ContextExecutors.wrap(once)).isSameAs(once);
  }
}

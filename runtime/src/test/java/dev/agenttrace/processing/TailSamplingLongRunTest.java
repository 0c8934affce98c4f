package dev.agenttrace.processing;

import static org.assertj.core.api.Assertions.assertThat;

import dev.agenttrace.Context;
import dev.agenttrace.Span;
import dev.agenttrace.SpanContext;
import dev.agenttrace.StatusCode;
import dev.agenttrace.TraceState;
import dev.agenttrace.metrics.TailSamplingStats;
import dev.agenttrace.sdk.TracerSdk;
import dev.agenttrace.spi.SpanData;
import dev.agenttrace.testing.ManualClock;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/**
 * Many interleaved traces of random shape, some failing, some rooted in another service, some with
 * spans ending after their root, driven by a seeded random source so a failure can be replayed.
 */
class TailSamplingLongRunTest {
  // Room for the (at most 100) running traces and those waiting, so that nothing is decided early
  // and every failure keeps its trace whole; TailSamplingUnderPressureTest covers the rest.
  private static final int MAX_TRACES = 256;
  private static final int MAX_SPANS = 40;

  private final ManualClock clock = new ManualClock();
  private final InMemorySpanCollector exported = new InMemorySpanCollector();
  private final TailSamplingProcessor tail =
      TailSamplingProcessor.builder(exported)
          .clock(clock)
          .keepProbability(0.05)
          .slowerThan(Duration.ofSeconds(20))
          .decisionWait(Duration.ofSeconds(5))
          .maxTraces(MAX_TRACES)
          .maxSpansPerTrace(MAX_SPANS)
          .maxDecidedTraces(1_000)
          .build();
  private final TracerSdk tracer = TracerSdk.builder().clock(clock).addSpanProcessor(tail).build();

  /** One trace being driven: its open spans (innermost last) and what the test expects of it. */
  private static final class OpenTrace {
    final Deque<Span> open = new ArrayDeque<>();
    final List<Span> endAfterRoot = new ArrayList<>();
    int spans;
    boolean failed;
  }

  private final Map<String, OpenTrace> traces = new HashMap<>();

  private OpenTrace start(SplittableRandom random) {
    OpenTrace trace = new OpenTrace();
    Span root;
    if (random.nextInt(5) == 0) {
      Span remoteParent =
          Span.wrap(
              SpanContext.createFromRemoteParent(
                  random.nextLong(),
                  random.nextLong(),
                  1 + random.nextLong(Long.MAX_VALUE - 1),
                  (byte) (SpanContext.FLAG_SAMPLED | SpanContext.FLAG_RANDOM),
                  TraceState.empty()));
      root = tracer.spanBuilder("server").setParent(Context.root().with(remoteParent)).startSpan();
    } else {
      root = tracer.spanBuilder("invoke_agent").setNoParent().startSpan();
    }
    trace.open.push(root);
    trace.spans = 1;
    traces.put(root.spanContext().traceId(), trace);
    return trace;
  }

  private void step(OpenTrace trace, SplittableRandom random) {
    Span top = trace.open.peek();
    if (trace.open.size() < 6 && random.nextInt(3) > 0) {
      Span child = tracer.spanBuilder("step").setParent(Context.root().with(top)).startSpan();
      trace.spans++;
      if (random.nextInt(10) == 0) {
        trace.endAfterRoot.add(child);
      } else {
        trace.open.push(child);
      }
      return;
    }
    trace.open.pop();
    if (random.nextInt(40) == 0) {
      top.setStatus(StatusCode.ERROR, "tool failed");
      trace.failed = true;
    }
    if (trace.open.isEmpty()) {
      top.end();
      // Spans that outlive their root, some failing: they end within the processor's
      // lateSpanWait, so a failure among them still keeps the whole trace.
      for (Span late : trace.endAfterRoot) {
        if (random.nextInt(20) == 0) {
          late.setStatus(StatusCode.ERROR, "async tool failed");
          trace.failed = true;
        }
        late.end();
      }
    } else {
      top.end();
    }
  }

  @Test
  void everyFailedTraceIsKeptWholeAndMemoryStaysBounded() {
    SplittableRandom random = new SplittableRandom(20_260_101);
    List<OpenTrace> running = new ArrayList<>();
    for (int i = 0; i < 200_000; i++) {
      if (running.size() < 100 && random.nextInt(4) == 0) {
        running.add(start(random));
      } else if (!running.isEmpty()) {
        OpenTrace trace = running.get(random.nextInt(running.size()));
        step(trace, random);
        if (trace.open.isEmpty()) {
          running.remove(trace);
        }
      }
      clock.advance(Duration.ofMillis(random.nextInt(20)));
      TailSamplingStats stats = tail.stats();
      assertThat(stats.tracesPending()).isLessThanOrEqualTo(MAX_TRACES);
      assertThat(stats.spansBuffered()).isLessThanOrEqualTo((long) MAX_TRACES * MAX_SPANS);
    }
    for (OpenTrace trace : running) {
      while (!trace.open.isEmpty()) {
        step(trace, random);
      }
    }
    tracer.forceFlush(Duration.ofSeconds(5));

    Map<String, Long> exportedPerTrace = new HashMap<>();
    for (SpanData span : exported.finishedSpans()) {
      exportedPerTrace.merge(span.traceId(), 1L, Long::sum);
    }
    long failedTraces = 0;
    for (Map.Entry<String, OpenTrace> trace : traces.entrySet()) {
      long kept = exportedPerTrace.getOrDefault(trace.getKey(), 0L);
      if (trace.getValue().failed) {
        failedTraces++;
        assertThat(kept)
            .as("spans kept of failed trace %s", trace.getKey())
            .isEqualTo(trace.getValue().spans);
      } else {
        assertThat(kept)
            .as("a trace is kept whole or not at all")
            .isIn(0L, (long) trace.getValue().spans);
      }
    }
    TailSamplingStats stats = tail.stats();
    assertThat(failedTraces).isGreaterThan(500);
    assertThat(stats.tracesEvicted() + stats.tracesTruncated() + stats.tracesTimedOut())
        .isPositive();
    assertThat(stats.tracesDropped()).isPositive();
    assertThat(stats.spansReceived())
        .isEqualTo(stats.spansForwarded() + stats.spansDropped())
        .isEqualTo(traces.values().stream().mapToLong(trace -> trace.spans).sum());
    assertThat(stats.spansBuffered()).isZero();
    assertThat(stats.tracesEvicted()).isZero();
    assertThat(stats.tracesPending()).isZero();
    assertThat(stats.decidedTraces()).isEqualTo(stats.tracesSeen()).isEqualTo(traces.size());
  }

  @Test
  void concurrentTracesFromManyThreadsKeepEveryFailure() throws Exception {
    int threads = 4;
    int tracesPerThread = 5_000;
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    List<Future<Map<String, Integer>>> failedByThread = new ArrayList<>();
    try {
      for (int t = 0; t < threads; t++) {
        long seed = t;
        failedByThread.add(
            pool.submit(
                () -> {
                  SplittableRandom random = new SplittableRandom(seed);
                  Map<String, Integer> failed = new HashMap<>();
                  for (int i = 0; i < tracesPerThread; i++) {
                    Span root = tracer.spanBuilder("invoke_agent").setNoParent().startSpan();
                    int children = 1 + random.nextInt(8);
                    boolean fails = random.nextInt(20) == 0;
                    for (int c = 0; c < children; c++) {
                      Span child =
                          tracer
                              .spanBuilder("step")
                              .setParent(Context.root().with(root))
                              .startSpan();
                      if (fails && c == children - 1) {
                        child.setStatus(StatusCode.ERROR);
                      }
                      child.end();
                    }
                    root.end();
                    if (fails) {
                      failed.put(root.spanContext().traceId(), children + 1);
                    }
                  }
                  return failed;
                }));
      }
      Map<String, Long> exportedPerTrace = new HashMap<>();
      Map<String, Integer> failed = new HashMap<>();
      for (Future<Map<String, Integer>> future : failedByThread) {
        failed.putAll(future.get());
      }
      tracer.forceFlush(Duration.ofSeconds(5));
      for (SpanData span : exported.finishedSpans()) {
        exportedPerTrace.merge(span.traceId(), 1L, Long::sum);
      }

      assertThat(failed).hasSizeGreaterThan(500);
      for (Map.Entry<String, Integer> trace : failed.entrySet()) {
        assertThat(exportedPerTrace.get(trace.getKey())).isEqualTo((long) trace.getValue());
      }
      TailSamplingStats stats = tail.stats();
      assertThat(stats.spansReceived()).isEqualTo(stats.spansForwarded() + stats.spansDropped());
    } finally {
      pool.shutdown();
    }
  }
}

package dev.agenttrace.processing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.agenttrace.Context;
import dev.agenttrace.Span;
import dev.agenttrace.StatusCode;
import dev.agenttrace.metrics.TailSamplingStats;
import dev.agenttrace.sdk.TracerSdk;
import dev.agenttrace.spi.SpanData;
import dev.agenttrace.testing.ManualClock;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * More traces wait than {@code maxTraces} allows: each has an asynchronous tool still running when
 * its root ends, so it is held for {@code lateSpanWait}, and a new trace starts every millisecond
 * (on a manual clock), so 2,000 would wait at once with room for 100. The oldest are decided early
 * by the usual rules, so the kept share is what was configured, exactly the traces whose id falls
 * in it.
 */
class TailSamplingUnderPressureTest {
  private static final int TRACES = 20_000;
  private static final int MAX_TRACES = 100;
  private static final double SHARE = 0.25;

  private final ManualClock clock = new ManualClock();
  private final InMemorySpanCollector exported = new InMemorySpanCollector();
  private final TailSamplingProcessor tail =
      TailSamplingProcessor.builder(exported)
          .clock(clock)
          .keepProbability(SHARE)
          .slowerThan(Duration.ofSeconds(10))
          .lateSpanWait(Duration.ofSeconds(2))
          .maxTraces(MAX_TRACES)
          .maxDecidedTraces(10_000) // longer than the tools run, so they follow the verdict
          .sweepInterval(Duration.ZERO)
          .build();
  private final TracerSdk tracer = TracerSdk.builder().clock(clock).addSpanProcessor(tail).build();

  private record AsyncTool(long endsAtMillis, Span span) {}

  @Test
  void theKeptShareHoldsAndEveryEarlyFailureIsKeptWholeWhenMoreTracesWaitThanMaxTraces() {
    long threshold = TraceIdRatioSampler.rejectionThreshold(SHARE);
    ArrayDeque<AsyncTool> running = new ArrayDeque<>();
    Set<String> failed = new HashSet<>();
    Set<String> inShare = new HashSet<>();
    int withoutReason = 0;
    long maxPending = 0;
    for (int i = 0; i < TRACES; i++) {
      Span root = tracer.spanBuilder("invoke_agent support").setNoParent().startSpan();
      Context inRoot = Context.root().with(root);
      Span model = tracer.spanBuilder("chat model").setParent(inRoot).startSpan();
      if (i % 50 == 0) {
        model.setStatus(StatusCode.ERROR, "model unavailable");
        failed.add(root.spanContext().traceId());
      } else {
        withoutReason++;
        if (TraceIdRatioSampler.isKept(root.spanContext().traceIdLow(), threshold)) {
          inShare.add(root.spanContext().traceId());
        }
      }
      model.end();
      Span tool = tracer.spanBuilder("execute_tool lookup_order").setParent(inRoot).startSpan();
      root.end();
      running.add(new AsyncTool(i + 3_000, tool));
      clock.advance(Duration.ofMillis(1));
      while (!running.isEmpty() && running.peek().endsAtMillis() <= i) {
        running.poll().span().end();
      }
      maxPending = Math.max(maxPending, tail.stats().tracesPending());
    }
    running.forEach(tool -> tool.span().end());
    tail.forceFlush(Duration.ofSeconds(5));

    Map<String, Integer> keptSpans = new HashMap<>();
    for (SpanData span : exported.finishedSpans()) {
      keptSpans.merge(span.traceId(), 1, Integer::sum);
    }
    Set<String> keptWithoutReason = new HashSet<>(keptSpans.keySet());
    keptWithoutReason.removeAll(failed);
    TailSamplingStats stats = tail.stats();

    assertThat(stats.tracesEvicted()).isGreaterThan(TRACES / 2);
    assertThat(maxPending).isLessThanOrEqualTo(MAX_TRACES);
    assertThat(keptWithoutReason).isEqualTo(inShare);
    assertThat((double) keptWithoutReason.size() / withoutReason).isCloseTo(SHARE, within(0.02));
    assertThat(failed).allSatisfy(id -> assertThat(keptSpans.get(id)).isEqualTo(3));
    assertThat(inShare).allSatisfy(id -> assertThat(keptSpans.get(id)).isEqualTo(3));
    assertThat(stats.tracesKeptForError()).isEqualTo(failed.size());
    assertThat(stats.tracesKeptByProbability()).isEqualTo(inShare.size());
    assertThat(stats.tracesDropped()).isEqualTo(withoutReason - inShare.size());
    assertThat(stats.decidedTraces()).isEqualTo(stats.tracesSeen()).isEqualTo(TRACES);
    assertThat(stats.spansReceived())
        .isEqualTo(stats.spansForwarded() + stats.spansDropped())
        .isEqualTo(3L * TRACES);
  }
}

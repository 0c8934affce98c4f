package dev.agenttrace.processing;

import static org.assertj.core.api.Assertions.assertThat;

import dev.agenttrace.Context;
import dev.agenttrace.Span;
import dev.agenttrace.SpanContext;
import dev.agenttrace.StatusCode;
import dev.agenttrace.TraceState;
import dev.agenttrace.sdk.TracerSdk;
import dev.agenttrace.spi.SpanData;
import dev.agenttrace.testing.ManualClock;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class TailSamplingProcessorTest {
  private final ManualClock clock = new ManualClock();
  private final InMemorySpanCollector exported = new InMemorySpanCollector();

  private TailSamplingProcessor.Builder sampler() {
    return TailSamplingProcessor.builder(exported)
        .clock(clock)
        .keepProbability(0)
        .slowerThan(Duration.ofSeconds(2))
        .decisionWait(Duration.ofSeconds(30));
  }

  private TracerSdk tracer(TailSamplingProcessor tail) {
    return TracerSdk.builder().clock(clock).addSpanProcessor(tail).build();
  }

  private static Span child(TracerSdk tracer, Span parent, String name) {
    return tracer.spanBuilder(name).setParent(Context.root().with(parent)).startSpan();
  }

  /** Starts a root and ends a failed child of it; returns the root, still running. */
  private static Span rootWithFailedChild(TracerSdk tracer) {
    Span root = tracer.spanBuilder("invoke_agent support").startSpan();
    Span failed = child(tracer, root, "execute_tool lookup_order");
    failed.setStatus(StatusCode.ERROR);
    failed.end();
    return root;
  }

  /** A root with two children; the second fails if {@code fail}; the root takes {@code millis}. */
  private void trace(TracerSdk tracer, boolean fail, long millis) {
    Span root = tracer.spanBuilder("invoke_agent support").setNoParent().startSpan();
    child(tracer, root, "execute_tool lookup_order").end();
    Span second = child(tracer, root, "chat scripted-model");
    if (fail) {
      second.setStatus(StatusCode.ERROR, "model unavailable");
    }
    second.end();
    clock.advance(Duration.ofMillis(millis));
    root.end();
  }

  @Test
  void keepsTheWholeTraceWhenOneSpanFailed() {
    TailSamplingProcessor tail = sampler().build();

    trace(tracer(tail), true, 10);

    assertThat(exported.finishedSpans())
        .extracting(SpanData::name)
        .containsExactly(
            "execute_tool lookup_order", "chat scripted-model", "invoke_agent support");
    assertThat(tail.stats().tracesKeptForError()).isEqualTo(1);
  }

  @Test
  void dropsAFastSuccessfulTraceWhenTheProbabilityIsZero() {
    TailSamplingProcessor tail = sampler().build();

    trace(tracer(tail), false, 10);
    clock.advance(Duration.ofSeconds(2));
    tail.forceFlush(Duration.ofSeconds(1));

    assertThat(exported.finishedSpans()).isEmpty();
    assertThat(tail.stats().tracesDropped()).isEqualTo(1);
    assertThat(tail.stats().spansDropped()).isEqualTo(3);
  }

  @Test
  void keepsATraceWhoseRootIsSlowerThanTheThreshold() {
    TailSamplingProcessor tail = sampler().build();

    trace(tracer(tail), false, 2_001);

    assertThat(exported.finishedSpans()).hasSize(3);
    assertThat(tail.stats().tracesKeptForLatency()).isEqualTo(1);
  }

  @Test
  void holdsSpansUntilTheRootEnds() {
    TailSamplingProcessor tail = sampler().build();
    TracerSdk tracer = tracer(tail);
    Span root = rootWithFailedChild(tracer);

    assertThat(exported.finishedSpans()).isEmpty();
    assertThat(tail.stats().spansBuffered()).isEqualTo(1);

    root.end();
    assertThat(exported.finishedSpans()).hasSize(2);
  }

  @Test
  void keepsTheSameShareOfTracesAsTheTraceIdRatioSampler() {
    TailSamplingProcessor tail = sampler().keepProbability(0.25).build();
    TracerSdk tracer = tracer(tail);
    Sampler ratio = Sampler.traceIdRatio(0.25);

    for (int i = 0; i < 2_000; i++) {
      trace(tracer, false, 10);
    }

    Set<SpanContext> roots =
        exported.finishedSpans().stream()
            .filter(span -> span.parentSpanId() == null)
            .map(SpanData::spanContext)
            .collect(Collectors.toSet());
    assertThat(roots).hasSizeBetween(400, 600);
    assertThat(roots)
        .allSatisfy(
            root ->
                assertThat(
                        ratio.shouldSample(
                            SpanContext.invalid(),
                            root.traceIdHigh(),
                            root.traceIdLow(),
                            "x",
                            dev.agenttrace.SpanKind.INTERNAL,
                            dev.agenttrace.Attributes.empty()))
                    .isEqualTo(SamplingDecision.RECORD_AND_SAMPLE));
    assertThat(tail.stats().tracesKeptByProbability()).isEqualTo(roots.size());
  }

  @Test
  void decidesATraceWhoseRootIsInAnotherServiceAfterTheWait() {
    TailSamplingProcessor tail = sampler().build();
    TracerSdk tracer = tracer(tail);
    Span remoteParent =
        Span.wrap(
            SpanContext.createFromRemoteParent(
                7,
                8,
                9,
                (byte) (SpanContext.FLAG_SAMPLED | SpanContext.FLAG_RANDOM),
                TraceState.empty()));
    Span server = child(tracer, remoteParent, "execute_tool lookup_order");
    server.setStatus(StatusCode.ERROR);
    server.end();

    clock.advance(Duration.ofSeconds(29));
    trace(tracer, false, 10);
    assertThat(exported.finishedSpans()).isEmpty();

    clock.advance(Duration.ofSeconds(1));
    trace(tracer, false, 10);
    assertThat(exported.finishedSpans())
        .extracting(SpanData::name)
        .containsExactly("execute_tool lookup_order");
    assertThat(tail.stats().tracesTimedOut()).isEqualTo(1);
    assertThat(tail.stats().tracesKeptForError()).isEqualTo(1);
  }

  @Test
  void flushDecidesEveryPendingTrace() {
    TailSamplingProcessor tail = sampler().build();
    TracerSdk tracer = tracer(tail);
    rootWithFailedChild(tracer);

    assertThat(tracer.forceFlush(Duration.ofSeconds(1))).isTrue();

    assertThat(exported.finishedSpans()).hasSize(1);
    assertThat(tail.stats().tracesPending()).isZero();
  }

  @Test
  void aSpanEndingAfterItsTraceWasDecidedFollowsTheDecision() {
    TailSamplingProcessor tail = sampler().lateSpanWait(Duration.ZERO).build();
    TracerSdk tracer = tracer(tail);
    Span root = tracer.spanBuilder("invoke_agent support").startSpan();
    Span late = child(tracer, root, "execute_tool lookup_order");
    root.end();

    late.end();

    assertThat(exported.finishedSpans()).isEmpty();
    assertThat(tail.stats().lateSpans()).isEqualTo(1);
    assertThat(tail.stats().spansDropped()).isEqualTo(2);
  }

  @Test
  void aFailureEndingAfterItsTraceWasDroppedKeepsItselfAndWhatFollows() {
    TailSamplingProcessor tail = sampler().lateSpanWait(Duration.ZERO).build();
    TracerSdk tracer = tracer(tail);
    Span root = tracer.spanBuilder("invoke_agent support").startSpan();
    Span late = child(tracer, root, "execute_tool lookup_order");
    Span later = child(tracer, root, "chat scripted-model");
    root.end();

    late.setStatus(StatusCode.ERROR);
    late.end();
    later.end();

    assertThat(exported.finishedSpans())
        .extracting(SpanData::name)
        .containsExactly("execute_tool lookup_order", "chat scripted-model");
    assertThat(tail.stats().tracesRescuedByLateError()).isEqualTo(1);
  }

  @Test
  void aFailureEndingAfterTheRootWithinTheLateSpanWaitKeepsTheWholeTrace() {
    TailSamplingProcessor tail = sampler().build();
    TracerSdk tracer = tracer(tail);
    Span root = tracer.spanBuilder("invoke_agent support").startSpan();
    Span asyncTool = child(tracer, root, "execute_tool lookup_order");
    Span quick = child(tracer, root, "chat scripted-model");
    quick.end();
    root.end();
    clock.advance(Duration.ofMillis(1_500));

    asyncTool.setStatus(StatusCode.ERROR);
    asyncTool.end();

    assertThat(exported.finishedSpans())
        .extracting(SpanData::name)
        .containsExactly(
            "chat scripted-model", "invoke_agent support", "execute_tool lookup_order");
    assertThat(tail.stats().tracesKeptForError()).isEqualTo(1);
  }

  @Test
  void aTraceWithoutReasonToKeepIsDroppedOnceTheLateSpanWaitIsOver() {
    TailSamplingProcessor tail = sampler().sweepInterval(Duration.ZERO).build();
    TracerSdk tracer = tracer(tail);
    Span root = tracer.spanBuilder("invoke_agent support").startSpan();
    child(tracer, root, "chat scripted-model").end();
    root.end();
    clock.advance(Duration.ofMillis(1_999));
    tracer.spanBuilder("another trace").setNoParent().startSpan().end();

    assertThat(tail.stats().tracesDropped()).isZero();
    clock.advance(Duration.ofMillis(1));
    tracer.spanBuilder("a third trace").setNoParent().startSpan().end();

    assertThat(exported.finishedSpans()).isEmpty();
    assertThat(tail.stats().tracesDropped()).isEqualTo(1);
    assertThat(tail.stats().spansDropped()).isEqualTo(2);
    assertThat(tail.stats().tracesTimedOut()).isZero();
  }

  @Test
  void theSweeperDecidesTracesWhoseWaitIsOverWithoutFurtherSpans() throws Exception {
    InMemorySpanCollector downstream = new InMemorySpanCollector();
    TailSamplingProcessor tail =
        TailSamplingProcessor.builder(downstream)
            .keepProbability(0)
            .lateSpanWait(Duration.ofMillis(50))
            .sweepInterval(Duration.ofMillis(10))
            .build();
    TracerSdk tracer = TracerSdk.builder().addSpanProcessor(tail).build();
    Span root = tracer.spanBuilder("invoke_agent support").startSpan();
    root.end();

    long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
    while (tail.stats().tracesPending() > 0 && System.nanoTime() < deadline) {
      Thread.sleep(10);
    }

    assertThat(tail.stats().tracesPending()).isZero();
    assertThat(tail.stats().tracesDropped()).isEqualTo(1);
    tail.shutdown(Duration.ofSeconds(1));
  }

  @Test
  void aTraceGrownPastTheSpanLimitIsKeptAtOnceAndCounted() {
    TailSamplingProcessor tail = sampler().maxSpansPerTrace(3).build();
    TracerSdk tracer = tracer(tail);
    Span root = tracer.spanBuilder("invoke_agent support").startSpan();
    for (int i = 0; i < 5; i++) {
      child(tracer, root, "step " + i).end();
    }

    assertThat(exported.finishedSpans()).hasSize(5);
    assertThat(tail.stats().tracesTruncated()).isEqualTo(1);
    assertThat(tail.stats().spansBuffered()).isZero();
  }

  @Test
  void theOldestPendingTraceIsKeptEarlyToMakeRoomAndCounted() {
    TailSamplingProcessor tail = sampler().maxTraces(2).build();
    TracerSdk tracer = tracer(tail);
    List<Span> roots =
        List.of(
            tracer.spanBuilder("first").startSpan(),
            tracer.spanBuilder("second").startSpan(),
            tracer.spanBuilder("third").startSpan());
    for (Span root : roots) {
      child(tracer, root, "child of " + root.spanContext().spanId()).end();
    }

    assertThat(tail.stats().tracesPending()).isEqualTo(2);
    assertThat(tail.stats().tracesEvicted()).isEqualTo(1);
    assertThat(exported.finishedSpans())
        .extracting(span -> span.spanContext().traceId())
        .containsExactly(roots.get(0).spanContext().traceId());
  }
}

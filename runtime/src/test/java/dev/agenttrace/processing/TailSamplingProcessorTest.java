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
  void holdsTheSpansOfAnUndecidedTraceUntilTheRootEnds() {
    TailSamplingProcessor tail = sampler().build();
    TracerSdk tracer = tracer(tail);
    Span root = tracer.spanBuilder("invoke_agent support").startSpan();
    child(tracer, root, "execute_tool lookup_order").end();

    assertThat(exported.finishedSpans()).isEmpty();
    assertThat(tail.stats().spansBuffered()).isEqualTo(1);

    clock.advance(Duration.ofSeconds(3));
    root.end();
    assertThat(exported.finishedSpans()).hasSize(2);
    assertThat(tail.stats().tracesKeptForLatency()).isEqualTo(1);
  }

  @Test
  void aFailureKeepsItsTraceAtOnceWithTheSpansHeldSoFar() {
    TailSamplingProcessor tail = sampler().build();
    TracerSdk tracer = tracer(tail);
    Span root = tracer.spanBuilder("invoke_agent support").startSpan();
    child(tracer, root, "chat scripted-model").end();
    Span failed = child(tracer, root, "execute_tool lookup_order");
    failed.setStatus(StatusCode.ERROR);
    failed.end();

    assertThat(exported.finishedSpans())
        .extracting(SpanData::name)
        .containsExactly("chat scripted-model", "execute_tool lookup_order");
    assertThat(tail.stats().spansBuffered()).isZero();

    root.end();
    assertThat(exported.finishedSpans()).hasSize(3);
    assertThat(tail.stats().tracesKeptForError()).isEqualTo(1);
  }

  @Test
  void aTraceWhoseSpansHaveAllEndedIsDecidedWhenItsRootEndsWithoutWaiting() {
    TailSamplingProcessor tail = sampler().sweepInterval(Duration.ZERO).build();

    trace(tracer(tail), false, 10);

    assertThat(tail.stats().tracesDropped()).isEqualTo(1);
    assertThat(tail.stats().tracesPending()).isZero();
    assertThat(tail.stats().spansBuffered()).isZero();
  }

  @Test
  void aTraceInTheShareIsHandedOnAsItsSpansEndWithoutBeingHeld() {
    TailSamplingProcessor tail = sampler().keepProbability(1).build();
    TracerSdk tracer = tracer(tail);
    Span root = tracer.spanBuilder("invoke_agent support").startSpan();

    child(tracer, root, "execute_tool lookup_order").end();

    assertThat(exported.finishedSpans()).hasSize(1);
    assertThat(tail.stats().spansBuffered()).isZero();
    root.end();
    assertThat(tail.stats().tracesKeptByProbability()).isEqualTo(1);
  }

  @Test
  void aFailureEndingAfterTheRootOfATraceKeptForTheShareCountsAsKeptForError() {
    TailSamplingProcessor tail = sampler().keepProbability(1).build();
    TracerSdk tracer = tracer(tail);
    Span root = tracer.spanBuilder("invoke_agent support").startSpan();
    Span asyncTool = child(tracer, root, "execute_tool lookup_order");
    root.end();
    assertThat(tail.stats().tracesPending()).isEqualTo(1);

    clock.advance(Duration.ofMillis(500));
    asyncTool.setStatus(StatusCode.ERROR);
    asyncTool.end();

    assertThat(exported.finishedSpans()).hasSize(2);
    assertThat(tail.stats().tracesKeptForError()).isEqualTo(1);
    assertThat(tail.stats().tracesKeptByProbability()).isZero();
    assertThat(tail.stats().decidedTraces()).isEqualTo(tail.stats().tracesSeen());
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
    clock.advance(Duration.ofSeconds(3));
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
    assertThat(tail.stats().tracesKeptForLatency()).isEqualTo(1);
  }

  @Test
  void flushDecidesEveryPendingTrace() {
    TailSamplingProcessor tail = sampler().build();
    TracerSdk tracer = tracer(tail);
    rootWithFailedChild(tracer);

    assertThat(tracer.forceFlush(Duration.ofSeconds(1))).isTrue();

    assertThat(exported.finishedSpans()).hasSize(1);
    assertThat(tail.stats().tracesPending()).isZero();
    assertThat(tail.stats().decidedTraces()).isEqualTo(1);
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
    Span stillRunning = child(tracer, root, "execute_tool lookup_order");
    root.end();
    clock.advance(Duration.ofMillis(1_999));
    tracer.spanBuilder("another trace").setNoParent().startSpan().end();

    assertThat(tail.stats().tracesDropped()).isEqualTo(1); // the other one: nothing ran on
    assertThat(tail.stats().tracesPending()).isEqualTo(1);
    clock.advance(Duration.ofMillis(1));
    tracer.spanBuilder("a third trace").setNoParent().startSpan().end();

    assertThat(exported.finishedSpans()).isEmpty();
    assertThat(tail.stats().tracesDropped()).isEqualTo(3);
    assertThat(tail.stats().spansDropped()).isEqualTo(4);
    assertThat(tail.stats().tracesTimedOut()).isZero();
    stillRunning.end();
    assertThat(tail.stats().lateSpans()).isEqualTo(1);
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
    tracer
        .spanBuilder("execute_tool lookup_order")
        .setParent(Context.root().with(root))
        .startSpan();
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
    assertThat(tail.stats().spansBuffered()).isZero();
    root.end();
    assertThat(exported.finishedSpans()).hasSize(6);
    assertThat(tail.stats().tracesTruncated()).isEqualTo(1);
  }

  @Test
  void theOldestPendingTraceIsDecidedEarlyByTheUsualRulesToMakeRoom() {
    TailSamplingProcessor tail = sampler().maxTraces(2).build();
    TracerSdk tracer = tracer(tail);
    Span slow = tracer.spanBuilder("first").startSpan();
    Span slowStep = child(tracer, slow, "slow step");
    clock.advance(Duration.ofSeconds(3));
    slowStep.end();
    Span fast = tracer.spanBuilder("second").startSpan();
    child(tracer, fast, "fast step").end();

    tracer.spanBuilder("third").startSpan();
    tracer.spanBuilder("fourth").startSpan();

    assertThat(tail.stats().tracesPending()).isEqualTo(2);
    assertThat(tail.stats().tracesEvicted()).isEqualTo(2);
    assertThat(tail.stats().tracesKeptForLatency()).isEqualTo(1);
    assertThat(tail.stats().tracesDropped()).isEqualTo(1);
    assertThat(exported.finishedSpans()).extracting(SpanData::name).containsExactly("slow step");
    slow.end();
    fast.end();
    assertThat(exported.finishedSpans())
        .extracting(SpanData::name)
        .containsExactly("slow step", "first");
    assertThat(tail.stats().decidedTraces() + tail.stats().tracesPending())
        .isEqualTo(tail.stats().tracesSeen())
        .isEqualTo(4);
  }
}

package dev.agenttrace.sdk;

import static org.assertj.core.api.Assertions.assertThat;

import dev.agenttrace.Context;
import dev.agenttrace.Scope;
import dev.agenttrace.Span;
import dev.agenttrace.SpanContext;
import dev.agenttrace.processing.InMemorySpanCollector;
import dev.agenttrace.processing.Sampler;
import dev.agenttrace.spi.SpanData;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** Two services, each with its own tracer, linked only by the span context they pass on. */
@SuppressWarnings("try") // scopes are opened for their effect on the current span
class HeadSamplingAcrossServicesTest {
  private static final int TRACES = 4_000;

  private final InMemorySpanCollector frontendSpans = new InMemorySpanCollector();
  private final InMemorySpanCollector backendSpans = new InMemorySpanCollector();

  private static TracerSdk service(String name, Sampler sampler, InMemorySpanCollector spans) {
    return TracerSdk.builder().serviceName(name).sampler(sampler).addSpanProcessor(spans).build();
  }

  /** What a {@code traceparent} header carries: ids and flags, arriving as a remote context. */
  private static SpanContext overTheWire(SpanContext sent) {
    return SpanContext.createFromRemoteParent(
        sent.traceIdHigh(), sent.traceIdLow(), sent.spanIdLong(), sent.flags(), sent.traceState());
  }

  /** Runs a frontend root span that calls the backend, which handles it with a child span. */
  private static void request(TracerSdk frontend, TracerSdk backend) {
    Span root = frontend.spanBuilder("invoke_agent support").startSpan();
    try (Scope scope = root.makeCurrent()) {
      SpanContext header = overTheWire(Span.current().spanContext());
      Span server =
          backend
              .spanBuilder("execute_tool lookup_order")
              .setParent(Context.root().with(Span.wrap(header)))
              .startSpan();
      server.end();
    } finally {
      root.end();
    }
  }

  /** Runs {@link #TRACES} requests from a frontend to a backend with these head samplers. */
  private void runTraces(Sampler frontendSampler, Sampler backendSampler) {
    TracerSdk frontend = service("frontend", frontendSampler, frontendSpans);
    TracerSdk backend = service("backend", backendSampler, backendSpans);
    for (int i = 0; i < TRACES; i++) {
      request(frontend, backend);
    }
  }

  private static Set<String> traceIds(InMemorySpanCollector spans) {
    return spans.finishedSpans().stream().map(SpanData::traceId).collect(Collectors.toSet());
  }

  @Test
  void parentBasedBackendKeepsExactlyTheTracesTheFrontendSampled() {
    runTraces(Sampler.traceIdRatio(0.2), Sampler.parentBased(Sampler.alwaysOn()));

    assertThat(traceIds(frontendSpans)).hasSizeBetween(TRACES / 10, TRACES * 3 / 10);
    assertThat(traceIds(backendSpans)).isEqualTo(traceIds(frontendSpans));
  }

  @Test
  void ratioSamplersWithTheSameRatioDecideTheSameInBothServices() {
    runTraces(Sampler.traceIdRatio(0.3), Sampler.traceIdRatio(0.3));

    assertThat(traceIds(frontendSpans)).isNotEmpty();
    assertThat(traceIds(backendSpans)).isEqualTo(traceIds(frontendSpans));
  }

  @Test
  void aBackendWithAHigherRatioKeepsEveryTraceTheFrontendKept() {
    runTraces(Sampler.traceIdRatio(0.1), Sampler.traceIdRatio(0.5));

    assertThat(traceIds(backendSpans)).containsAll(traceIds(frontendSpans));
    assertThat(traceIds(backendSpans).size()).isGreaterThan(traceIds(frontendSpans).size() * 3);
  }

  @Test
  void aSampledOutRootStillPropagatesItsTraceIdWithTheSampledFlagUnset() {
    TracerSdk frontend = service("frontend", Sampler.alwaysOff(), frontendSpans);

    Span root = frontend.spanBuilder("invoke_agent support").startSpan();

    assertThat(root.isRecording()).isFalse();
    assertThat(root.spanContext().isValid()).isTrue();
    assertThat(root.spanContext().isSampled()).isFalse();
    assertThat(root.spanContext().flags() & SpanContext.FLAG_RANDOM).isNotZero();
  }

  @Test
  void theSampledFlagOfRecordedSpansIsWhatTheHeaderCarries() {
    TracerSdk frontend = service("frontend", Sampler.alwaysOn(), frontendSpans);
    TracerSdk backend = service("backend", Sampler.parentBased(Sampler.alwaysOff()), backendSpans);

    request(frontend, backend);

    List<SpanData> backendTrace = backendSpans.finishedSpans();
    assertThat(backendTrace).hasSize(1);
    assertThat(backendTrace.get(0).spanContext().isSampled()).isTrue();
    assertThat(backendTrace.get(0).parentSpanContext().isRemote()).isTrue();
  }
}

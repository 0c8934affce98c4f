package dev.agenttrace.sdk;

import static org.assertj.core.api.Assertions.assertThat;

import dev.agenttrace.Attributes;
import dev.agenttrace.Scope;
import dev.agenttrace.Span;
import dev.agenttrace.SpanContext;
import dev.agenttrace.SpanKind;
import dev.agenttrace.TraceState;
import dev.agenttrace.processing.InMemorySpanCollector;
import dev.agenttrace.processing.Sampler;
import dev.agenttrace.processing.SamplingDecision;
import dev.agenttrace.spi.SpanData;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A child of a span of this process reads its parent's ids as numbers, without a context object;
 * what it reports of its parent, and what it carries on (trace state, flags), must still be exactly
 * what the parent's context says.
 */
// Scopes are closed by try-with-resources without being read: that is their use.
@SuppressWarnings("try")
class ParentIdentityTest {
  private static final SpanContext REMOTE_PARENT =
      SpanContext.createFromRemoteParent(
          0x0af7651916cd43ddL,
          0x8448eb211c80319cL,
          0xb7ad6b7169203331L,
          (byte) (SpanContext.FLAG_SAMPLED | SpanContext.FLAG_RANDOM),
          TraceState.of(
              List.of(Map.entry("congo", "t61rcWkgMzE"), Map.entry("rojo", "00f067aa0ba902b7"))));

  private final InMemorySpanCollector collector = new InMemorySpanCollector();

  private TracerSdk tracer(Sampler sampler) {
    return TracerSdk.builder().sampler(sampler).addSpanProcessor(collector).build();
  }

  private static Span child(TracerSdk tracer, Span parent, String name) {
    try (Scope scope = parent.makeCurrent()) {
      return tracer.spanBuilder(name).startSpan();
    }
  }

  @Test
  void childOfALocalSpanReportsThatSpansContextAsItsParent() {
    TracerSdk tracer = tracer(Sampler.parentBased(Sampler.alwaysOn()));
    Span parent = tracer.spanBuilder("agent").startSpan();
    Span child = child(tracer, parent, "tool");
    child.end();
    parent.end();

    SpanData data = collector.finishedSpans().get(0);
    assertThat(data.parentSpanContext()).isEqualTo(parent.spanContext());
    assertThat(data.parentSpanIdLong()).isEqualTo(parent.spanContext().spanIdLong());
    assertThat(data.parentSpanId()).isEqualTo(parent.spanContext().spanId());
    assertThat(data.hasRemoteParent()).isFalse();
    assertThat(data.traceId()).isEqualTo(parent.spanContext().traceId());
  }

  @Test
  void childOfARecordedButUnsampledSpanReportsItsParentUnsampled() {
    Sampler recordOnlyRoots = new RecordingSampler(SamplingDecision.RECORD_ONLY);
    TracerSdk tracer =
        tracer(
            Sampler.parentBasedBuilder(recordOnlyRoots)
                .localParentNotSampled(recordOnlyRoots)
                .build());
    Span parent = tracer.spanBuilder("agent").startSpan();
    Span child = child(tracer, parent, "tool");
    child.end();
    parent.end();

    SpanData data = collector.finishedSpans().get(0);
    assertThat(parent.spanContext().isSampled()).isFalse();
    assertThat(data.parentSpanContext()).isEqualTo(parent.spanContext());
    assertThat(data.parentSpanContext().isSampled()).isFalse();
  }

  @Test
  void remoteParentIsReportedRemoteWithItsTraceStateAndItsLocalChildIsNot() {
    TracerSdk tracer = tracer(Sampler.parentBased(Sampler.alwaysOn()));
    Span server = child(tracer, Span.wrap(REMOTE_PARENT), "server");
    Span tool = child(tracer, server, "tool");
    tool.end();
    server.end();

    SpanData toolData = collector.finishedSpans().get(0);
    SpanData serverData = collector.finishedSpans().get(1);
    assertThat(serverData.parentSpanContext()).isEqualTo(REMOTE_PARENT);
    assertThat(serverData.hasRemoteParent()).isTrue();
    assertThat(toolData.parentSpanContext()).isEqualTo(server.spanContext());
    assertThat(toolData.hasRemoteParent()).isFalse();
  }

  @Test
  void rootsAndChildrenOfRemoteParentsAreLocalRootsAndLocalChildrenAreNot() {
    TracerSdk tracer = tracer(Sampler.parentBased(Sampler.alwaysOn()));
    Span root = tracer.spanBuilder("root").startSpan();
    Span server = child(tracer, Span.wrap(REMOTE_PARENT), "server");
    Span tool = child(tracer, server, "tool");

    assertThat(((SpanData) root).isLocalRoot()).isTrue();
    assertThat(((SpanData) server).isLocalRoot()).isTrue();
    assertThat(((SpanData) tool).isLocalRoot()).isFalse();
  }

  @Test
  void traceStateOfARemoteParentReachesEveryDescendant() {
    TracerSdk tracer = tracer(Sampler.parentBased(Sampler.alwaysOn()));
    Span server = child(tracer, Span.wrap(REMOTE_PARENT), "server");
    Span agent = child(tracer, server, "agent");
    Span tool = child(tracer, agent, "tool");

    assertThat(tool.spanContext().traceState()).isEqualTo(REMOTE_PARENT.traceState());
    assertThat(((SpanData) tool).parentSpanContext().traceState())
        .isEqualTo(REMOTE_PARENT.traceState());
  }

  @Test
  void traceStateStaysWhenTheSpanLaterRecordsEventsAndAnError() {
    TracerSdk tracer = tracer(Sampler.parentBased(Sampler.alwaysOn()));
    Span server = child(tracer, Span.wrap(REMOTE_PARENT), "server");
    Span local = tracer.spanBuilder("root").startSpan();
    for (Span span : List.of(server, local)) {
      span.addEvent("retry");
      span.recordException(new IllegalStateException("boom"));
    }

    assertThat(server.spanContext().traceState()).isEqualTo(REMOTE_PARENT.traceState());
    assertThat(local.spanContext().traceState().isEmpty()).isTrue();
    assertThat(((SpanData) server).events()).hasSize(2);
  }

  @Test
  void samplerThatNeedsMoreThanTheSampledFlagIsAskedWithTheParentsContext() {
    RecordingSampler sampler = new RecordingSampler(SamplingDecision.RECORD_AND_SAMPLE);
    TracerSdk tracer = tracer(sampler);
    Span parent = tracer.spanBuilder("agent").startSpan();
    child(tracer, parent, "tool").end();

    assertThat(sampler.parents).hasSize(2);
    assertThat(sampler.parents.get(0).isValid()).isFalse();
    assertThat(sampler.parents.get(1)).isEqualTo(parent.spanContext());
  }

  @Test
  void samplerThatDecidesFromTheSampledFlagAloneIsNotAskedForLocalChildren() {
    RecordingSampler root = new RecordingSampler(SamplingDecision.RECORD_AND_SAMPLE);
    TracerSdk tracer = tracer(Sampler.parentBased(root));
    Span parent = tracer.spanBuilder("agent").startSpan();
    Span child = child(tracer, parent, "tool");

    assertThat(root.parents).hasSize(1);
    assertThat(child.isRecording()).isTrue();
    assertThat(child.spanContext().isSampled()).isTrue();
  }

  /**
   * Answers one decision for every span, through shouldSample only, and keeps the parent context it
   * was asked with.
   */
  private static final class RecordingSampler implements Sampler {
    final List<SpanContext> parents = new ArrayList<>();
    private final SamplingDecision decision;

    RecordingSampler(SamplingDecision decision) {
      this.decision = decision;
    }

    @Override
    public SamplingDecision shouldSample(
        SpanContext parent,
        long traceIdHigh,
        long traceIdLow,
        String name,
        SpanKind kind,
        Attributes attributes) {
      parents.add(parent);
      return decision;
    }

    @Override
    public String description() {
      return "Recording";
    }
  }
}

package dev.agenttrace.processing;

import static org.assertj.core.api.Assertions.assertThat;

import dev.agenttrace.Attributes;
import dev.agenttrace.SpanContext;
import dev.agenttrace.SpanKind;
import dev.agenttrace.TraceState;
import java.util.List;
import org.junit.jupiter.api.Test;

class ParentBasedSamplerTest {
  private static final byte SAMPLED = SpanContext.FLAG_SAMPLED | SpanContext.FLAG_RANDOM;
  private static final byte NOT_SAMPLED = SpanContext.FLAG_RANDOM;

  /** Says which delegate was asked, through a distinct decision per delegate. */
  private final Sampler sampler =
      Sampler.parentBasedBuilder(Sampler.alwaysOn())
          .remoteParentSampled(Sampler.alwaysOff())
          .remoteParentNotSampled(Sampler.alwaysOn())
          .localParentSampled(Sampler.alwaysOff())
          .localParentNotSampled(Sampler.alwaysOn())
          .build();

  private static SamplingDecision decide(Sampler sampler, SpanContext parent) {
    return sampler.shouldSample(parent, 1, 2, "op", SpanKind.INTERNAL, Attributes.empty());
  }

  private static SpanContext remote(byte flags) {
    return SpanContext.createFromRemoteParent(1, 2, 3, flags, TraceState.empty());
  }

  private static SpanContext local(byte flags) {
    return SpanContext.create(1, 2, 3, flags, TraceState.empty());
  }

  @Test
  void defaultsFollowTheParentsSampledFlag() {
    Sampler parentBased = Sampler.parentBased(Sampler.alwaysOff());

    assertThat(decide(parentBased, remote(SAMPLED))).isEqualTo(SamplingDecision.RECORD_AND_SAMPLE);
    assertThat(decide(parentBased, remote(NOT_SAMPLED))).isEqualTo(SamplingDecision.DROP);
    assertThat(decide(parentBased, local(SAMPLED))).isEqualTo(SamplingDecision.RECORD_AND_SAMPLE);
    assertThat(decide(parentBased, local(NOT_SAMPLED))).isEqualTo(SamplingDecision.DROP);
  }

  @Test
  void aRootSpanAsksTheRootSampler() {
    assertThat(decide(Sampler.parentBased(Sampler.alwaysOff()), SpanContext.invalid()))
        .isEqualTo(SamplingDecision.DROP);
    assertThat(decide(Sampler.parentBased(Sampler.alwaysOn()), SpanContext.invalid()))
        .isEqualTo(SamplingDecision.RECORD_AND_SAMPLE);
  }

  @Test
  void eachParentCaseAsksItsOwnDelegate() {
    assertThat(decide(sampler, remote(SAMPLED))).isEqualTo(SamplingDecision.DROP);
    assertThat(decide(sampler, remote(NOT_SAMPLED))).isEqualTo(SamplingDecision.RECORD_AND_SAMPLE);
    assertThat(decide(sampler, local(SAMPLED))).isEqualTo(SamplingDecision.DROP);
    assertThat(decide(sampler, local(NOT_SAMPLED))).isEqualTo(SamplingDecision.RECORD_AND_SAMPLE);
  }

  @Test
  void describesAllFiveDelegates() {
    assertThat(Sampler.parentBased(Sampler.traceIdRatio(0.5)).description())
        .isEqualTo(
            "ParentBased{root:TraceIdRatioBased{0.500000},remoteParentSampled:AlwaysOnSampler,"
                + "remoteParentNotSampled:AlwaysOffSampler,localParentSampled:AlwaysOnSampler,"
                + "localParentNotSampled:AlwaysOffSampler}");
  }

  @Test
  void decisionForALocalChildFromTheFlagAloneIsTheOneShouldSampleMakes() {
    Sampler defaults = Sampler.parentBased(Sampler.alwaysOff());
    for (Sampler parentBased : List.of(defaults, sampler)) {
      assertThat(parentBased.decisionForLocalChild(true))
          .isEqualTo(decide(parentBased, local(SAMPLED)));
      assertThat(parentBased.decisionForLocalChild(false))
          .isEqualTo(decide(parentBased, local(NOT_SAMPLED)));
    }
  }

  @Test
  void decisionForALocalChildIsLeftToShouldSampleWhenTheDelegateNeedsTheTraceId() {
    Sampler ratioForLocalChildren =
        Sampler.parentBasedBuilder(Sampler.alwaysOn())
            .localParentSampled(Sampler.traceIdRatio(0.5))
            .build();

    assertThat(ratioForLocalChildren.decisionForLocalChild(true)).isNull();
    assertThat(ratioForLocalChildren.decisionForLocalChild(false)).isEqualTo(SamplingDecision.DROP);
  }
}

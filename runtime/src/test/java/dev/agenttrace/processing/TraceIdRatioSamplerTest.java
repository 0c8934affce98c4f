package dev.agenttrace.processing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.agenttrace.Attributes;
import dev.agenttrace.SpanContext;
import dev.agenttrace.SpanKind;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class TraceIdRatioSamplerTest {

  private static SamplingDecision decide(Sampler sampler, long traceIdLow) {
    return sampler.shouldSample(
        SpanContext.invalid(), 42L, traceIdLow, "op", SpanKind.INTERNAL, Attributes.empty());
  }

  @Test
  void decidesFromTheLow56BitsAgainstTheRejectionThreshold() {
    Sampler half = Sampler.traceIdRatio(0.5);
    long threshold = 1L << 55;
    long highByte = 0xAB00_0000_0000_0000L;

    assertThat(decide(half, highByte | (threshold - 1))).isEqualTo(SamplingDecision.DROP);
    assertThat(decide(half, highByte | threshold)).isEqualTo(SamplingDecision.RECORD_AND_SAMPLE);
    assertThat(decide(half, threshold - 1)).isEqualTo(SamplingDecision.DROP);
    assertThat(decide(half, -1L)).isEqualTo(SamplingDecision.RECORD_AND_SAMPLE);
  }

  @Test
  void ignoresTheUpperTraceIdByteAndTheParentsSampledFlag() {
    Sampler tenth = Sampler.traceIdRatio(0.1);
    SpanContext sampledParent =
        SpanContext.create(1, 5, 7, SpanContext.FLAG_SAMPLED, dev.agenttrace.TraceState.empty());

    assertThat(tenth.shouldSample(sampledParent, 1, 5, "op", SpanKind.INTERNAL, Attributes.empty()))
        .isEqualTo(SamplingDecision.DROP);
    assertThat(decide(tenth, 0xFF00_0000_0000_0005L)).isEqualTo(SamplingDecision.DROP);
  }

  @Test
  void ratioZeroDropsEveryTraceAndRatioOneSamplesEveryTrace() {
    Sampler none = Sampler.traceIdRatio(0.0);
    Sampler all = Sampler.traceIdRatio(1.0);

    for (long low : new long[] {0L, 1L, (1L << 56) - 1, -1L, Long.MIN_VALUE}) {
      assertThat(decide(none, low)).isEqualTo(SamplingDecision.DROP);
      assertThat(decide(all, low)).isEqualTo(SamplingDecision.RECORD_AND_SAMPLE);
    }
  }

  @Test
  void samplesTheConfiguredShareOfRandomTraceIds() {
    Sampler quarter = Sampler.traceIdRatio(0.25);
    SplittableRandom random = new SplittableRandom(7);
    int sampled = 0;
    int traces = 200_000;
    for (int i = 0; i < traces; i++) {
      if (decide(quarter, random.nextLong()) == SamplingDecision.RECORD_AND_SAMPLE) {
        sampled++;
      }
    }

    assertThat(sampled / (double) traces).isBetween(0.245, 0.255);
  }

  @Test
  void aTraceSampledAtOneRatioIsSampledAtEveryHigherRatio() {
    Sampler low = Sampler.traceIdRatio(0.1);
    Sampler high = Sampler.traceIdRatio(0.3);
    SplittableRandom random = new SplittableRandom(11);
    for (int i = 0; i < 50_000; i++) {
      long id = random.nextLong();
      if (decide(low, id) == SamplingDecision.RECORD_AND_SAMPLE) {
        assertThat(decide(high, id)).isEqualTo(SamplingDecision.RECORD_AND_SAMPLE);
      }
    }
  }

  @Test
  void describesItselfAsOpenTelemetryDoes() {
    assertThat(Sampler.traceIdRatio(0.25).description()).isEqualTo("TraceIdRatioBased{0.250000}");
  }

  @Test
  void rejectsARatioOutsideZeroToOne() {
    assertThatThrownBy(() -> Sampler.traceIdRatio(1.5))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("[0, 1]");
    assertThatThrownBy(() -> Sampler.traceIdRatio(Double.NaN))
        .isInstanceOf(IllegalArgumentException.class);
  }
}

package dev.agenttrace.processing;

import dev.agenttrace.Attributes;
import dev.agenttrace.SpanContext;
import dev.agenttrace.SpanKind;
import java.util.Locale;

/**
 * Samples a fixed share of traces, deciding from the trace id alone, as OpenTelemetry's {@code
 * TraceIdRatioBased} sampler does with W3C Trace Context Level 2 randomness.
 *
 * <p>The rightmost 7 bytes of a trace id are random (the {@code random} trace flag says so), so the
 * low 56 bits {@code R} of {@code traceIdLow} are a uniform number in {@code [0, 2^56)}. A span is
 * sampled when {@code R >= T}, with the rejection threshold {@code T = 2^56 - round(ratio * 2^56)}.
 * Every service configured with the same ratio therefore makes the same decision for a trace, and a
 * trace sampled at ratio {@code p} is also sampled at every ratio above {@code p}. The parent's
 * sampled flag is ignored; wrap this sampler in {@link Sampler#parentBased(Sampler)} to follow it.
 */
final class TraceIdRatioSampler implements Sampler {
  /** {@code 2^56}: the number of distinct random values in a trace id. */
  static final long RANDOM_VALUES = 1L << 56;

  private static final long RANDOM_MASK = RANDOM_VALUES - 1;

  private final long threshold;
  private final String description;

  TraceIdRatioSampler(double ratio) {
    if (!(ratio >= 0.0 && ratio <= 1.0)) {
      throw new IllegalArgumentException("ratio must be within [0, 1], was " + ratio);
    }
    this.threshold = rejectionThreshold(ratio);
    this.description = String.format(Locale.ROOT, "TraceIdRatioBased{%.6f}", ratio);
  }

  /** {@code T} for {@code ratio}: the random values below it are rejected. */
  static long rejectionThreshold(double ratio) {
    return RANDOM_VALUES - Math.round(ratio * RANDOM_VALUES);
  }

  /**
   * Whether the trace with low id half {@code traceIdLow} is kept at rejection threshold {@code T}.
   */
  static boolean isKept(long traceIdLow, long threshold) {
    return (traceIdLow & RANDOM_MASK) >= threshold;
  }

  @Override
  public SamplingDecision shouldSample(
      SpanContext parent,
      long traceIdHigh,
      long traceIdLow,
      String name,
      SpanKind kind,
      Attributes attributes) {
    return isKept(traceIdLow, threshold)
        ? SamplingDecision.RECORD_AND_SAMPLE
        : SamplingDecision.DROP;
  }

  @Override
  public String description() {
    return description;
  }

  @Override
  public String toString() {
    return description;
  }
}

package dev.agenttrace.metrics;

import static java.util.Objects.requireNonNull;

/**
 * Two periods of the same operation side by side, such as the last hour against the hour before,
 * with the change of their percentiles.
 *
 * @param baseline the earlier period
 * @param current the later period
 */
public record PeriodComparison(HistogramSnapshot baseline, HistogramSnapshot current) {

  /** Checks that neither period is null. */
  public PeriodComparison {
    requireNonNull(baseline, "baseline");
    requireNonNull(current, "current");
  }

  /** How much the {@code percentile}-th percentile grew (negative: shrank), in recorded units. */
  public long change(double percentile) {
    return current.percentile(percentile) - baseline.percentile(percentile);
  }

  /**
   * The {@code percentile}-th percentile's change relative to the baseline: {@code 0.25} means 25 %
   * slower. {@code NaN} when either period is empty, since there is nothing to compare.
   */
  public double relativeChange(double percentile) {
    if (baseline.isEmpty() || current.isEmpty()) {
      return Double.NaN;
    }
    long before = baseline.percentile(percentile);
    return before == 0 ? Double.NaN : (double) change(percentile) / before;
  }

  /** The change of the median. */
  public long p50Change() {
    return change(50);
  }

  /** The change of the 95th percentile. */
  public long p95Change() {
    return change(95);
  }
}

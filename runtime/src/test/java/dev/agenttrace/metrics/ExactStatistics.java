package dev.agenttrace.metrics;

import java.util.Arrays;
import java.util.List;

/** The statistics of known data computed the slow, obviously right way, to check histograms by. */
final class ExactStatistics {
  private final long[] sorted;

  ExactStatistics(List<Long> values) {
    this.sorted = values.stream().mapToLong(Long::longValue).sorted().toArray();
  }

  ExactStatistics(long[] values) {
    this.sorted = values.clone();
    Arrays.sort(sorted);
  }

  /** Nearest rank: the smallest value with at least {@code p} percent of values at or below it. */
  long percentile(double p) {
    long rank =
        (long)
            Math.ceil(
                new java.math.BigDecimal(Double.toString(p))
                    .multiply(java.math.BigDecimal.valueOf(sorted.length))
                    .divide(java.math.BigDecimal.valueOf(100))
                    .doubleValue());
    return sorted[(int) Math.max(0, Math.min(sorted.length - 1, rank - 1))];
  }

  long sum() {
    return Arrays.stream(sorted).sum();
  }

  double mean() {
    return (double) sum() / sorted.length;
  }

  double standardDeviation() {
    double mean = mean();
    double squares = 0;
    for (long value : sorted) {
      squares += (value - mean) * (value - mean);
    }
    return Math.sqrt(squares / sorted.length);
  }

  long min() {
    return sorted[0];
  }

  long max() {
    return sorted[sorted.length - 1];
  }
}

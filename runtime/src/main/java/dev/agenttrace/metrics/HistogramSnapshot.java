package dev.agenttrace.metrics;

import java.util.Arrays;
import java.util.Locale;
import java.util.Objects;

/**
 * The statistics of a set of recorded values at one moment: count, sum, mean, min, max, standard
 * deviation and any percentile. Immutable; two snapshots {@linkplain #merge merge} into the
 * snapshot of both sets, which is how sliding windows combine their sub-windows.
 *
 * <p>Values are in the unit they were recorded in: nanoseconds for everything AgentTrace records.
 * Count, sum, mean, min and max are exact; a percentile is within 1/128 (0.79 %) of the exact
 * nearest-rank value (the smallest recorded value with at least {@code p} percent of all values at
 * or below it); the 0th and 100th percentiles are the exact min and max. An empty snapshot reports
 * zero for everything.
 */
public final class HistogramSnapshot {
  private static final HistogramSnapshot EMPTY =
      new HistogramSnapshot(new long[Buckets.CHUNKS][], 0, 0, 0, 0, 0, 0);

  private final long[][] counts;
  private final long bucketTotal;
  private final long count;
  private final long sum;
  private final long min;
  private final long max;
  private final double squaredDeviations;

  private HistogramSnapshot(
      long[][] counts,
      long bucketTotal,
      long count,
      long sum,
      long min,
      long max,
      double squaredDeviations) {
    this.counts = counts;
    this.bucketTotal = bucketTotal;
    this.count = count;
    this.sum = sum;
    this.min = min;
    this.max = max;
    this.squaredDeviations = squaredDeviations;
  }

  /** The snapshot of no values. */
  public static HistogramSnapshot empty() {
    return EMPTY;
  }

  /**
   * A snapshot of bucket {@code counts} (indexed by chunk, then bucket; null for a chunk with no
   * values) and exact sums; {@code squaredDeviations} is the sum of squared distances to the mean.
   */
  static HistogramSnapshot of(
      long[][] counts, long count, long sum, long min, long max, double squaredDeviations) {
    long bucketTotal = 0;
    for (long[] chunk : counts) {
      if (chunk != null) {
        for (long n : chunk) {
          bucketTotal += n;
        }
      }
    }
    return count == 0
        ? EMPTY
        : new HistogramSnapshot(counts, bucketTotal, count, sum, min, max, squaredDeviations);
  }

  /** Whether no value was recorded. */
  public boolean isEmpty() {
    return count == 0;
  }

  /** How many values were recorded. */
  public long count() {
    return count;
  }

  /** The sum of the values. */
  public long sum() {
    return sum;
  }

  /** The smallest value, or 0 if empty. */
  public long min() {
    return min;
  }

  /** The largest value, or 0 if empty. */
  public long max() {
    return max;
  }

  /** The arithmetic mean, or 0 if empty. */
  public double mean() {
    return count == 0 ? 0 : (double) sum / count;
  }

  /** The population variance (squared deviations divided by the count), or 0 if empty. */
  public double variance() {
    return count == 0 ? 0 : squaredDeviations / count;
  }

  /** The population standard deviation, or 0 if empty. */
  public double standardDeviation() {
    return Math.sqrt(variance());
  }

  /** The median; see {@link #percentile(double)}. */
  public long p50() {
    return percentile(50);
  }

  /** The 95th percentile; see {@link #percentile(double)}. */
  public long p95() {
    return percentile(95);
  }

  /** The 99th percentile; see {@link #percentile(double)}. */
  public long p99() {
    return percentile(99);
  }

  /**
   * The {@code percentile}-th percentile by the nearest-rank definition, within 1/128 of the exact
   * value; 0 if empty.
   *
   * @param percentile from 0 to 100, such as {@code 99.9}
   * @throws IllegalArgumentException if {@code percentile} is outside {@code [0, 100]}
   */
  public long percentile(double percentile) {
    if (!(percentile >= 0 && percentile <= 100)) {
      throw new IllegalArgumentException("percentile must be within [0, 100], was " + percentile);
    }
    if (bucketTotal == 0) {
      return 0;
    }
    // The tolerance keeps decimal percentiles such as 95 from rounding one rank too high.
    long rank = (long) Math.ceil(percentile / 100 * bucketTotal - 1e-9);
    if (rank <= 1) {
      return min;
    }
    if (rank >= bucketTotal) {
      return max;
    }
    long seen = 0;
    for (int c = 0; c < counts.length; c++) {
      long[] chunk = counts[c];
      if (chunk == null) {
        continue;
      }
      for (int b = 0; b < chunk.length; b++) {
        seen += chunk[b];
        if (seen >= rank) {
          return Math.max(min, Math.min(max, Buckets.midpoint(c, b)));
        }
      }
    }
    return max;
  }

  /** The snapshot of the values of this one and {@code other} together. */
  public HistogramSnapshot merge(HistogramSnapshot other) {
    if (other.count == 0) {
      return this;
    }
    if (count == 0) {
      return other;
    }
    long[][] merged = new long[Buckets.CHUNKS][];
    for (int c = 0; c < Buckets.CHUNKS; c++) {
      long[] a = counts[c];
      long[] b = other.counts[c];
      if (a == null || b == null) {
        merged[c] = a == null ? b : a;
      } else {
        long[] sums = new long[Buckets.CHUNK_SIZE];
        for (int i = 0; i < sums.length; i++) {
          sums[i] = a[i] + b[i];
        }
        merged[c] = sums;
      }
    }
    long n = count + other.count;
    double delta = other.mean() - mean();
    double deviations =
        squaredDeviations
            + other.squaredDeviations
            + delta * delta * ((double) count * other.count / n);
    return new HistogramSnapshot(
        merged,
        bucketTotal + other.bucketTotal,
        n,
        sum + other.sum,
        Math.min(min, other.min),
        Math.max(max, other.max),
        deviations);
  }

  /** Equal when both hold the same values: the same counts, sums, extremes and buckets. */
  @Override
  public boolean equals(Object other) {
    return other == this
        || (other instanceof HistogramSnapshot that
            && count == that.count
            && sum == that.sum
            && min == that.min
            && max == that.max
            && bucketTotal == that.bucketTotal
            && Double.compare(squaredDeviations, that.squaredDeviations) == 0
            && Arrays.deepEquals(counts, that.counts));
  }

  @Override
  public int hashCode() {
    return Objects.hash(count, sum, min, max, squaredDeviations);
  }

  @Override
  public String toString() {
    return String.format(
        Locale.ROOT,
        "{count=%d, mean=%.1f, stdDev=%.1f, min=%d, p50=%d, p95=%d, p99=%d, max=%d}",
        count,
        mean(),
        standardDeviation(),
        min,
        p50(),
        p95(),
        p99(),
        max);
  }
}

package dev.agenttrace.metrics;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.concurrent.atomic.AtomicReferenceArray;
import java.util.concurrent.atomic.DoubleAdder;
import java.util.concurrent.atomic.LongAdder;

/**
 * Records latencies (or any non-negative {@code long}) from many threads at once, in bounded
 * memory, and answers count, mean, min, max, standard deviation and any percentile through {@link
 * #snapshot()}.
 *
 * <p>Guarantees:
 *
 * <ul>
 *   <li><b>Bounded relative error.</b> Count, sum, mean, min and max are exact. A percentile is
 *       reported within 1/128 (0.79 %) of the exact value of that rank (nearest-rank definition);
 *       the standard deviation is computed from exact sums, not from buckets.
 *   <li><b>Bounded memory.</b> Values fall into log-linear buckets allocated in chunks of 64, one
 *       chunk per power of two that values reach: at most about 31 KB however many values are
 *       recorded, typically a few KB (latencies of one operation span a few powers of two).
 *   <li><b>Lock-free recording.</b> {@link #record(long)} increments an {@link AtomicLongArray}
 *       slot and a few {@link LongAdder}s and never blocks; only the first value in a new power of
 *       two allocates its chunk.
 * </ul>
 *
 * <p>Negative values (a clock that went backwards) are recorded as zero. The sum is a {@code long}
 * of the recorded unit, enough for 292 years of nanoseconds.
 *
 * <pre>{@code
 * LatencyHistogram histogram = new LatencyHistogram();
 * histogram.record(span.durationNanos());
 * HistogramSnapshot stats = histogram.snapshot();
 * long p95Nanos = stats.percentile(95);
 * }</pre>
 */
public final class LatencyHistogram {
  private static final long NO_SHIFT = -1;

  private final AtomicReferenceArray<AtomicLongArray> chunks =
      new AtomicReferenceArray<>(Buckets.CHUNKS);
  private final LongAdder count = new LongAdder();
  private final LongAdder sum = new LongAdder();
  // Squares are summed around the first value recorded, not around zero, so that the variance of
  // values far from zero keeps its precision (no catastrophic cancellation).
  private final AtomicLong shift = new AtomicLong(NO_SHIFT);
  private final DoubleAdder shiftedSquares = new DoubleAdder();
  private final AtomicLong min = new AtomicLong(Long.MAX_VALUE);
  private final AtomicLong max = new AtomicLong(Long.MIN_VALUE);

  /** Records one value; a negative value counts as zero. */
  public void record(long value) {
    long v = Math.max(0, value);
    int chunk = Buckets.chunk(v);
    AtomicLongArray buckets = chunks.get(chunk);
    if (buckets == null) {
      chunks.compareAndSet(chunk, null, new AtomicLongArray(Buckets.CHUNK_SIZE));
      buckets = chunks.get(chunk);
    }
    buckets.incrementAndGet(Buckets.bucket(v, chunk));
    count.increment();
    sum.add(v);
    long k = shift.get();
    if (k == NO_SHIFT) {
      shift.compareAndSet(NO_SHIFT, v);
      k = shift.get();
    }
    double d = v - k;
    shiftedSquares.add(d * d);
    Extremes.lower(min, v);
    Extremes.raise(max, v);
  }

  /** Records a duration in nanoseconds. */
  public void record(Duration duration) {
    record(duration.toNanos());
  }

  /**
   * The statistics of the values recorded so far. Values recorded while the snapshot is taken may
   * be partly included (counted but not yet in a bucket, or the reverse); percentiles are computed
   * from the buckets read, so they stay consistent.
   */
  public HistogramSnapshot snapshot() {
    long[][] counts = new long[Buckets.CHUNKS][];
    for (int c = 0; c < Buckets.CHUNKS; c++) {
      AtomicLongArray buckets = chunks.get(c);
      if (buckets != null) {
        long[] copy = new long[Buckets.CHUNK_SIZE];
        for (int b = 0; b < Buckets.CHUNK_SIZE; b++) {
          copy[b] = buckets.get(b);
        }
        counts[c] = copy;
      }
    }
    long n = count.sum();
    if (n == 0) {
      return HistogramSnapshot.empty();
    }
    long total = sum.sum();
    long k = shift.get();
    double shiftedMean = (total - (double) n * k) / n;
    double squaredDeviations = Math.max(0, shiftedSquares.sum() - n * shiftedMean * shiftedMean);
    return HistogramSnapshot.of(counts, n, total, min.get(), max.get(), squaredDeviations);
  }

  @Override
  public String toString() {
    return "LatencyHistogram" + snapshot();
  }
}

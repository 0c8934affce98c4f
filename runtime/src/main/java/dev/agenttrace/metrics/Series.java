package dev.agenttrace.metrics;

import dev.agenttrace.AttributeKey;
import dev.agenttrace.Attributes;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.concurrent.atomic.LongAdder;

/**
 * One attribute set of a histogram instrument and what was recorded under it: a fixed array of
 * bucket counts, a sum, a min and a max, all updated lock-free. Values are {@code long}s in the
 * instrument's base unit (nanoseconds, tokens), so sums are exact; they are scaled to the reported
 * unit only when read. Recording allocates nothing.
 */
final class Series {
  /** The attribute of the overflow series, as OpenTelemetry names it. */
  static final AttributeKey<Boolean> OVERFLOW = AttributeKey.booleanKey("otel.metric.overflow");

  final int hash;
  private final Object[] values;
  private final long[] boundaries;
  private final AtomicLongArray counts;
  private final LongAdder sum = new LongAdder();
  private final AtomicLong min = new AtomicLong(Long.MAX_VALUE);
  private final AtomicLong max = new AtomicLong(Long.MIN_VALUE);

  /**
   * A series for {@code values} (one per attribute slot, null where absent; null for the overflow
   * series), counting into buckets with upper bounds {@code boundaries}, plus one above them.
   */
  Series(int hash, Object[] values, long[] boundaries) {
    this.hash = hash;
    this.values = values;
    this.boundaries = boundaries;
    this.counts = new AtomicLongArray(boundaries.length + 1);
  }

  /** Whether this series has exactly these slot values; slots past its own are null. */
  boolean matches(Object v0, Object v1, Object v2, Object v3, Object v4, Object v5, Object v6) {
    Object[] own = values;
    int n = own.length;
    return Objects.equals(own[0], v0)
        && (n < 2 || Objects.equals(own[1], v1))
        && (n < 3 || Objects.equals(own[2], v2))
        && (n < 4 || Objects.equals(own[3], v3))
        && (n < 5 || Objects.equals(own[4], v4))
        && (n < 6 || Objects.equals(own[5], v5))
        && (n < 7 || Objects.equals(own[6], v6));
  }

  /** Records one value; a negative value counts as zero. */
  void record(long value) {
    long v = Math.max(0, value);
    int bucket = 0;
    while (bucket < boundaries.length && v > boundaries[bucket]) {
      bucket++;
    }
    counts.incrementAndGet(bucket);
    sum.add(v);
    Extremes.lower(min, v);
    Extremes.raise(max, v);
  }

  /**
   * What was recorded, with {@code keys} naming the slots (the overflow series gets {@code
   * otel.metric.overflow=true} instead) and values divided by {@code baseUnitsPerUnit} into the
   * reported unit; null if nothing was recorded yet.
   */
  HistogramPoint point(List<AttributeKey<?>> keys, double baseUnitsPerUnit) {
    List<Long> buckets = new ArrayList<>(counts.length());
    long count = 0;
    for (int i = 0; i < counts.length(); i++) {
      long n = counts.get(i);
      buckets.add(n);
      count += n;
    }
    if (count == 0) {
      return null;
    }
    Attributes.Builder attributes = Attributes.builder();
    if (values == null) {
      attributes.put(OVERFLOW, true);
    } else {
      for (int i = 0; i < values.length; i++) {
        if (values[i] != null) {
          putUnchecked(attributes, keys.get(i), values[i]);
        }
      }
    }
    return new HistogramPoint(
        attributes.build(),
        count,
        sum.sum() / baseUnitsPerUnit,
        min.get() / baseUnitsPerUnit,
        max.get() / baseUnitsPerUnit,
        buckets);
  }

  @SuppressWarnings("unchecked")
  private static <T> void putUnchecked(
      Attributes.Builder builder, AttributeKey<T> key, Object value) {
    builder.put(key, (T) value);
  }
}

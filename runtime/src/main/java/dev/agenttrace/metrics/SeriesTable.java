package dev.agenttrace.metrics;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReferenceArray;
import java.util.concurrent.atomic.LongAdder;

/**
 * The series of one histogram instrument, found by their attribute values without allocating: an
 * open-addressing hash table read lock-free, written under a lock only when a new attribute set
 * appears.
 *
 * <p>Cardinality is bounded the way OpenTelemetry bounds it: at most {@code maxSeries - 1}
 * attribute sets get a series of their own; values of any further set, and of any set with a string
 * value longer than {@link #MAX_VALUE_LENGTH} characters, go to one overflow series (reported with
 * {@code otel.metric.overflow=true}) and are counted by {@link #overflowed()}. So memory is bounded
 * by {@code maxSeries} series of at most {@link #MAX_VALUE_LENGTH} characters per value, whatever
 * the spans carry; an overflowing recording costs a failed lookup and a counter.
 */
final class SeriesTable {
  /** Values longer than this (a model name of 10 KB, say) go to the overflow series. */
  static final int MAX_VALUE_LENGTH = 256;

  private final int slots;
  private final int maxSeries;
  private final long[] boundaries;
  private final Series overflow;
  private final LongAdder overflowed = new LongAdder();
  private final Object lock = new Object();
  private volatile AtomicReferenceArray<Series> table = new AtomicReferenceArray<>(16);

  /** Guarded by {@code lock}, in creation order; {@code full} once it holds maxSeries - 1. */
  private final List<Series> created = new ArrayList<>();

  private volatile boolean full;

  /**
   * A table for series of {@code slots} attribute values (1 to 7), at most {@code maxSeries}
   * including the overflow series, each counting into buckets bounded by {@code boundaries}.
   */
  SeriesTable(int slots, int maxSeries, long[] boundaries) {
    if (slots < 1 || slots > 7) {
      throw new IllegalArgumentException("1 to 7 slots, not " + slots);
    }
    if (maxSeries < 2) {
      throw new IllegalArgumentException("maxSeries must be at least 2, was " + maxSeries);
    }
    this.slots = slots;
    this.maxSeries = maxSeries;
    this.boundaries = boundaries;
    this.overflow = new Series(0, null, boundaries);
  }

  /**
   * The series of these slot values (null where absent; slots past this table's are null), or the
   * overflow series. Allocates only when it creates a series.
   */
  Series find(Object v0, Object v1, Object v2, Object v3, Object v4, Object v5, Object v6) {
    if (tooLong(v0)
        || tooLong(v1)
        || tooLong(v2)
        || tooLong(v3)
        || tooLong(v4)
        || tooLong(v5)
        || tooLong(v6)) {
      overflowed.increment();
      return overflow;
    }
    int hash = hash(v0, v1, v2, v3, v4, v5, v6);
    Series found = probe(table, hash, v0, v1, v2, v3, v4, v5, v6);
    if (found != null) {
      return found;
    }
    if (full) {
      overflowed.increment();
      return overflow;
    }
    return insert(hash, v0, v1, v2, v3, v4, v5, v6);
  }

  private static boolean tooLong(Object value) {
    return value instanceof String text && text.length() > MAX_VALUE_LENGTH;
  }

  private static int hash(
      Object v0, Object v1, Object v2, Object v3, Object v4, Object v5, Object v6) {
    int h = 1;
    h = 31 * h + (v0 == null ? 0 : v0.hashCode());
    h = 31 * h + (v1 == null ? 0 : v1.hashCode());
    h = 31 * h + (v2 == null ? 0 : v2.hashCode());
    h = 31 * h + (v3 == null ? 0 : v3.hashCode());
    h = 31 * h + (v4 == null ? 0 : v4.hashCode());
    h = 31 * h + (v5 == null ? 0 : v5.hashCode());
    h = 31 * h + (v6 == null ? 0 : v6.hashCode());
    return h ^ (h >>> 16);
  }

  private static Series probe(
      AtomicReferenceArray<Series> in,
      int hash,
      Object v0,
      Object v1,
      Object v2,
      Object v3,
      Object v4,
      Object v5,
      Object v6) {
    int mask = in.length() - 1;
    for (int i = hash & mask; ; i = (i + 1) & mask) {
      Series series = in.get(i);
      if (series == null) {
        return null;
      }
      if (series.hash == hash && series.matches(v0, v1, v2, v3, v4, v5, v6)) {
        return series;
      }
    }
  }

  private Series insert(
      int hash, Object v0, Object v1, Object v2, Object v3, Object v4, Object v5, Object v6) {
    synchronized (lock) {
      AtomicReferenceArray<Series> current = table;
      Series found = probe(current, hash, v0, v1, v2, v3, v4, v5, v6);
      if (found != null) {
        return found;
      }
      if (created.size() >= maxSeries - 1) {
        overflowed.increment();
        return overflow;
      }
      Object[] all = {v0, v1, v2, v3, v4, v5, v6};
      Object[] values = new Object[slots];
      System.arraycopy(all, 0, values, 0, slots);
      Series series = new Series(hash, values, boundaries);
      if ((created.size() + 1) * 2 > current.length()) {
        AtomicReferenceArray<Series> bigger = new AtomicReferenceArray<>(current.length() * 2);
        for (int i = 0; i < current.length(); i++) {
          Series moved = current.get(i);
          if (moved != null) {
            place(bigger, moved);
          }
        }
        place(bigger, series);
        table = bigger;
      } else {
        place(current, series);
      }
      created.add(series);
      full = created.size() >= maxSeries - 1;
      return series;
    }
  }

  private static void place(AtomicReferenceArray<Series> in, Series series) {
    int mask = in.length() - 1;
    int i = series.hash & mask;
    while (in.get(i) != null) {
      i = (i + 1) & mask;
    }
    in.set(i, series);
  }

  /** Every series with its own attribute set in the order they appeared, then the overflow one. */
  List<Series> series() {
    List<Series> all;
    synchronized (lock) {
      all = new ArrayList<>(created);
    }
    all.add(overflow);
    return all;
  }

  /** How many recordings went to the overflow series. */
  long overflowed() {
    return overflowed.sum();
  }
}

package dev.agenttrace.metrics;

import java.util.concurrent.atomic.AtomicLong;

/**
 * Lock-free running minimum and maximum. Unlike {@code accumulateAndGet(v, Math::min)}, a value
 * that changes nothing writes nothing, so threads recording ordinary values do not contend on the
 * cache line.
 */
final class Extremes {
  private Extremes() {}

  /** Lowers {@code min} to {@code value} if it is smaller. */
  static void lower(AtomicLong min, long value) {
    long low = min.get();
    while (value < low && !min.compareAndSet(low, value)) {
      low = min.get();
    }
  }

  /** Raises {@code max} to {@code value} if it is larger. */
  static void raise(AtomicLong max, long value) {
    long high = max.get();
    while (value > high && !max.compareAndSet(high, value)) {
      high = max.get();
    }
  }
}

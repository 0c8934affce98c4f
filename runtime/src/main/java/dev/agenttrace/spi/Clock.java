package dev.agenttrace.spi;

import java.time.Instant;

/**
 * The time source of a tracer: wall-clock time for span timestamps, a monotonic clock for
 * durations. Replaceable in tests that want exact timings.
 */
public interface Clock {
  /** The current time in nanoseconds since the epoch. */
  long epochNanos();

  /** A monotonic reading in nanoseconds, only meaningful as a difference of two readings. */
  long nanoTime();

  /**
   * The time since the epoch at the moment {@link #nanoTime()} read {@code nanoTime}. Clocks may
   * compute it from the monotonic reading, which is cheaper than reading the wall clock again.
   */
  default long epochNanos(long nanoTime) {
    return epochNanos() - (nanoTime() - nanoTime);
  }

  /** The system clocks: {@link Instant#now()} and {@link System#nanoTime()}. */
  static Clock system() {
    return SystemClock.INSTANCE;
  }
}

package dev.agenttrace.testing;

import dev.agenttrace.spi.Clock;
import java.time.Duration;

/** A clock that moves only when a test says so; both readings move together. */
public final class ManualClock implements Clock {
  private static final long START_EPOCH_NANOS = 1_700_000_000_000_000_000L;

  private volatile long elapsedNanos;

  @Override
  public long epochNanos() {
    return START_EPOCH_NANOS + elapsedNanos;
  }

  @Override
  public long nanoTime() {
    return elapsedNanos;
  }

  /** Moves time forward by {@code duration}. */
  public void advance(Duration duration) {
    elapsedNanos += duration.toNanos();
  }

  /** Sets the time elapsed since the clock was made. */
  public void set(Duration sinceStart) {
    elapsedNanos = sinceStart.toNanos();
  }
}

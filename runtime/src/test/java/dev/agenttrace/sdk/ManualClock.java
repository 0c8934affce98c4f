package dev.agenttrace.sdk;

import dev.agenttrace.spi.Clock;

/** A clock that moves only when told to, for exact timings in tests. */
final class ManualClock implements Clock {
  private long epochNanos = 1_700_000_000_000_000_000L;
  private long nanoTime = 5_000_000_000L;

  @Override
  public synchronized long epochNanos() {
    return epochNanos;
  }

  @Override
  public synchronized long nanoTime() {
    return nanoTime;
  }

  synchronized void advanceMillis(long millis) {
    epochNanos += millis * 1_000_000;
    nanoTime += millis * 1_000_000;
  }

  /** Moves the wall clock only, as an NTP correction would. */
  synchronized void jumpWallClockMillis(long millis) {
    epochNanos += millis * 1_000_000;
  }
}

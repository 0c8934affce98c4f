package dev.agenttrace.sdk;

import java.time.Instant;

/** The JVM's clocks. */
enum SystemClock implements Clock {
  INSTANCE;

  @Override
  public long epochNanos() {
    Instant now = Instant.now();
    return now.getEpochSecond() * 1_000_000_000L + now.getNano();
  }

  @Override
  public long nanoTime() {
    return System.nanoTime();
  }
}

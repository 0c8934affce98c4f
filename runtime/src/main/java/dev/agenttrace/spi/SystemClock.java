package dev.agenttrace.spi;

import java.time.Instant;

/**
 * The JVM's clocks. Wall-clock times are derived from the monotonic clock and an anchor, a pair of
 * wall and monotonic readings renewed every second: reading {@link Instant#now()} for every root
 * span costs more than the rest of starting it, and within a second the two clocks drift apart by
 * far less than a microsecond.
 */
enum SystemClock implements Clock {
  INSTANCE;

  private static final long REANCHOR_NANOS = 1_000_000_000L;

  /** A wall-clock reading and the monotonic reading taken with it. */
  private record Anchor(long epochNanos, long nanoTime) {}

  private volatile Anchor anchor = newAnchor();

  private static Anchor newAnchor() {
    Instant now = Instant.now();
    return new Anchor(now.getEpochSecond() * 1_000_000_000L + now.getNano(), System.nanoTime());
  }

  @Override
  public long epochNanos() {
    Instant now = Instant.now();
    return now.getEpochSecond() * 1_000_000_000L + now.getNano();
  }

  @Override
  public long epochNanos(long nanoTime) {
    Anchor current = anchor;
    if (nanoTime - current.nanoTime > REANCHOR_NANOS) {
      current = newAnchor();
      anchor = current;
    }
    return current.epochNanos + (nanoTime - current.nanoTime);
  }

  @Override
  public long nanoTime() {
    return System.nanoTime();
  }
}

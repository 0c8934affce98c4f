package dev.agenttrace.processing;

import static java.util.Objects.requireNonNull;

import dev.agenttrace.spi.Clock;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;

/**
 * Logs a warning at most once per interval and says how many were left out meanwhile, so that a
 * backend that is down for an hour fills the log with a few lines, not a million.
 *
 * <p>Counting is exact: every call while WARN is enabled is either logged or counted as suppressed
 * exactly once, also under contention. The count is reported (and reset) just before the next
 * warning that is logged, with the time since the previous one: {@code (N similar warnings
 * suppressed in the last T ms)}. {@link #suppressedCount()} tells what waits to be reported and
 * {@link #suppressedTotal()} what was suppressed since creation. With WARN disabled nothing is
 * logged and nothing counted.
 *
 * <p>Thread-safe; a suppressed call costs a few atomic operations and allocates nothing itself (a
 * caller passing arguments allocates their array).
 */
final class RateLimitedLogger {
  private final Logger logger;
  private final long intervalNanos;
  private final AtomicLong nextAllowedNanos;
  private final AtomicLong suppressed = new AtomicLong();
  private final AtomicLong suppressedTotal = new AtomicLong();
  private final Clock clock;

  /** Logs to {@code logger} at most once per {@code interval}. */
  public RateLimitedLogger(Logger logger, Duration interval) {
    this(logger, interval, Clock.system());
  }

  /** Logs to {@code logger} at most once per {@code interval} as {@code clock} measures it. */
  public RateLimitedLogger(Logger logger, Duration interval, Clock clock) {
    this.logger = requireNonNull(logger, "logger");
    this.intervalNanos = requireNonNull(interval, "interval").toNanos();
    this.clock = requireNonNull(clock, "clock");
    this.nextAllowedNanos = new AtomicLong(clock.nanoTime());
  }

  /**
   * Logs {@code message} (slf4j format, a Throwable last) at WARN unless a warning was logged
   * within the interval.
   *
   * @return whether it was logged
   */
  public boolean warn(String message, Object... arguments) {
    if (!logger.isWarnEnabled()) {
      return false;
    }
    long now = clock.nanoTime();
    long next = nextAllowedNanos.get();
    if (now - next < 0 || !nextAllowedNanos.compareAndSet(next, now + intervalNanos)) {
      suppressed.incrementAndGet();
      suppressedTotal.incrementAndGet();
      return false;
    }
    long left = suppressed.getAndSet(0);
    if (left > 0) {
      // next - interval is when the previous warning was logged.
      long sinceMillis = (now - next + intervalNanos) / 1_000_000;
      logger.warn("({} similar warnings suppressed in the last {} ms)", left, sinceMillis);
    }
    logger.warn(message, arguments);
    return true;
  }

  /** How many warnings were left out since the last one logged (reported with the next one). */
  public long suppressedCount() {
    return suppressed.get();
  }

  /** How many warnings were left out since this logger was made. */
  public long suppressedTotal() {
    return suppressedTotal.get();
  }
}

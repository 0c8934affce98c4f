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
 * <p>Thread-safe; a suppressed call costs two atomic operations and allocates nothing.
 */
final class RateLimitedLogger {
  private final Logger logger;
  private final long intervalNanos;
  private final AtomicLong nextAllowedNanos;
  private final AtomicLong suppressed = new AtomicLong();
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
    long now = clock.nanoTime();
    long next = nextAllowedNanos.get();
    if (now - next < 0 || !nextAllowedNanos.compareAndSet(next, now + intervalNanos)) {
      suppressed.incrementAndGet();
      return false;
    }
    long left = suppressed.getAndSet(0);
    if (left > 0 && logger.isWarnEnabled()) {
      logger.warn(
          "({} similar warnings suppressed in the last {} ms)", left, intervalNanos / 1_000_000);
    }
    logger.warn(message, arguments);
    return true;
  }

  /** How many warnings were left out since the last one logged. */
  public long suppressedCount() {
    return suppressed.get();
  }
}

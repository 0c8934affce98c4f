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
 * <p>Every warning is accounted for exactly once: it is either logged, or counted as suppressed and
 * reported in the "(N similar warnings suppressed since the last one)" line that precedes the next
 * logged warning or that {@link #reportSuppressed()} writes. So the lines logged plus the
 * suppressed counts reported always add up to the warnings raised.
 *
 * <p>Thread-safe. {@link #acquire()} allocates nothing, so a hot path can raise a warning per event
 * (a dropped span, say) and pay for formatting only when a line is actually written:
 *
 * <pre>{@code
 * if (warnings.acquire()) {
 *   warnings.log("dropping spans ({} dropped so far)", dropped.get());
 * }
 * }</pre>
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
   * Raises a warning: returns true if the caller should now {@link #log} it, or counts it as
   * suppressed and returns false. Never allocates.
   */
  public boolean acquire() {
    if (!due()) {
      suppressed.incrementAndGet();
      return false;
    }
    return true;
  }

  /**
   * Whether a warning may be written now, starting a new interval if so, without counting a refusal
   * as suppressed: for a caller whose warning itself says how many events it covers (such as
   * "dropped N spans since the last warning"), which would otherwise be counted twice.
   */
  public boolean due() {
    long now = clock.nanoTime();
    long next = nextAllowedNanos.get();
    return now - next >= 0 && nextAllowedNanos.compareAndSet(next, now + intervalNanos);
  }

  /**
   * Logs a warning that {@link #acquire()} allowed (slf4j format, a Throwable last), preceded by
   * the count of warnings suppressed since the last one logged, if any.
   */
  public void log(String message, Object... arguments) {
    reportSuppressed();
    logger.warn(message, arguments);
  }

  /**
   * Logs {@code message} (slf4j format, a Throwable last) at WARN unless a warning was logged
   * within the interval.
   *
   * @return whether it was logged
   */
  public boolean warn(String message, Object... arguments) {
    if (!acquire()) {
      return false;
    }
    log(message, arguments);
    return true;
  }

  /**
   * Writes the count of warnings suppressed since the last one logged, if any, and resets it; for a
   * component shutting down, so that no suppressed warning goes unreported.
   */
  public void reportSuppressed() {
    long left = suppressed.getAndSet(0);
    if (left > 0) {
      logger.warn("({} similar warnings suppressed since the last one)", left);
    }
  }

  /** How many warnings were left out and not yet reported. */
  public long suppressedCount() {
    return suppressed.get();
  }
}

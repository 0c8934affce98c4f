package dev.agenttrace.proxy;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Ends the spans of streaming calls that never complete, fail or get cancelled (a handler the model
 * never calls, a publisher nobody subscribes to), so that they neither stay open forever nor are
 * lost silently.
 *
 * <p>Bounded: at most {@value #MAX_WATCHED} calls are watched at once (a completed call leaves the
 * set at once); calls beyond are not watched. One daemon thread, started with the first watched
 * call, sweeps the set every tenth of the timeout (between 1 s and 1 min), so an abandoned call
 * ends between the timeout and a tenth of it later.
 */
final class StreamWatchdog {
  private static final Logger logger = LoggerFactory.getLogger(StreamWatchdog.class);

  /** The system property holding the timeout, an ISO-8601 duration such as {@code PT10M}. */
  static final String TIMEOUT_PROPERTY = "agenttrace.streaming.timeout";

  /** How many open calls are watched at most. */
  static final int MAX_WATCHED = 10_000;

  private static final Duration DEFAULT_TIMEOUT = Duration.ofMinutes(10);

  private static final class Shared {
    static final StreamWatchdog INSTANCE =
        new StreamWatchdog(timeoutFrom(System.getProperty(TIMEOUT_PROPERTY)), MAX_WATCHED, true);
  }

  private final Duration timeout;
  private final int maxWatched;
  private final boolean sweepsItself;
  private final Set<StreamingCall> watched = ConcurrentHashMap.newKeySet();
  private final AtomicInteger size = new AtomicInteger();
  private volatile ScheduledThreadPoolExecutor sweeper;

  /**
   * @param sweepsItself whether a daemon thread sweeps; tests call {@link #sweep} themselves
   */
  StreamWatchdog(Duration timeout, int maxWatched, boolean sweepsItself) {
    this.timeout = timeout;
    this.maxWatched = maxWatched;
    this.sweepsItself = sweepsItself;
  }

  /** The watchdog of generated code. */
  static StreamWatchdog shared() {
    return Shared.INSTANCE;
  }

  /** The timeout of {@code value}, or the default when absent or malformed (logged). */
  static Duration timeoutFrom(String value) {
    if (value == null || value.isBlank()) {
      return DEFAULT_TIMEOUT;
    }
    try {
      Duration parsed = Duration.parse(value.trim());
      if (!parsed.isNegative() && !parsed.isZero()) {
        return parsed;
      }
    } catch (DateTimeParseException e) {
      // Reported below, as a negative duration is.
    }
    logger.warn(
        "Ignoring {}={}: not a positive ISO-8601 duration such as PT10M; using {}",
        TIMEOUT_PROPERTY,
        value,
        DEFAULT_TIMEOUT);
    return DEFAULT_TIMEOUT;
  }

  void watch(StreamingCall call) {
    if (size.incrementAndGet() > maxWatched) {
      size.decrementAndGet();
      return;
    }
    watched.add(call);
    if (sweepsItself && sweeper == null) {
      startSweeper();
    }
  }

  void unwatch(StreamingCall call) {
    if (watched.remove(call)) {
      size.decrementAndGet();
    }
  }

  /** Ends every watched call started more than the timeout before {@code nowNanos}. */
  void sweep(long nowNanos) {
    long timeoutNanos = timeout.toNanos();
    for (StreamingCall call : watched) {
      if (nowNanos - call.startNanos() > timeoutNanos) {
        call.abandon(timeout); // unwatches it
      }
    }
  }

  /** How many calls are watched now. */
  int watchedCount() {
    return size.get();
  }

  private synchronized void startSweeper() {
    if (sweeper != null) {
      return;
    }
    ScheduledThreadPoolExecutor executor =
        new ScheduledThreadPoolExecutor(
            1,
            runnable -> {
              Thread thread = new Thread(runnable, "agenttrace-streaming-watchdog");
              thread.setDaemon(true);
              return thread;
            });
    long period =
        Math.max(
            TimeUnit.SECONDS.toNanos(1),
            Math.min(TimeUnit.MINUTES.toNanos(1), timeout.toNanos() / 10));
    executor.scheduleWithFixedDelay(this::sweepSafely, period, period, TimeUnit.NANOSECONDS);
    sweeper = executor;
  }

  private void sweepSafely() {
    try {
      sweep(System.nanoTime());
    } catch (RuntimeException e) {
      // A failure here must not stop later sweeps.
      logger.warn("Ending abandoned streaming spans failed", e);
    }
  }
}

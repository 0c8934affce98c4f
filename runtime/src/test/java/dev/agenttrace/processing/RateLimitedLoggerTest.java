package dev.agenttrace.processing;

import static org.assertj.core.api.Assertions.assertThat;

import dev.agenttrace.spi.Clock;
import dev.agenttrace.testing.ManualClock;
import dev.agenttrace.testing.RecordingLogger;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.slf4j.helpers.NOPLogger;

class RateLimitedLoggerTest {
  private static final Pattern SUMMARY =
      Pattern.compile("WARN \\((\\d+) similar warnings suppressed in the last \\d+ ms\\)");

  private final RecordingLogger logger = new RecordingLogger("export");
  private final ManualClock clock = new ManualClock();
  private final RateLimitedLogger warnings =
      new RateLimitedLogger(logger, Duration.ofMillis(200), clock);

  @Test
  void logsOncePerIntervalAndReportsHowManyWereLeftOut() {
    for (int i = 0; i < 1000; i++) {
      warnings.warn("backend down ({})", i);
    }
    clock.advance(Duration.ofMillis(199));
    warnings.warn("still within the interval");
    clock.advance(Duration.ofMillis(1));
    warnings.warn("backend down ({})", 1000);

    assertThat(logger.messages())
        .containsExactly(
            "WARN backend down (0)",
            "WARN (1000 similar warnings suppressed in the last 200 ms)",
            "WARN backend down (1000)");
  }

  @Test
  void summaryGivesTheTimeSinceThePreviousWarningNotTheInterval() {
    warnings.warn("first");
    clock.advance(Duration.ofMillis(50));
    warnings.warn("left out");
    clock.advance(Duration.ofSeconds(10));
    warnings.warn("later");

    assertThat(logger.messages())
        .containsExactly(
            "WARN first",
            "WARN (1 similar warnings suppressed in the last 10050 ms)",
            "WARN later");
  }

  @Test
  void reportedCountStartsAgainWhileTheTotalKeepsGrowing() {
    warnings.warn("first");
    warnings.warn("left out");
    warnings.warn("left out");
    clock.advance(Duration.ofMillis(200));
    warnings.warn("second");
    warnings.warn("left out");

    assertThat(warnings.suppressedCount()).isEqualTo(1);
    assertThat(warnings.suppressedTotal()).isEqualTo(3);
  }

  @Test
  void nothingIsLoggedOrCountedWhileWarningsAreOff() {
    RateLimitedLogger off =
        new RateLimitedLogger(NOPLogger.NOP_LOGGER, Duration.ofMillis(200), clock);

    assertThat(off.warn("ignored")).isFalse();
    assertThat(off.warn("ignored")).isFalse();
    assertThat(off.suppressedTotal()).isZero();
  }

  @Test
  void everyWarningFromManyThreadsIsLoggedOrCountedExactlyOnce() throws InterruptedException {
    RateLimitedLogger shared =
        new RateLimitedLogger(logger, Duration.ofNanos(200_000), Clock.system());
    int threads = 8;
    int callsPerThread = 20_000;
    CountDownLatch start = new CountDownLatch(1);
    List<Thread> workers = new ArrayList<>();
    for (int t = 0; t < threads; t++) {
      Thread worker =
          new Thread(
              () -> {
                try {
                  start.await();
                } catch (InterruptedException e) {
                  return;
                }
                for (int i = 0; i < callsPerThread; i++) {
                  shared.warn("backend down");
                }
              });
      worker.start();
      workers.add(worker);
    }
    start.countDown();
    for (Thread worker : workers) {
      worker.join();
    }

    long logged = 0;
    long reported = 0;
    for (String message : logger.messages()) {
      Matcher summary = SUMMARY.matcher(message);
      if (summary.matches()) {
        reported += Long.parseLong(summary.group(1));
      } else {
        logged++;
      }
    }
    assertThat(logged).isGreaterThan(0);
    assertThat(logged + reported + shared.suppressedCount())
        .isEqualTo((long) threads * callsPerThread);
    assertThat(reported + shared.suppressedCount()).isEqualTo(shared.suppressedTotal());
  }
}

package dev.agenttrace.processing;

import static org.assertj.core.api.Assertions.assertThat;

import dev.agenttrace.testing.ManualClock;
import dev.agenttrace.testing.RecordingLogger;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class RateLimitedLoggerTest {
  private static final Pattern SUPPRESSED =
      Pattern.compile("WARN \\((\\d+) similar warnings suppressed since the last one\\)");

  @Test
  void logsOncePerIntervalAndReportsHowManyWereLeftOut() {
    RecordingLogger logger = new RecordingLogger("export");
    ManualClock clock = new ManualClock();
    RateLimitedLogger warnings = new RateLimitedLogger(logger, Duration.ofMillis(200), clock);

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
            "WARN (1000 similar warnings suppressed since the last one)",
            "WARN backend down (1000)");
  }

  @Test
  void dueOpensOncePerIntervalAndCountsNoRefusalAsSuppressed() {
    ManualClock clock = new ManualClock();
    RateLimitedLogger warnings =
        new RateLimitedLogger(new RecordingLogger("export"), Duration.ofMillis(200), clock);

    boolean first = warnings.due();
    boolean withinInterval = warnings.due();
    clock.advance(Duration.ofMillis(200));
    boolean afterInterval = warnings.due();

    assertThat(first).isTrue();
    assertThat(withinInterval).isFalse();
    assertThat(afterInterval).isTrue();
    assertThat(warnings.suppressedCount()).isZero();
  }

  @Test
  void warningsSuppressedAtTheEndAreReportedWhenAsked() {
    RecordingLogger logger = new RecordingLogger("export");
    RateLimitedLogger warnings =
        new RateLimitedLogger(logger, Duration.ofHours(1), new ManualClock());

    for (int i = 0; i < 5; i++) {
      if (warnings.acquire()) {
        warnings.log("queue full ({} dropped)", i + 1);
      }
    }
    warnings.reportSuppressed();
    warnings.reportSuppressed();

    assertThat(logger.messages())
        .containsExactly(
            "WARN queue full (1 dropped)",
            "WARN (4 similar warnings suppressed since the last one)");
    assertThat(warnings.suppressedCount()).isZero();
  }

  @Test
  void linesLoggedPlusSuppressedCountsAddUpToEveryWarningFromManyThreads() throws Exception {
    RecordingLogger logger = new RecordingLogger("export");
    ManualClock clock = new ManualClock();
    RateLimitedLogger warnings = new RateLimitedLogger(logger, Duration.ofMillis(10), clock);
    int threads = 4;
    int perThread = 50_000;
    List<Thread> raising = new ArrayList<>();
    for (int t = 0; t < threads; t++) {
      raising.add(
          new Thread(
              () -> {
                for (int i = 0; i < perThread; i++) {
                  if (i % 1_000 == 0) {
                    clock.advance(Duration.ofMillis(3));
                  }
                  if (warnings.acquire()) {
                    warnings.log("dropping spans");
                  }
                }
              }));
    }
    raising.forEach(Thread::start);
    for (Thread thread : raising) {
      thread.join();
    }
    warnings.reportSuppressed();

    long logged = 0;
    long suppressed = 0;
    for (String message : logger.messages()) {
      Matcher count = SUPPRESSED.matcher(message);
      if (count.matches()) {
        suppressed += Long.parseLong(count.group(1));
      } else {
        logged++;
      }
    }
    assertThat(logged).isGreaterThan(1);
    assertThat(logged + suppressed).isEqualTo((long) threads * perThread);
  }
}

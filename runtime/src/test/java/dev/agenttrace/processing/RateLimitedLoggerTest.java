package dev.agenttrace.processing;

import static org.assertj.core.api.Assertions.assertThat;

import dev.agenttrace.testing.ManualClock;
import dev.agenttrace.testing.RecordingLogger;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class RateLimitedLoggerTest {
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
            "WARN (1000 similar warnings suppressed in the last 200 ms)",
            "WARN backend down (1000)");
  }
}

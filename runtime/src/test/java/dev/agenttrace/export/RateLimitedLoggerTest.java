package dev.agenttrace.export;

import static org.assertj.core.api.Assertions.assertThat;

import dev.agenttrace.testing.RecordingLogger;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class RateLimitedLoggerTest {
  @Test
  void logsOncePerIntervalAndReportsHowManyWereLeftOut() throws InterruptedException {
    RecordingLogger logger = new RecordingLogger("export");
    RateLimitedLogger warnings = new RateLimitedLogger(logger, Duration.ofMillis(200));

    for (int i = 0; i < 1000; i++) {
      warnings.warn("backend down ({})", i);
    }
    Thread.sleep(250);
    warnings.warn("backend down ({})", 1000);

    assertThat(logger.messages())
        .containsExactly(
            "WARN backend down (0)",
            "WARN (999 similar warnings suppressed in the last 200 ms)",
            "WARN backend down (1000)");
  }
}

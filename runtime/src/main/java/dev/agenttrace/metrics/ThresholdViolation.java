package dev.agenttrace.metrics;

import static java.util.Objects.requireNonNull;

import java.time.Duration;

/**
 * A {@link LatencyThreshold} that a check found exceeded.
 *
 * @param threshold the threshold exceeded
 * @param observed the percentile's value in the threshold's window
 * @param count how many values the window held
 */
public record ThresholdViolation(LatencyThreshold threshold, Duration observed, long count) {

  /** Checks the parts. */
  public ThresholdViolation {
    requireNonNull(threshold, "threshold");
    requireNonNull(observed, "observed");
  }

  /** A sentence for logs and alerts. */
  public String message() {
    return threshold + " violated: observed " + observed + " over " + count + " spans";
  }

  @Override
  public String toString() {
    return message();
  }
}

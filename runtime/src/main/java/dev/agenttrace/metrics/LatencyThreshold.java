package dev.agenttrace.metrics;

import static java.util.Objects.requireNonNull;

import java.time.Duration;

/**
 * A latency objective for one operation, such as "p95 of {@code execute_tool lookup_order} at most
 * 2 s over the last 5 minutes", checked by {@link TracingMetrics#checkThresholds()}.
 *
 * <pre>{@code
 * LatencyThreshold.of(OperationKey.tool("lookup_order"), 95, Duration.ofSeconds(2))
 *     .over(Duration.ofMinutes(5))
 *     .minCount(20);
 * }</pre>
 *
 * @param operation the operation checked
 * @param percentile the percentile compared, from 0 to 100
 * @param limit the highest acceptable value of that percentile
 * @param window how far back the check looks; {@code null} checks everything since the start
 * @param minCount the fewest values the check needs; below that it passes, to spare alarms on a
 *     handful of calls
 */
public record LatencyThreshold(
    OperationKey operation, double percentile, Duration limit, Duration window, long minCount) {

  /** Checks the parts. */
  public LatencyThreshold {
    requireNonNull(operation, "operation");
    requireNonNull(limit, "limit");
    if (!(percentile >= 0 && percentile <= 100)) {
      throw new IllegalArgumentException("percentile must be within [0, 100], was " + percentile);
    }
    if (minCount < 1) {
      throw new IllegalArgumentException("minCount must be at least 1, was " + minCount);
    }
  }

  /** {@code percentile} of {@code operation} at most {@code limit}, over the last minute. */
  public static LatencyThreshold of(OperationKey operation, double percentile, Duration limit) {
    return new LatencyThreshold(operation, percentile, limit, Duration.ofMinutes(1), 1);
  }

  /** The same threshold over the last {@code window}, or everything since the start if null. */
  public LatencyThreshold over(Duration window) {
    return new LatencyThreshold(operation, percentile, limit, window, minCount);
  }

  /** The same threshold, passing while fewer than {@code minCount} values are in its window. */
  public LatencyThreshold minCount(long minCount) {
    return new LatencyThreshold(operation, percentile, limit, window, minCount);
  }

  @Override
  public String toString() {
    return "p"
        + (percentile == Math.rint(percentile) ? Long.toString((long) percentile) : percentile)
        + '('
        + operation
        + (window == null ? "" : " over " + window)
        + ") <= "
        + limit;
  }
}

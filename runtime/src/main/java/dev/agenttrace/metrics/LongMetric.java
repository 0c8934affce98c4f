package dev.agenttrace.metrics;

import static java.util.Objects.requireNonNull;

import java.util.List;

/**
 * A counter or a gauge of whole numbers at one moment, named as in OpenTelemetry (such as {@code
 * agenttrace.spans.started}); the Prometheus text format derives its names from these ({@code
 * agenttrace_spans_started_total}).
 *
 * @param name the OpenTelemetry metric name
 * @param unit the UCUM unit, such as {@code {span}}
 * @param description what it counts
 * @param monotonic true for a counter (only grows; cumulative since the metrics started), false for
 *     a gauge (a current value, such as a queue size)
 * @param points one per attribute set
 */
public record LongMetric(
    String name, String unit, String description, boolean monotonic, List<LongPoint> points) {

  /** Checks the parts and copies the points. */
  public LongMetric {
    requireNonNull(name, "name");
    requireNonNull(unit, "unit");
    requireNonNull(description, "description");
    points = List.copyOf(points);
  }
}

package dev.agenttrace.metrics;

import static java.util.Objects.requireNonNull;

import java.util.List;

/**
 * An explicit-bucket histogram metric at one moment, such as {@code
 * gen_ai.client.operation.duration}: its name, unit and bucket boundaries as the conventions define
 * them, and one point per attribute set.
 *
 * @param name the OpenTelemetry metric name
 * @param unit the UCUM unit, such as {@code s} or {@code {token}}
 * @param description what it measures
 * @param boundaries the explicit bucket boundaries, ascending, in {@code unit}
 * @param points one per attribute set seen, the overflow series last if it was used
 */
public record HistogramMetric(
    String name,
    String unit,
    String description,
    List<Double> boundaries,
    List<HistogramPoint> points) {

  /** Checks the parts and copies the lists. */
  public HistogramMetric {
    requireNonNull(name, "name");
    requireNonNull(unit, "unit");
    requireNonNull(description, "description");
    boundaries = List.copyOf(boundaries);
    points = List.copyOf(points);
  }

  /** The total count over every point. */
  public long count() {
    long count = 0;
    for (HistogramPoint point : points) {
      count += point.count();
    }
    return count;
  }
}

package dev.agenttrace.metrics;

import static java.util.Objects.requireNonNull;

import dev.agenttrace.Attributes;
import java.util.List;

/**
 * One series of a {@link HistogramMetric} at one moment: its attribute set and what was recorded
 * under it since the metrics started (cumulative), in the metric's unit.
 *
 * @param attributes the attribute set; the overflow series has only {@code
 *     otel.metric.overflow=true}
 * @param count how many values were recorded; always the sum of {@code bucketCounts}
 * @param sum the sum of the values
 * @param min the smallest value, or 0 when {@code count} is 0
 * @param max the largest value, or 0 when {@code count} is 0
 * @param bucketCounts values per bucket: index {@code i} counts values {@code v} with {@code
 *     boundaries[i-1] < v <= boundaries[i]}, the last index the values above the last boundary
 *     (OpenTelemetry's explicit bucket histogram, Prometheus' {@code le})
 */
public record HistogramPoint(
    Attributes attributes,
    long count,
    double sum,
    double min,
    double max,
    List<Long> bucketCounts) {

  /** Checks the parts and copies the counts. */
  public HistogramPoint {
    requireNonNull(attributes, "attributes");
    bucketCounts = List.copyOf(bucketCounts);
  }
}

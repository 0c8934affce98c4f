package dev.agenttrace.metrics;

import dev.agenttrace.AttributeKey;
import java.util.ArrayList;
import java.util.List;

/**
 * One explicit-bucket histogram metric: its name, unit and boundaries, the attribute keys its
 * series are told apart by (up to seven, in order), and the bounded table of its series. Values are
 * recorded as {@code long}s in a base unit (nanoseconds for seconds, tokens for tokens), so
 * boundaries compare exactly and nothing is allocated per value.
 */
final class HistogramInstrument {
  private static final double NANOS_PER_SECOND = 1e9;

  private final String name;
  private final String unit;
  private final String description;
  private final List<Double> boundaries;
  private final List<AttributeKey<?>> keys;
  private final double baseUnitsPerUnit;
  private final SeriesTable table;

  private HistogramInstrument(
      String name,
      String unit,
      String description,
      List<Double> boundaries,
      double baseUnitsPerUnit,
      int maxSeries,
      List<AttributeKey<?>> keys) {
    this.name = name;
    this.unit = unit;
    this.description = description;
    this.boundaries = List.copyOf(boundaries);
    this.keys = List.copyOf(keys);
    this.baseUnitsPerUnit = baseUnitsPerUnit;
    long[] base = new long[boundaries.size()];
    for (int i = 0; i < base.length; i++) {
      base[i] = Math.round(boundaries.get(i) * baseUnitsPerUnit);
    }
    this.table = new SeriesTable(keys.size(), maxSeries, base);
  }

  /** A histogram in seconds, recorded in nanoseconds. */
  static HistogramInstrument seconds(
      String name,
      String description,
      List<Double> boundaries,
      int maxSeries,
      List<AttributeKey<?>> keys) {
    return new HistogramInstrument(
        name, "s", description, boundaries, NANOS_PER_SECOND, maxSeries, keys);
  }

  /** A histogram of whole counts in {@code unit}, such as {@code {token}}. */
  static HistogramInstrument counts(
      String name,
      String unit,
      String description,
      List<Double> boundaries,
      int maxSeries,
      List<AttributeKey<?>> keys) {
    return new HistogramInstrument(name, unit, description, boundaries, 1, maxSeries, keys);
  }

  /** The metric name. */
  String name() {
    return name;
  }

  /**
   * Records {@code value} (in the base unit) under the attribute values {@code v0...} in the order
   * of this instrument's keys, null where absent and past its keys.
   */
  void record(
      long value, Object v0, Object v1, Object v2, Object v3, Object v4, Object v5, Object v6) {
    table.find(v0, v1, v2, v3, v4, v5, v6).record(value);
  }

  /** How many recordings went to the overflow series. */
  long overflowed() {
    return table.overflowed();
  }

  /** Every series with values so far, in the metric's unit. */
  HistogramMetric snapshot() {
    List<HistogramPoint> points = new ArrayList<>();
    for (Series series : table.series()) {
      HistogramPoint point = series.point(keys, baseUnitsPerUnit);
      if (point != null) {
        points.add(point);
      }
    }
    return new HistogramMetric(name, unit, description, boundaries, points);
  }
}

package dev.agenttrace.metrics;

import static java.util.Objects.requireNonNull;

import dev.agenttrace.Attributes;

/**
 * One series of a {@link LongMetric}: its attribute set and its value.
 *
 * @param attributes the attribute set, often empty
 * @param value the count since the metrics started, or the gauge's current value
 */
public record LongPoint(Attributes attributes, long value) {

  /** Checks the attributes. */
  public LongPoint {
    requireNonNull(attributes, "attributes");
  }
}

package dev.agenttrace;

/**
 * The value types an attribute can hold: the scalar types of the OpenTelemetry data model and the
 * string array (for conventions such as {@code gen_ai.response.finish_reasons}).
 */
public enum AttributeType {
  STRING,
  BOOLEAN,
  LONG,
  DOUBLE,
  /** An immutable {@code List<String>} without null elements. */
  STRING_ARRAY
}

package dev.agenttrace;

/** The value types an attribute can hold, the scalar types of the OpenTelemetry data model. */
public enum AttributeType {
  STRING,
  BOOLEAN,
  LONG,
  DOUBLE
}

package dev.agenttrace;

/** The outcome of a span's operation, as in OpenTelemetry. */
public enum StatusCode {
  /** Nothing was said about the outcome. */
  UNSET,
  /** The operation completed successfully. Once set, the status no longer changes. */
  OK,
  /** The operation failed. */
  ERROR
}

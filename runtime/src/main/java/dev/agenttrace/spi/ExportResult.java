package dev.agenttrace.spi;

import static java.util.Objects.requireNonNull;

/**
 * What an exporter reports for one batch: success, or failure with a reason for the log. A failed
 * batch is counted and not retried by the processor (exporters retry themselves where that makes
 * sense, for example on a server error).
 */
public final class ExportResult {
  private static final ExportResult SUCCESS = new ExportResult(true, null, null);

  private final boolean success;
  private final String reason;
  private final Throwable cause;

  private ExportResult(boolean success, String reason, Throwable cause) {
    this.success = success;
    this.reason = reason;
    this.cause = cause;
  }

  /** The batch reached the backend. */
  public static ExportResult success() {
    return SUCCESS;
  }

  /** The batch did not reach the backend, for {@code reason}. */
  public static ExportResult failure(String reason) {
    return new ExportResult(false, requireNonNull(reason, "reason"), null);
  }

  /** The batch did not reach the backend because of {@code cause}. */
  public static ExportResult failure(String reason, Throwable cause) {
    return new ExportResult(false, requireNonNull(reason, "reason"), cause);
  }

  /** Whether the batch reached the backend. */
  public boolean isSuccess() {
    return success;
  }

  /** Why the export failed; {@code null} on success. */
  public String reason() {
    return reason;
  }

  /** The exception behind a failure, if any. */
  public Throwable cause() {
    return cause;
  }

  @Override
  public String toString() {
    return success ? "ExportResult{success}" : "ExportResult{failure: " + reason + '}';
  }
}

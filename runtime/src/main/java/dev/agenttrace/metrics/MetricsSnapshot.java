package dev.agenttrace.metrics;

/**
 * The pipeline's counters at one moment.
 *
 * @param spansStarted recorded spans started
 * @param spansEnded recorded spans ended
 * @param spansExported spans a backend accepted
 * @param spansFailed spans in batches that failed or timed out
 * @param spansDropped spans dropped before export because a queue was full or shut down
 * @param queueSize spans waiting in export queues
 * @param activeSpans spans started and not yet ended
 */
public record MetricsSnapshot(
    long spansStarted,
    long spansEnded,
    long spansExported,
    long spansFailed,
    long spansDropped,
    long queueSize,
    long activeSpans) {

  /** One line for logs, such as {@code started=12 ended=12 exported=12 failed=0 ...}. */
  @Override
  public String toString() {
    return "started="
        + spansStarted
        + " ended="
        + spansEnded
        + " exported="
        + spansExported
        + " failed="
        + spansFailed
        + " dropped="
        + spansDropped
        + " queued="
        + queueSize
        + " active="
        + activeSpans;
  }
}

package dev.agenttrace.metrics;

/**
 * Tracing's own health at one moment, from {@link TracingMetrics#snapshot()}. Counters count since
 * the tracer started.
 *
 * @param traces traces seen starting here: spans ended with no parent or a remote parent (the local
 *     roots)
 * @param spansStarted recorded spans started
 * @param spansEnded recorded spans ended
 * @param activeSpans recorded spans started and not yet ended
 * @param errorSpans spans that ended with status {@code ERROR}
 * @param spanDurations the durations of every ended span, in nanoseconds
 * @param exportBatchesSucceeded batches the backend accepted
 * @param exportBatchesFailed batches that could not be delivered
 * @param spansExported spans the backend accepted
 * @param spansFailed spans that could not be delivered
 * @param spansDropped spans dropped before any attempt to send them
 */
public record TracingMetricsSnapshot(
    long traces,
    long spansStarted,
    long spansEnded,
    long activeSpans,
    long errorSpans,
    HistogramSnapshot spanDurations,
    long exportBatchesSucceeded,
    long exportBatchesFailed,
    long spansExported,
    long spansFailed,
    long spansDropped) {}

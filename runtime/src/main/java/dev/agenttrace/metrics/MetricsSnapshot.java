package dev.agenttrace.metrics;

import static java.util.Objects.requireNonNull;

import dev.agenttrace.AttributeKey;
import dev.agenttrace.Attributes;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Everything {@link TracingMetrics} counted, at one moment: tracing's own health (spans, traces,
 * failures, export outcomes, queues) and the GenAI histograms of the OpenTelemetry conventions.
 * Every count is cumulative since {@code startEpochNanos}.
 *
 * <p>Export outcomes follow one rule: every span handed to an exporting component is counted once,
 * as exported (the backend accepted it), failed (refused or unreachable, after any retries) or
 * dropped (never sent: a full queue, a shut-down processor).
 *
 * @param startEpochNanos when counting started (the metrics were created), nanoseconds since the
 *     epoch
 * @param traces traces seen starting here: spans ended with no parent or a remote parent (the local
 *     roots)
 * @param spansStarted recorded spans started
 * @param spansEnded recorded spans ended
 * @param activeSpans recorded spans started and not yet ended
 * @param errorSpans spans that ended with status {@code ERROR}
 * @param spanDurations the durations of every ended span, in nanoseconds
 * @param spansExported spans a backend accepted
 * @param spansFailed spans in batches that failed or timed out
 * @param spansDropped spans dropped before export because a queue was full or shut down
 * @param exportBatchesSucceeded export calls the backend accepted
 * @param exportBatchesFailed export calls that failed or timed out
 * @param queueSize spans waiting in export queues now
 * @param histograms the GenAI metrics with at least one value, such as {@code
 *     gen_ai.client.operation.duration}
 * @param overflowedRecordings per metric name, the recordings that went to its overflow series
 *     because its attribute sets reached the cap or a value was too long (the latency operations
 *     under {@value TracingMetrics#OPERATION_LATENCY})
 */
public record MetricsSnapshot(
    long startEpochNanos,
    long traces,
    long spansStarted,
    long spansEnded,
    long activeSpans,
    long errorSpans,
    HistogramSnapshot spanDurations,
    long spansExported,
    long spansFailed,
    long spansDropped,
    long exportBatchesSucceeded,
    long exportBatchesFailed,
    long queueSize,
    List<HistogramMetric> histograms,
    Map<String, Long> overflowedRecordings) {

  private static final AttributeKey<String> OUTCOME = AttributeKey.stringKey("outcome");
  private static final AttributeKey<String> METRIC = AttributeKey.stringKey("metric");

  /** Checks the parts and copies the collections. */
  public MetricsSnapshot {
    requireNonNull(spanDurations, "spanDurations");
    histograms = List.copyOf(histograms);
    overflowedRecordings = Map.copyOf(overflowedRecordings);
  }

  /** The histogram named {@code name}, if it has values. */
  public Optional<HistogramMetric> histogram(String name) {
    for (HistogramMetric histogram : histograms) {
      if (histogram.name().equals(name)) {
        return Optional.of(histogram);
      }
    }
    return Optional.empty();
  }

  /**
   * The counters and gauges of this snapshot in OpenTelemetry's terms, the form both the Prometheus
   * text format and the OpenTelemetry export read: {@code agenttrace.traces}, {@code
   * agenttrace.spans.started}, {@code .ended}, {@code .error} (counters), {@code
   * agenttrace.spans.active} (gauge), {@code agenttrace.export.spans} by {@code outcome} ({@code
   * success}, {@code failure}, {@code dropped}), {@code agenttrace.export.batches} by {@code
   * outcome}, {@code agenttrace.export.queue.size} (gauge) and {@code
   * agenttrace.metric.overflow.recordings} by {@code metric}.
   */
  public List<LongMetric> longMetrics() {
    List<LongMetric> metrics = new ArrayList<>();
    metrics.add(counter("agenttrace.traces", "{trace}", "Traces started in this process.", traces));
    metrics.add(
        counter("agenttrace.spans.started", "{span}", "Recorded spans started.", spansStarted));
    metrics.add(counter("agenttrace.spans.ended", "{span}", "Recorded spans ended.", spansEnded));
    metrics.add(
        counter("agenttrace.spans.error", "{span}", "Spans ended with status ERROR.", errorSpans));
    metrics.add(
        new LongMetric(
            "agenttrace.spans.active",
            "{span}",
            "Recorded spans started and not yet ended.",
            false,
            List.of(new LongPoint(Attributes.empty(), activeSpans))));
    metrics.add(
        new LongMetric(
            "agenttrace.export.spans",
            "{span}",
            "Spans by export outcome.",
            true,
            List.of(
                outcome("success", spansExported),
                outcome("failure", spansFailed),
                outcome("dropped", spansDropped))));
    metrics.add(
        new LongMetric(
            "agenttrace.export.batches",
            "{batch}",
            "Export calls by outcome.",
            true,
            List.of(
                outcome("success", exportBatchesSucceeded),
                outcome("failure", exportBatchesFailed))));
    metrics.add(
        new LongMetric(
            "agenttrace.export.queue.size",
            "{span}",
            "Spans waiting in export queues.",
            false,
            List.of(new LongPoint(Attributes.empty(), queueSize))));
    List<LongPoint> overflows = new ArrayList<>();
    new TreeMap<>(overflowedRecordings)
        .forEach(
            (metric, count) -> overflows.add(new LongPoint(Attributes.of(METRIC, metric), count)));
    metrics.add(
        new LongMetric(
            "agenttrace.metric.overflow.recordings",
            "{recording}",
            "Recordings that went to a metric's overflow series (otel.metric.overflow=true).",
            true,
            overflows));
    return metrics;
  }

  private static LongMetric counter(String name, String unit, String description, long value) {
    return new LongMetric(
        name, unit, description, true, List.of(new LongPoint(Attributes.empty(), value)));
  }

  private static LongPoint outcome(String outcome, long value) {
    return new LongPoint(Attributes.of(OUTCOME, outcome), value);
  }

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

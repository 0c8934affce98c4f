package dev.agenttrace.metrics;

import java.time.Duration;
import java.util.Locale;

/**
 * Writes tracing and latency metrics in the Prometheus text exposition format (version 0.0.4), for
 * an HTTP endpoint that Prometheus scrapes with {@code Content-Type: text/plain; version=0.0.4}.
 *
 * <pre>{@code
 * String body = PrometheusTextFormat.write(tracingMetrics.snapshot(), latencyMetrics)
 *     + PrometheusTextFormat.write(tailSampler.stats());
 * }</pre>
 *
 * <p>Durations are in seconds, as Prometheus conventions ask. Latencies are summaries: {@code _sum}
 * and {@code _count} count since the start; the quantiles (0.5, 0.9, 0.95, 0.99) are those of the
 * last minute when a one-minute window is configured, else of all time.
 */
public final class PrometheusTextFormat {
  /** The {@code Content-Type} of what {@link #write} returns. */
  public static final String CONTENT_TYPE = "text/plain; version=0.0.4; charset=utf-8";

  private static final double[] QUANTILES = {0.5, 0.9, 0.95, 0.99};
  private static final Duration QUANTILE_WINDOW = Duration.ofMinutes(1);

  private PrometheusTextFormat() {}

  /** The tracing metrics, then (if not null) the latency of every operation. */
  public static String write(TracingMetricsSnapshot tracing, LatencyMetricsProcessor latency) {
    StringBuilder out = new StringBuilder(4096);
    counter(out, "agenttrace_traces_total", "Traces started in this process.", tracing.traces());
    counter(
        out, "agenttrace_spans_started_total", "Recorded spans started.", tracing.spansStarted());
    counter(out, "agenttrace_spans_ended_total", "Recorded spans ended.", tracing.spansEnded());
    counter(
        out,
        "agenttrace_spans_error_total",
        "Spans ended with status ERROR.",
        tracing.errorSpans());
    family(out, "agenttrace_spans_active", "gauge", "Recorded spans started and not yet ended.");
    sample(out, "agenttrace_spans_active", "", tracing.activeSpans());
    family(out, "agenttrace_export_spans_total", "counter", "Spans by export outcome.");
    sample(out, "agenttrace_export_spans_total", "{outcome=\"success\"}", tracing.spansExported());
    sample(out, "agenttrace_export_spans_total", "{outcome=\"failure\"}", tracing.spansFailed());
    sample(out, "agenttrace_export_spans_total", "{outcome=\"dropped\"}", tracing.spansDropped());
    family(out, "agenttrace_export_batches_total", "counter", "Export batches by outcome.");
    sample(
        out,
        "agenttrace_export_batches_total",
        "{outcome=\"success\"}",
        tracing.exportBatchesSucceeded());
    sample(
        out,
        "agenttrace_export_batches_total",
        "{outcome=\"failure\"}",
        tracing.exportBatchesFailed());
    family(out, "agenttrace_span_duration_seconds", "summary", "Durations of ended spans.");
    summary(
        out,
        "agenttrace_span_duration_seconds",
        "",
        tracing.spanDurations(),
        tracing.spanDurations());
    if (latency != null) {
      family(
          out,
          "agenttrace_operation_latency_seconds",
          "summary",
          "Latency per span name, agent, tool and model.");
      for (OperationKey key : latency.operations()) {
        OperationLatency operation = latency.latency(key).orElseThrow();
        String labels =
            "dimension=\""
                + escape(key.dimension().label())
                + "\",operation=\""
                + escape(key.value())
                + '"';
        summary(
            out,
            "agenttrace_operation_latency_seconds",
            labels,
            recent(operation),
            operation.total());
      }
    }
    return out.toString();
  }

  /** What a tail sampler did: spans forwarded and dropped, traces by decision, what waits. */
  public static String write(TailSamplingStats tail) {
    StringBuilder out = new StringBuilder(1024);
    String spans = "agenttrace_tail_sampling_spans_total";
    family(out, spans, "counter", "Spans the tail sampler handed on or dropped.");
    sample(out, spans, "{outcome=\"forwarded\"}", tail.spansForwarded());
    sample(out, spans, "{outcome=\"dropped\"}", tail.spansDropped());
    counter(
        out,
        "agenttrace_tail_sampling_traces_seen_total",
        "Traces the tail sampler saw; each is counted once by decision, or pending.",
        tail.tracesSeen());
    String traces = "agenttrace_tail_sampling_traces_total";
    family(out, traces, "counter", "Traces the tail sampler decided, by reason.");
    sample(out, traces, "{decision=\"kept_error\"}", tail.tracesKeptForError());
    sample(out, traces, "{decision=\"kept_latency\"}", tail.tracesKeptForLatency());
    sample(out, traces, "{decision=\"kept_probability\"}", tail.tracesKeptByProbability());
    sample(out, traces, "{decision=\"kept_truncated\"}", tail.tracesTruncated());
    sample(out, traces, "{decision=\"dropped\"}", tail.tracesDropped());
    counter(
        out,
        "agenttrace_tail_sampling_traces_evicted_total",
        "Traces decided early, by the usual rules, because maxTraces were pending.",
        tail.tracesEvicted());
    family(
        out, "agenttrace_tail_sampling_traces_pending", "gauge", "Traces waiting for a decision.");
    sample(out, "agenttrace_tail_sampling_traces_pending", "", tail.tracesPending());
    family(
        out, "agenttrace_tail_sampling_spans_buffered", "gauge", "Spans waiting for a decision.");
    sample(out, "agenttrace_tail_sampling_spans_buffered", "", tail.spansBuffered());
    return out.toString();
  }

  private static HistogramSnapshot recent(OperationLatency operation) {
    try {
      return operation.window(QUANTILE_WINDOW);
    } catch (IllegalArgumentException noMinuteWindow) {
      return operation.total();
    }
  }

  private static void counter(StringBuilder out, String name, String help, long value) {
    family(out, name, "counter", help);
    sample(out, name, "", value);
  }

  private static void family(StringBuilder out, String name, String type, String help) {
    out.append("# HELP ").append(name).append(' ').append(help).append('\n');
    out.append("# TYPE ").append(name).append(' ').append(type).append('\n');
  }

  private static void sample(StringBuilder out, String name, String labels, long value) {
    out.append(name).append(labels).append(' ').append(value).append('\n');
  }

  private static void summary(
      StringBuilder out,
      String name,
      String labels,
      HistogramSnapshot quantiles,
      HistogramSnapshot cumulative) {
    String separator = labels.isEmpty() ? "" : ",";
    for (double q : QUANTILES) {
      out.append(name)
          .append('{')
          .append(labels)
          .append(separator)
          .append("quantile=\"")
          .append(q)
          .append("\"} ")
          .append(seconds(quantiles.percentile(q * 100)))
          .append('\n');
    }
    String braced = labels.isEmpty() ? "" : "{" + labels + "}";
    out.append(name)
        .append("_sum")
        .append(braced)
        .append(' ')
        .append(seconds(cumulative.sum()))
        .append('\n');
    sample(out, name + "_count", braced, cumulative.count());
  }

  private static String seconds(long nanos) {
    return String.format(Locale.ROOT, "%.9f", nanos / 1e9);
  }

  /** Escapes a label value: backslash, double quote and line feed. */
  static String escape(String value) {
    return value.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n");
  }
}

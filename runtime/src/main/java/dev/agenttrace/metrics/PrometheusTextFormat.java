package dev.agenttrace.metrics;

import dev.agenttrace.AttributeKey;
import dev.agenttrace.Attributes;
import java.time.Duration;
import java.util.List;
import java.util.Locale;

/**
 * Writes {@link TracingMetrics} in the Prometheus text exposition format (version 0.0.4), for an
 * endpoint that Prometheus scrapes: serve it with {@link PrometheusEndpoint}, or return {@link
 * #write(TracingMetrics)} with {@link #CONTENT_TYPE} from a handler of your own server.
 *
 * <pre>{@code
 * String body = PrometheusTextFormat.write(metrics) + PrometheusTextFormat.write(tail.stats());
 * }</pre>
 *
 * <p>Names follow OpenTelemetry's Prometheus compatibility rules: dots become underscores, unit
 * {@code s} adds {@code _seconds}, a unit in braces ({@code {token}}) adds nothing, counters end in
 * {@code _total}; attribute names become label names the same way. So {@code
 * gen_ai.client.operation.duration} is the histogram {@code
 * gen_ai_client_operation_duration_seconds} with labels {@code gen_ai_operation_name}, {@code
 * gen_ai_request_model}..., and buckets {@code le} at the conventions' boundaries.
 *
 * <p>Durations are in seconds. The span durations and operation latencies are summaries: {@code
 * _sum} and {@code _count} count since the start; the quantiles (0.5, 0.9, 0.95, 0.99) are those of
 * the last minute when a one-minute window is configured, else of all time.
 */
public final class PrometheusTextFormat {
  /** The {@code Content-Type} of what {@link #write} returns. */
  public static final String CONTENT_TYPE = "text/plain; version=0.0.4; charset=utf-8";

  private static final double[] QUANTILES = {0.5, 0.9, 0.95, 0.99};
  private static final Duration QUANTILE_WINDOW = Duration.ofMinutes(1);

  private PrometheusTextFormat() {}

  /** Everything {@code metrics} measured: a snapshot, then the latency of every operation. */
  public static String write(TracingMetrics metrics) {
    StringBuilder out = new StringBuilder(8192);
    write(metrics.snapshot(), out);
    List<OperationKey> operations = metrics.operations();
    if (!operations.isEmpty()) {
      String name = "agenttrace_operation_latency_seconds";
      family(out, name, "summary", "Latency per span name, agent, tool and model.");
      for (OperationKey key : operations) {
        OperationLatency operation = metrics.latency(key).orElseThrow();
        String labels =
            "dimension=\""
                + escape(key.dimension().label())
                + "\",operation=\""
                + escape(key.value())
                + '"';
        summary(out, name, labels, recent(operation), operation.total());
      }
    }
    return out.toString();
  }

  /** The counters, gauges and GenAI histograms of {@code snapshot}. */
  public static String write(MetricsSnapshot snapshot) {
    StringBuilder out = new StringBuilder(8192);
    write(snapshot, out);
    return out.toString();
  }

  private static void write(MetricsSnapshot snapshot, StringBuilder out) {
    for (LongMetric metric : snapshot.longMetrics()) {
      String name = metricName(metric.name(), metric.unit()) + (metric.monotonic() ? "_total" : "");
      family(out, name, metric.monotonic() ? "counter" : "gauge", metric.description());
      for (LongPoint point : metric.points()) {
        sample(out, name, braced(labels(point.attributes())), Long.toString(point.value()));
      }
    }
    String durations = "agenttrace_span_duration_seconds";
    family(out, durations, "summary", "Durations of ended spans.");
    summary(out, durations, "", snapshot.spanDurations(), snapshot.spanDurations());
    for (HistogramMetric histogram : snapshot.histograms()) {
      histogram(out, histogram);
    }
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

  private static void histogram(StringBuilder out, HistogramMetric metric) {
    String name = metricName(metric.name(), metric.unit());
    family(out, name, "histogram", metric.description());
    List<Double> boundaries = metric.boundaries();
    for (HistogramPoint point : metric.points()) {
      String labels = labels(point.attributes());
      String prefix = labels.isEmpty() ? "" : labels + ",";
      long cumulative = 0;
      for (int i = 0; i <= boundaries.size(); i++) {
        cumulative += point.bucketCounts().get(i);
        String le = i < boundaries.size() ? number(boundaries.get(i)) : "+Inf";
        sample(
            out, name + "_bucket", "{" + prefix + "le=\"" + le + "\"}", Long.toString(cumulative));
      }
      sample(out, name + "_sum", braced(labels), number(point.sum()));
      sample(out, name + "_count", braced(labels), Long.toString(point.count()));
    }
  }

  /**
   * The Prometheus name of an OpenTelemetry metric: invalid characters (dots) become underscores,
   * unit {@code s} adds {@code _seconds}, a unit in braces adds nothing.
   */
  static String metricName(String name, String unit) {
    String base = sanitize(name);
    return unit.equals("s") ? base + "_seconds" : base;
  }

  private static String sanitize(String name) {
    StringBuilder out = new StringBuilder(name.length());
    for (int i = 0; i < name.length(); i++) {
      char c = name.charAt(i);
      boolean valid =
          (c >= 'a' && c <= 'z')
              || (c >= 'A' && c <= 'Z')
              || c == '_'
              || (i > 0 && c >= '0' && c <= '9');
      out.append(valid ? c : '_');
    }
    return out.toString();
  }

  private static String labels(Attributes attributes) {
    StringBuilder out = new StringBuilder();
    for (AttributeKey<?> key : attributes.keys()) {
      if (out.length() > 0) {
        out.append(',');
      }
      out.append(sanitize(key.name()))
          .append("=\"")
          .append(escape(String.valueOf(attributes.get(key))))
          .append('"');
    }
    return out.toString();
  }

  private static String braced(String labels) {
    return labels.isEmpty() ? "" : "{" + labels + "}";
  }

  /** A number as Prometheus reads it: whole numbers without a fraction. */
  private static String number(double value) {
    if (value == Math.rint(value) && Math.abs(value) < 1e15) {
      return Long.toString((long) value);
    }
    return Double.toString(value);
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
    out.append("# HELP ").append(name).append(' ').append(escapeHelp(help)).append('\n');
    out.append("# TYPE ").append(name).append(' ').append(type).append('\n');
  }

  private static void sample(StringBuilder out, String name, String labels, long value) {
    sample(out, name, labels, Long.toString(value));
  }

  private static void sample(StringBuilder out, String name, String labels, String value) {
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
    String braced = braced(labels);
    sample(out, name + "_sum", braced, seconds(cumulative.sum()));
    sample(out, name + "_count", braced, cumulative.count());
  }

  private static String seconds(long nanos) {
    return String.format(Locale.ROOT, "%.9f", nanos / 1e9);
  }

  /** Escapes a label value: backslash, double quote and line feed. */
  static String escape(String value) {
    return value.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n");
  }

  /** Escapes help text: backslash and line feed. */
  private static String escapeHelp(String value) {
    return value.replace("\\", "\\\\").replace("\n", "\\n");
  }
}

package dev.agenttrace.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import dev.agenttrace.Context;
import dev.agenttrace.SemanticAttributes;
import dev.agenttrace.Span;
import dev.agenttrace.SpanContext;
import dev.agenttrace.StatusCode;
import dev.agenttrace.TraceState;
import dev.agenttrace.sdk.TracerSdk;
import dev.agenttrace.testing.ManualClock;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class TracingMetricsTest {
  private final ManualClock clock = new ManualClock();
  private final TracingMetrics metrics = new TracingMetrics();
  private final LatencyMetricsProcessor latency =
      LatencyMetricsProcessor.builder().clock(clock).build();
  private final TracerSdk tracer =
      TracerSdk.builder().clock(clock).addSpanProcessor(metrics).addSpanProcessor(latency).build();

  /** A local trace of a root and a failed tool call, a served remote call, one span still open. */
  private void traffic() {
    Span root = tracer.spanBuilder("invoke_agent support").startSpan();
    Span tool =
        tracer
            .spanBuilder("execute_tool lookup_order")
            .setParent(Context.root().with(root))
            .setAttribute(SemanticAttributes.GEN_AI_TOOL_NAME, "lookup_order")
            .startSpan();
    clock.advance(Duration.ofMillis(100));
    tool.setStatus(StatusCode.ERROR, "order service down");
    tool.end();
    clock.advance(Duration.ofMillis(200));
    root.end();
    Span remoteParent =
        Span.wrap(
            SpanContext.createFromRemoteParent(
                1, 2, 3, SpanContext.FLAG_SAMPLED, TraceState.empty()));
    Span served =
        tracer.spanBuilder("serve").setParent(Context.root().with(remoteParent)).startSpan();
    clock.advance(Duration.ofMillis(50));
    served.end();
    tracer.spanBuilder("still running").startSpan();
  }

  @Test
  void countsTracesSpansActiveSpansFailuresAndDurations() {
    traffic();

    TracingMetricsSnapshot snapshot = metrics.snapshot();

    assertThat(snapshot.traces()).isEqualTo(2);
    assertThat(snapshot.spansStarted()).isEqualTo(4);
    assertThat(snapshot.spansEnded()).isEqualTo(3);
    assertThat(snapshot.activeSpans()).isEqualTo(1);
    assertThat(snapshot.errorSpans()).isEqualTo(1);
    assertThat(snapshot.spanDurations().count()).isEqualTo(3);
    assertThat(snapshot.spanDurations().sum()).isEqualTo(450_000_000L);
    assertThat(snapshot.spanDurations().max()).isEqualTo(300_000_000L);
  }

  @Test
  void countsWhatTheExporterReports() {
    metrics.exportSucceeded(10);
    metrics.exportSucceeded(5);
    metrics.exportFailed(7);
    metrics.spansDropped(3);

    TracingMetricsSnapshot snapshot = metrics.snapshot();

    assertThat(snapshot.exportBatchesSucceeded()).isEqualTo(2);
    assertThat(snapshot.spansExported()).isEqualTo(15);
    assertThat(snapshot.exportBatchesFailed()).isEqualTo(1);
    assertThat(snapshot.spansFailed()).isEqualTo(7);
    assertThat(snapshot.spansDropped()).isEqualTo(3);
  }

  @Test
  void writesThePrometheusTextFormat() {
    traffic();
    metrics.exportSucceeded(3);

    String text = PrometheusTextFormat.write(metrics.snapshot(), latency);

    assertThat(text)
        .contains(
            "# HELP agenttrace_traces_total Traces started in this process.\n"
                + "# TYPE agenttrace_traces_total counter\n"
                + "agenttrace_traces_total 2\n")
        .contains("# TYPE agenttrace_spans_active gauge\nagenttrace_spans_active 1\n")
        .contains("agenttrace_spans_error_total 1\n")
        .contains(
            "agenttrace_export_spans_total{outcome=\"success\"} 3\n"
                + "agenttrace_export_spans_total{outcome=\"failure\"} 0\n"
                + "agenttrace_export_spans_total{outcome=\"dropped\"} 0\n")
        .contains(
            "# TYPE agenttrace_span_duration_seconds summary\n"
                + "agenttrace_span_duration_seconds{quantile=\"0.5\"} ")
        .contains(
            "agenttrace_span_duration_seconds_sum 0.450000000\n"
                + "agenttrace_span_duration_seconds_count 3\n")
        .contains(
            "agenttrace_operation_latency_seconds{dimension=\"gen_ai.tool.name\","
                + "operation=\"lookup_order\",quantile=\"0.99\"} 0.100000000\n"
                + "agenttrace_operation_latency_seconds_sum{dimension=\"gen_ai.tool.name\","
                + "operation=\"lookup_order\"} 0.100000000\n"
                + "agenttrace_operation_latency_seconds_count{dimension=\"gen_ai.tool.name\","
                + "operation=\"lookup_order\"} 1\n");
    assertThat(text.lines())
        .allMatch(
            line ->
                line.startsWith("# HELP ")
                    || line.startsWith("# TYPE ")
                    || line.matches("[a-z_]+(\\{[^}]*\\})? -?[0-9.]+"));
  }

  @Test
  void escapesLabelValues() {
    assertThat(PrometheusTextFormat.escape("say \"hi\"\\\n")).isEqualTo("say \\\"hi\\\"\\\\\\n");
  }

  @Test
  void writesTailSamplingDecisionsInThePrometheusTextFormat() {
    TailSamplingStats stats = new TailSamplingStats(20, 12, 6, 2, 12, 1, 2, 1, 3, 4, 0, 1, 1, 0, 0);

    assertThat(stats.decidedTraces() + stats.tracesPending()).isEqualTo(stats.tracesSeen());
    assertThat(PrometheusTextFormat.write(stats))
        .isEqualTo(
            "# HELP agenttrace_tail_sampling_spans_total Spans the tail sampler handed on or"
                + " dropped.\n"
                + "# TYPE agenttrace_tail_sampling_spans_total counter\n"
                + "agenttrace_tail_sampling_spans_total{outcome=\"forwarded\"} 12\n"
                + "agenttrace_tail_sampling_spans_total{outcome=\"dropped\"} 6\n"
                + "# HELP agenttrace_tail_sampling_traces_seen_total Traces the tail sampler saw;"
                + " each is counted once by decision, or pending.\n"
                + "# TYPE agenttrace_tail_sampling_traces_seen_total counter\n"
                + "agenttrace_tail_sampling_traces_seen_total 12\n"
                + "# HELP agenttrace_tail_sampling_traces_total Traces the tail sampler decided,"
                + " by reason.\n"
                + "# TYPE agenttrace_tail_sampling_traces_total counter\n"
                + "agenttrace_tail_sampling_traces_total{decision=\"kept_error\"} 2\n"
                + "agenttrace_tail_sampling_traces_total{decision=\"kept_latency\"} 1\n"
                + "agenttrace_tail_sampling_traces_total{decision=\"kept_probability\"} 3\n"
                + "agenttrace_tail_sampling_traces_total{decision=\"kept_truncated\"} 1\n"
                + "agenttrace_tail_sampling_traces_total{decision=\"dropped\"} 4\n"
                + "# HELP agenttrace_tail_sampling_traces_evicted_total Traces decided early, by"
                + " the usual rules, because maxTraces were pending.\n"
                + "# TYPE agenttrace_tail_sampling_traces_evicted_total counter\n"
                + "agenttrace_tail_sampling_traces_evicted_total 1\n"
                + "# HELP agenttrace_tail_sampling_traces_pending Traces waiting for a decision.\n"
                + "# TYPE agenttrace_tail_sampling_traces_pending gauge\n"
                + "agenttrace_tail_sampling_traces_pending 1\n"
                + "# HELP agenttrace_tail_sampling_spans_buffered Spans waiting for a decision.\n"
                + "# TYPE agenttrace_tail_sampling_spans_buffered gauge\n"
                + "agenttrace_tail_sampling_spans_buffered 2\n");
  }
}

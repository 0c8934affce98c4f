package dev.agenttrace.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import dev.agenttrace.Context;
import dev.agenttrace.SemanticAttributes;
import dev.agenttrace.Span;
import dev.agenttrace.proxy.SpanTemplates;
import dev.agenttrace.sdk.TracerSdk;
import dev.agenttrace.testing.ManualClock;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class PrometheusTextFormatTest {
  /** A sample line: a name, labels with escaped values, a number. */
  private static final String SAMPLE =
      "[a-zA-Z_][a-zA-Z0-9_]*"
          + "(\\{([a-zA-Z_][a-zA-Z0-9_]*=\"([^\"\\\\]|\\\\.)*\",?)*\\})?"
          + " (-?[0-9.]+(E-?[0-9]+)?|\\+Inf)";

  private final ManualClock clock = new ManualClock();
  private final TracingMetrics metrics =
      TracingMetrics.builder().clock(clock).operationLatency(true).build();
  private final TracerSdk tracer =
      TracerSdk.builder().clock(clock).addSpanProcessor(metrics).build();

  /** An agent run with a model call (tokens, 30 ms) and a failed tool call (100 ms). */
  private void agentRun() {
    Span agent = tracer.startSpan(SpanTemplates.agentRun("support", "", ""));
    Context inAgent = Context.root().with(agent);
    Span chat;
    try (var scope = inAgent.makeCurrent()) {
      chat = tracer.startSpan(SpanTemplates.llmCall("gpt-4o", "openai", ""));
      clock.advance(Duration.ofMillis(30));
      chat.setAttribute(SemanticAttributes.GEN_AI_USAGE_INPUT_TOKENS, 100L);
      chat.setAttribute(SemanticAttributes.GEN_AI_USAGE_OUTPUT_TOKENS, 20L);
      chat.end();
      Span tool = tracer.startSpan(SpanTemplates.tool("lookup_order", "", ""));
      clock.advance(Duration.ofMillis(100));
      tool.recordError(new IllegalStateException("order service down"));
      tool.end();
    }
    agent.end();
  }

  @Test
  void writesTracingsOwnCountersUnderTheirPrometheusNames() {
    agentRun();
    metrics.recordExported(3);
    tracer.spanBuilder("still running").startSpan();

    String text = PrometheusTextFormat.write(metrics);

    assertThat(text)
        .contains(
            "# HELP agenttrace_traces_total Traces started in this process.\n"
                + "# TYPE agenttrace_traces_total counter\n"
                + "agenttrace_traces_total 1\n")
        .contains("# TYPE agenttrace_spans_active gauge\nagenttrace_spans_active 1\n")
        .contains("agenttrace_spans_error_total 1\n")
        .contains(
            "agenttrace_export_spans_total{outcome=\"success\"} 3\n"
                + "agenttrace_export_spans_total{outcome=\"failure\"} 0\n"
                + "agenttrace_export_spans_total{outcome=\"dropped\"} 0\n")
        .contains("agenttrace_export_batches_total{outcome=\"success\"} 1\n")
        .contains("# TYPE agenttrace_export_queue_size gauge\nagenttrace_export_queue_size 0\n")
        .contains(
            "# TYPE agenttrace_span_duration_seconds summary\n"
                + "agenttrace_span_duration_seconds{quantile=\"0.5\"} ")
        .contains(
            "agenttrace_span_duration_seconds_sum 0.260000000\n"
                + "agenttrace_span_duration_seconds_count 3\n")
        .contains(
            "agenttrace_operation_latency_seconds{dimension=\"gen_ai.tool.name\","
                + "operation=\"lookup_order\",quantile=\"0.99\"} 0.100000000\n"
                + "agenttrace_operation_latency_seconds_sum{dimension=\"gen_ai.tool.name\","
                + "operation=\"lookup_order\"} 0.100000000\n"
                + "agenttrace_operation_latency_seconds_count{dimension=\"gen_ai.tool.name\","
                + "operation=\"lookup_order\"} 1\n");
  }

  @Test
  void writesTheGenAiHistogramsWithCumulativeBucketsAtTheConventionsBoundaries() {
    agentRun();

    String text = PrometheusTextFormat.write(metrics);

    String labels =
        "gen_ai_operation_name=\"chat\",gen_ai_provider_name=\"openai\","
            + "gen_ai_request_model=\"gpt-4o\"";
    assertThat(text)
        .contains(
            "# HELP gen_ai_client_operation_duration_seconds GenAI operation duration.\n"
                + "# TYPE gen_ai_client_operation_duration_seconds histogram\n"
                + "gen_ai_client_operation_duration_seconds_bucket{"
                + labels
                + ",le=\"0.01\"} 0\n"
                + "gen_ai_client_operation_duration_seconds_bucket{"
                + labels
                + ",le=\"0.02\"} 0\n"
                + "gen_ai_client_operation_duration_seconds_bucket{"
                + labels
                + ",le=\"0.04\"} 1\n")
        .contains(
            "gen_ai_client_operation_duration_seconds_bucket{"
                + labels
                + ",le=\"81.92\"} 1\n"
                + "gen_ai_client_operation_duration_seconds_bucket{"
                + labels
                + ",le=\"+Inf\"} 1\n"
                + "gen_ai_client_operation_duration_seconds_sum{"
                + labels
                + "} 0.03\n"
                + "gen_ai_client_operation_duration_seconds_count{"
                + labels
                + "} 1\n")
        .contains("# TYPE gen_ai_client_token_usage histogram\n")
        .contains(
            "gen_ai_client_token_usage_bucket{"
                + labels
                + ",gen_ai_token_type=\"input\",le=\"64\"} 0\n"
                + "gen_ai_client_token_usage_bucket{"
                + labels
                + ",gen_ai_token_type=\"input\",le=\"256\"} 1\n")
        .contains("gen_ai_client_token_usage_sum{" + labels + ",gen_ai_token_type=\"output\"} 20\n")
        .contains(
            "gen_ai_execute_tool_duration_seconds_count{gen_ai_tool_name=\"lookup_order\","
                + "error_type=\"java.lang.IllegalStateException\"} 1\n")
        .contains(
            "gen_ai_invoke_agent_duration_seconds_bucket{gen_ai_agent_name=\"support\","
                + "le=\"0.1\"} 0\n"
                + "gen_ai_invoke_agent_duration_seconds_bucket{gen_ai_agent_name=\"support\","
                + "le=\"0.2\"} 1\n")
        .contains(
            "agenttrace_metric_overflow_recordings_total"
                + "{metric=\"gen_ai.client.operation.duration\"} 0\n");
  }

  @Test
  void everyLineIsACommentOrASampleOfAKnownFamily() {
    agentRun();
    tracer.startSpan(SpanTemplates.tool("say \"hi\"\\\nthere", "", "")).end();

    String text = PrometheusTextFormat.write(metrics);

    assertThat(text.lines())
        .allMatch(
            line ->
                line.startsWith("# HELP ") || line.startsWith("# TYPE ") || line.matches(SAMPLE));
    assertThat(text).contains("gen_ai_tool_name=\"say \\\"hi\\\"\\\\\\nthere\"");
  }

  @Test
  void escapesLabelValues() {
    assertThat(PrometheusTextFormat.escape("say \"hi\"\\\n")).isEqualTo("say \\\"hi\\\"\\\\\\n");
  }

  @Test
  void namesFollowOpenTelemetrysPrometheusRules() {
    assertThat(PrometheusTextFormat.metricName("gen_ai.client.operation.duration", "s"))
        .isEqualTo("gen_ai_client_operation_duration_seconds");
    assertThat(PrometheusTextFormat.metricName("gen_ai.client.token.usage", "{token}"))
        .isEqualTo("gen_ai_client_token_usage");
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

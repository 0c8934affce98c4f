package dev.agenttrace.example;

import static org.assertj.core.api.Assertions.assertThat;

import dev.agenttrace.SemanticAttributes;
import dev.agenttrace.StatusCode;
import dev.agenttrace.metrics.GenAiConventions;
import dev.agenttrace.metrics.PrometheusEndpoint;
import dev.agenttrace.metrics.PrometheusTextFormat;
import dev.agenttrace.metrics.TracingMetrics;
import dev.agenttrace.spi.SpanData;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Prometheus scrapes the example's metrics over HTTP after its two conversations: the series and
 * counts match the spans the run recorded.
 */
class MetricsScrapeTest {
  private static final Pattern SAMPLE = Pattern.compile("([a-zA-Z_:][a-zA-Z0-9_:]*)(\\{.*})? (.+)");
  private static final String CHAT =
      "gen_ai_operation_name=\"chat\",gen_ai_provider_name=\"scripted\","
          + "gen_ai_request_model=\"scripted-model\"";

  private static List<SpanData> spans;
  private static HttpResponse<String> scrape;
  private static Map<String, String> samples;

  @BeforeAll
  static void runTheExampleAndScrape() throws Exception {
    TracingMetrics metrics = TracingMetrics.create();
    spans =
        SupportApp.run(
            new ScriptedChatModel(0),
            new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8),
            SupportApp.config(),
            metrics);
    try (PrometheusEndpoint endpoint =
        PrometheusEndpoint.start(
            metrics, new InetSocketAddress(InetAddress.getLoopbackAddress(), 0))) {
      scrape =
          HttpClient.newHttpClient()
              .send(
                  HttpRequest.newBuilder(endpoint.uri()).build(),
                  HttpResponse.BodyHandlers.ofString());
    }
    samples = new LinkedHashMap<>();
    for (String line : scrape.body().lines().toList()) {
      if (!line.startsWith("#")) {
        Matcher sample = SAMPLE.matcher(line);
        assertThat(sample.matches()).as(line).isTrue();
        samples.put(
            sample.group(1) + (sample.group(2) == null ? "" : sample.group(2)), sample.group(3));
      }
    }
  }

  private static long count(String series) {
    assertThat(samples).containsKey(series);
    return Long.parseLong(samples.get(series));
  }

  private static long tokens(dev.agenttrace.AttributeKey<Long> key) {
    return spans.stream()
        .map(span -> span.attributes().get(key))
        .filter(value -> value != null)
        .mapToLong(Long::longValue)
        .sum();
  }

  @Test
  void theScrapeIsPrometheusText() {
    assertThat(scrape.statusCode()).isEqualTo(200);
    assertThat(scrape.headers().firstValue("Content-Type"))
        .hasValue(PrometheusTextFormat.CONTENT_TYPE);
    assertThat(scrape.body())
        .contains("# TYPE gen_ai_client_operation_duration_seconds histogram\n")
        .contains("# TYPE gen_ai_client_token_usage histogram\n")
        .contains("# TYPE agenttrace_spans_ended_total counter\n");
  }

  @Test
  void tracingsOwnCountersMatchTheRecordedSpans() {
    long localRoots =
        spans.stream()
            .filter(
                span -> !span.parentSpanContext().isValid() || span.parentSpanContext().isRemote())
            .count();
    long failed = spans.stream().filter(span -> span.statusCode() == StatusCode.ERROR).count();

    assertThat(count("agenttrace_spans_started_total")).isEqualTo(spans.size());
    assertThat(count("agenttrace_spans_ended_total")).isEqualTo(spans.size());
    assertThat(count("agenttrace_spans_active")).isZero();
    assertThat(count("agenttrace_traces_total")).isEqualTo(localRoots);
    assertThat(count("agenttrace_spans_error_total")).isEqualTo(failed).isPositive();
  }

  @Test
  void everyModelCallIsCountedInTheConventionsBuckets() {
    long modelCalls =
        spans.stream().filter(span -> span.name().equals("chat scripted-model")).count();
    String series = "gen_ai_client_operation_duration_seconds";

    assertThat(count(series + "_count{" + CHAT + "}")).isEqualTo(modelCalls).isEqualTo(5);
    assertThat(count(series + "_bucket{" + CHAT + ",le=\"+Inf\"}")).isEqualTo(modelCalls);
    List<Long> cumulative = new ArrayList<>();
    for (double boundary : GenAiConventions.OPERATION_DURATION_BUCKETS) {
      String le = boundary == Math.rint(boundary) ? Long.toString((long) boundary) : "" + boundary;
      cumulative.add(count(series + "_bucket{" + CHAT + ",le=\"" + le + "\"}"));
    }
    assertThat(cumulative).isSorted().hasSize(14);
    assertThat(cumulative.get(cumulative.size() - 1)).isLessThanOrEqualTo(modelCalls);
  }

  @Test
  void tokenUsageSumsTheTokensOfTheModelCallSpans() {
    String series = "gen_ai_client_token_usage";

    assertThat(count(series + "_sum{" + CHAT + ",gen_ai_token_type=\"input\"}"))
        .isEqualTo(tokens(SemanticAttributes.GEN_AI_USAGE_INPUT_TOKENS))
        .isPositive();
    assertThat(count(series + "_sum{" + CHAT + ",gen_ai_token_type=\"output\"}"))
        .isEqualTo(tokens(SemanticAttributes.GEN_AI_USAGE_OUTPUT_TOKENS))
        .isPositive();
    assertThat(count(series + "_count{" + CHAT + ",gen_ai_token_type=\"input\"}")).isEqualTo(5);
  }

  @Test
  void agentsAndToolsHaveTheirDurationsAndTheFailedLookupItsErrorType() {
    assertThat(
            count("gen_ai_invoke_agent_duration_seconds_count{gen_ai_agent_name=\"orchestrator\"}"))
        .isEqualTo(2);
    assertThat(count("gen_ai_invoke_agent_duration_seconds_count{gen_ai_agent_name=\"billing\"}"))
        .isEqualTo(1);
    assertThat(
            count("gen_ai_execute_tool_duration_seconds_count{gen_ai_tool_name=\"lookup_order\"}"))
        .isEqualTo(1);
    assertThat(
            count(
                "gen_ai_execute_tool_duration_seconds_count{gen_ai_tool_name=\"lookup_order\","
                    + "error_type=\"dev.agenttrace.example.OrderNotFoundException\"}"))
        .isEqualTo(1);
    assertThat(
            count("gen_ai_execute_tool_duration_seconds_count{gen_ai_tool_name=\"update_order\"}"))
        .isEqualTo(1);
    assertThat(
            count(
                "agenttrace_metric_overflow_recordings_total"
                    + "{metric=\"gen_ai.client.operation.duration\"}"))
        .isZero();
  }
}

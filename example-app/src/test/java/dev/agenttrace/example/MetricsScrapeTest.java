package dev.agenttrace.example;

import static org.assertj.core.api.Assertions.assertThat;

import dev.agenttrace.AttributeKey;
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
 * Prometheus scrapes each service of the example over HTTP after its two conversations: the series
 * and counts match the spans the service recorded.
 */
class MetricsScrapeTest {
  private static final Pattern SAMPLE = Pattern.compile("([a-zA-Z_:][a-zA-Z0-9_:]*)(\\{.*})? (.+)");
  private static final String CHAT =
      "gen_ai_operation_name=\"chat\",gen_ai_provider_name=\"scripted\","
          + "gen_ai_request_model=\"scripted-model\"";

  private static List<SpanData> spans;
  private static final Map<String, HttpResponse<String>> scrapes = new LinkedHashMap<>();
  private static final Map<String, Map<String, String>> samples = new LinkedHashMap<>();

  @BeforeAll
  static void runTheExampleAndScrapeEachService() throws Exception {
    Map<String, TracingMetrics> measured = new LinkedHashMap<>();
    spans =
        SupportApp.run(
            new ScriptedChatModel(0),
            new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8),
            SupportApp.config(),
            measured::put);
    for (Map.Entry<String, TracingMetrics> service : measured.entrySet()) {
      try (PrometheusEndpoint endpoint =
          PrometheusEndpoint.start(
              service.getValue(), new InetSocketAddress(InetAddress.getLoopbackAddress(), 0))) {
        HttpResponse<String> scrape =
            HttpClient.newHttpClient()
                .send(
                    HttpRequest.newBuilder(endpoint.uri()).build(),
                    HttpResponse.BodyHandlers.ofString());
        scrapes.put(service.getKey(), scrape);
        samples.put(service.getKey(), parse(scrape.body()));
      }
    }
  }

  private static Map<String, String> parse(String text) {
    Map<String, String> parsed = new LinkedHashMap<>();
    for (String line : text.lines().toList()) {
      if (!line.startsWith("#")) {
        Matcher sample = SAMPLE.matcher(line);
        assertThat(sample.matches()).as(line).isTrue();
        parsed.put(
            sample.group(1) + (sample.group(2) == null ? "" : sample.group(2)), sample.group(3));
      }
    }
    return parsed;
  }

  private static long count(String service, String series) {
    assertThat(samples.get(service)).containsKey(series);
    return Long.parseLong(samples.get(service).get(series));
  }

  private static List<SpanData> spansOf(String service) {
    return spans.stream().filter(span -> span.resource().serviceName().equals(service)).toList();
  }

  /** The tokens of the model call spans; agent spans carry their totals, which are not counted. */
  private static long tokens(String service, AttributeKey<Long> key) {
    return spansOf(service).stream()
        .filter(span -> span.name().equals("chat scripted-model"))
        .map(span -> span.attributes().get(key))
        .filter(value -> value != null)
        .mapToLong(Long::longValue)
        .sum();
  }

  @Test
  void eachServicesScrapeIsPrometheusText() {
    assertThat(scrapes).containsOnlyKeys(SupportApp.SUPPORT_SERVICE, SupportApp.BILLING_SERVICE);
    for (HttpResponse<String> scrape : scrapes.values()) {
      assertThat(scrape.statusCode()).isEqualTo(200);
      assertThat(scrape.headers().firstValue("Content-Type"))
          .hasValue(PrometheusTextFormat.CONTENT_TYPE);
      assertThat(scrape.body())
          .contains("# TYPE gen_ai_client_operation_duration_seconds histogram\n")
          .contains("# TYPE gen_ai_client_token_usage histogram\n")
          .contains("# TYPE agenttrace_spans_ended_total counter\n");
    }
  }

  @Test
  void tracingsOwnCountersMatchTheSpansEachServiceRecorded() {
    for (String service : scrapes.keySet()) {
      List<SpanData> own = spansOf(service);
      long localRoots =
          own.stream()
              .filter(
                  span ->
                      !span.parentSpanContext().isValid() || span.parentSpanContext().isRemote())
              .count();
      long failed = own.stream().filter(span -> span.statusCode() == StatusCode.ERROR).count();

      assertThat(count(service, "agenttrace_spans_started_total")).isEqualTo(own.size());
      assertThat(count(service, "agenttrace_spans_ended_total")).isEqualTo(own.size());
      assertThat(count(service, "agenttrace_spans_active")).isZero();
      assertThat(count(service, "agenttrace_traces_total")).isEqualTo(localRoots);
      assertThat(count(service, "agenttrace_spans_error_total")).isEqualTo(failed);
    }
    assertThat(count(SupportApp.SUPPORT_SERVICE, "agenttrace_spans_error_total")).isEqualTo(1);
  }

  @Test
  void everyModelCallIsCountedInTheConventionsBuckets() {
    String series = "gen_ai_client_operation_duration_seconds";
    for (String service : scrapes.keySet()) {
      long modelCalls =
          spansOf(service).stream()
              .filter(span -> span.name().equals("chat scripted-model"))
              .count();

      assertThat(count(service, series + "_count{" + CHAT + "}")).isEqualTo(modelCalls);
      assertThat(count(service, series + "_bucket{" + CHAT + ",le=\"+Inf\"}"))
          .isEqualTo(modelCalls);
      List<Long> cumulative = new ArrayList<>();
      for (double boundary : GenAiConventions.OPERATION_DURATION_BUCKETS) {
        cumulative.add(count(service, series + "_bucket{" + CHAT + ",le=\"" + boundary + "\"}"));
      }
      assertThat(cumulative).isSorted().hasSize(14);
      assertThat(cumulative.get(cumulative.size() - 1)).isLessThanOrEqualTo(modelCalls);
    }
    assertThat(count(SupportApp.SUPPORT_SERVICE, series + "_count{" + CHAT + "}")).isEqualTo(4);
    assertThat(count(SupportApp.BILLING_SERVICE, series + "_count{" + CHAT + "}")).isEqualTo(1);
  }

  @Test
  void tokenUsageSumsTheTokensOfTheModelCallSpans() {
    String series = "gen_ai_client_token_usage";
    for (String service : scrapes.keySet()) {
      assertThat(count(service, series + "_sum{" + CHAT + ",gen_ai_token_type=\"input\"}"))
          .isEqualTo(tokens(service, SemanticAttributes.GEN_AI_USAGE_INPUT_TOKENS))
          .isPositive();
      assertThat(count(service, series + "_sum{" + CHAT + ",gen_ai_token_type=\"output\"}"))
          .isEqualTo(tokens(service, SemanticAttributes.GEN_AI_USAGE_OUTPUT_TOKENS))
          .isPositive();
    }
  }

  @Test
  void agentsAndToolsHaveTheirDurationsAndTheFailedLookupItsErrorType() {
    String agents = "gen_ai_invoke_agent_duration_seconds_count";
    String tools = "gen_ai_execute_tool_duration_seconds_count";
    String support = SupportApp.SUPPORT_SERVICE;
    String billing = SupportApp.BILLING_SERVICE;

    assertThat(count(support, agents + "{gen_ai_agent_name=\"orchestrator\"}")).isEqualTo(2);
    assertThat(count(billing, agents + "{gen_ai_agent_name=\"billing\"}")).isEqualTo(1);
    assertThat(
            count(
                support,
                tools
                    + "{gen_ai_tool_name=\"lookup_order\",gen_ai_tool_type=\"function\","
                    + "error_type=\"dev.agenttrace.example.OrderNotFoundException\"}"))
        .isEqualTo(1);
    assertThat(
            count(
                billing,
                tools + "{gen_ai_tool_name=\"lookup_order\",gen_ai_tool_type=\"function\"}"))
        .isEqualTo(1);
    assertThat(
            count(
                billing,
                tools + "{gen_ai_tool_name=\"update_order\",gen_ai_tool_type=\"function\"}"))
        .isEqualTo(1);
    assertThat(
            count(
                support,
                "agenttrace_metric_overflow_recordings_total"
                    + "{metric=\"gen_ai.client.operation.duration\"}"))
        .isZero();
  }
}

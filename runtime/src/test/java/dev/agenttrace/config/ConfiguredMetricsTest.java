package dev.agenttrace.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.agenttrace.metrics.GenAiConventions;
import dev.agenttrace.metrics.OperationKey;
import dev.agenttrace.metrics.PrometheusEndpoint;
import dev.agenttrace.metrics.TracingMetrics;
import dev.agenttrace.proxy.SpanTemplates;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The metrics that configured tracing records and serves, with no code beyond the setup. */
class ConfiguredMetricsTest {
  private static ConfiguredTracing tracing(Map<String, String> env) {
    return TracingConfig.builder()
        .shutdownHook(false)
        .exporters("memory")
        .read(ConfigProperties.of(Map.of(), env))
        .build();
  }

  private static void modelCall(ConfiguredTracing tracing) {
    tracing.tracer().startSpan(SpanTemplates.llmCall("gpt-4o", "openai", "")).end();
  }

  private static String scrape(URI uri) throws IOException, InterruptedException {
    return HttpClient.newHttpClient()
        .send(HttpRequest.newBuilder(uri).build(), HttpResponse.BodyHandlers.ofString())
        .body();
  }

  @Test
  void theGenAiMetricsAreRecordedWithNothingConfigured() {
    try (ConfiguredTracing tracing = tracing(Map.of())) {
      modelCall(tracing);

      assertThat(tracing.metrics().histogram(GenAiConventions.CLIENT_OPERATION_DURATION))
          .hasValueSatisfying(metric -> assertThat(metric.count()).isEqualTo(1));
      assertThat(tracing.tracingMetrics().operations()).isEmpty();
      assertThat(tracing.prometheusEndpoint()).isEmpty();
    }
  }

  @Test
  void theEnvironmentServesTheMetricsOnALoopbackPortUntilShutdown() throws Exception {
    URI uri;
    try (ConfiguredTracing tracing =
        tracing(
            Map.of(
                "AGENTTRACE_METRICS_PROMETHEUS_ADDRESS", "127.0.0.1:0",
                "AGENTTRACE_METRICS_LATENCY", "true"))) {
      modelCall(tracing);
      uri = tracing.prometheusEndpoint().map(PrometheusEndpoint::uri).orElseThrow();

      assertThat(scrape(uri))
          .contains("gen_ai_client_operation_duration_seconds_count{")
          .contains(
              "agenttrace_operation_latency_seconds_count{dimension=\"gen_ai.request.model\"");
      assertThat(tracing.tracingMetrics().operations()).contains(OperationKey.model("gpt-4o"));
    }
    URI closed = uri;
    assertThatThrownBy(() -> scrape(closed)).isInstanceOf(IOException.class);
  }

  @Test
  void tracingsBuiltWithOneSharedModelCountTogether() {
    TracingMetrics shared = TracingMetrics.create();
    TracingConfig.Builder config =
        TracingConfig.builder().shutdownHook(false).exporters("none").metrics(shared);
    try (ConfiguredTracing first = config.serviceName("support").build();
        ConfiguredTracing second = config.serviceName("billing").build()) {
      modelCall(first);
      modelCall(second);

      assertThat(first.tracingMetrics()).isSameAs(shared).isSameAs(second.tracingMetrics());
      assertThat(shared.snapshot().spansEnded()).isEqualTo(2);
    }
  }

  @Test
  void aMalformedPrometheusAddressNamesTheSettingAndWhatItMustBe() {
    assertThatThrownBy(
            () -> tracing(Map.of("AGENTTRACE_METRICS_PROMETHEUS_ADDRESS", "localhost:metrics")))
        .isInstanceOf(ConfigurationException.class)
        .hasMessage(
            "agenttrace.metrics.prometheus.address (or AGENTTRACE_METRICS_PROMETHEUS_ADDRESS) is"
                + " 'localhost:metrics', but must be host:port (such as 127.0.0.1:9464) or a port"
                + " for the loopback address");
  }
}

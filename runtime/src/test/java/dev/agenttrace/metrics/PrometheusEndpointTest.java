package dev.agenttrace.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.agenttrace.proxy.SpanTemplates;
import dev.agenttrace.sdk.TracerSdk;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The endpoint on a real loopback socket, scraped with the JDK's HTTP client. */
class PrometheusEndpointTest {
  private final TracingMetrics metrics = TracingMetrics.create();
  private final PrometheusEndpoint endpoint =
      PrometheusEndpoint.start(metrics, new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
  private final HttpClient client = HttpClient.newHttpClient();

  @AfterEach
  void stop() {
    endpoint.close();
  }

  private HttpResponse<String> send(String method, URI uri) throws Exception {
    return client.send(
        HttpRequest.newBuilder(uri).method(method, HttpRequest.BodyPublishers.noBody()).build(),
        HttpResponse.BodyHandlers.ofString());
  }

  @Test
  void eachScrapeServesTheMetricsAsTheyAreNow() throws Exception {
    TracerSdk tracer = TracerSdk.builder().addSpanProcessor(metrics).build();
    tracer.startSpan(SpanTemplates.llmCall("gpt-4o", "openai", "")).end();

    HttpResponse<String> first = send("GET", endpoint.uri());
    tracer.startSpan(SpanTemplates.llmCall("gpt-4o", "openai", "")).end();
    HttpResponse<String> second = send("GET", endpoint.uri());

    assertThat(endpoint.uri().toString()).startsWith("http://127.0.0.1:").endsWith("/metrics");
    assertThat(first.statusCode()).isEqualTo(200);
    assertThat(first.headers().firstValue("Content-Type"))
        .hasValue(PrometheusTextFormat.CONTENT_TYPE);
    assertThat(first.body()).contains("agenttrace_spans_ended_total 1\n");
    assertThat(second.body())
        .contains("agenttrace_spans_ended_total 2\n")
        .contains(
            "gen_ai_client_operation_duration_seconds_count{gen_ai_operation_name=\"chat\","
                + "gen_ai_provider_name=\"openai\",gen_ai_request_model=\"gpt-4o\"} 2\n");
  }

  @Test
  void headAnswersWithoutABodyOtherMethodsAndPathsAreRefused() throws Exception {
    HttpResponse<String> head = send("HEAD", endpoint.uri());
    HttpResponse<String> post = send("POST", endpoint.uri());
    HttpResponse<String> elsewhere = send("GET", endpoint.uri().resolve("/admin"));

    assertThat(head.statusCode()).isEqualTo(200);
    assertThat(head.body()).isEmpty();
    assertThat(post.statusCode()).isEqualTo(405);
    assertThat(post.headers().firstValue("Allow")).hasValue("GET, HEAD");
    assertThat(elsewhere.statusCode()).isEqualTo(404);
  }

  @Test
  void anAddressInUseFailsWithTheAddress() {
    InetSocketAddress taken = endpoint.address();

    assertThatThrownBy(() -> PrometheusEndpoint.start(metrics, taken))
        .isInstanceOf(UncheckedIOException.class)
        .hasMessageContaining("Cannot serve metrics on")
        .hasCauseInstanceOf(IOException.class);
  }
}

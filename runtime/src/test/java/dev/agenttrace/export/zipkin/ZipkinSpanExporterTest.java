package dev.agenttrace.export.zipkin;

import static org.assertj.core.api.Assertions.assertThat;

import dev.agenttrace.Attributes;
import dev.agenttrace.SemanticAttributes;
import dev.agenttrace.Span;
import dev.agenttrace.SpanKind;
import dev.agenttrace.internal.json.Json;
import dev.agenttrace.processing.InMemorySpanCollector;
import dev.agenttrace.sdk.TracerSdk;
import dev.agenttrace.spi.ExportResult;
import dev.agenttrace.spi.SpanData;
import dev.agenttrace.testing.LoopbackServer;
import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class ZipkinSpanExporterTest {
  private final LoopbackServer server;

  ZipkinSpanExporterTest() throws IOException {
    server = LoopbackServer.start();
  }

  @AfterEach
  void stop() {
    server.close();
  }

  private ZipkinSpanExporter exporter(int retries) {
    return ZipkinSpanExporter.builder()
        .endpoint(server.uri("/api/v2/spans"))
        .timeout(Duration.ofSeconds(2))
        .maxRetries(retries)
        .backoff(Duration.ofMillis(10), Duration.ofMillis(20))
        .build();
  }

  private static List<SpanData> parentAndFailingChild() {
    InMemorySpanCollector collector = new InMemorySpanCollector();
    TracerSdk tracer =
        TracerSdk.builder().serviceName("support-desk").addSpanProcessor(collector).build();
    Span parent =
        tracer.spanBuilder("invoke_agent support").setSpanKind(SpanKind.SERVER).startSpan();
    Span child =
        tracer
            .spanBuilder("execute_tool lookup_order")
            .setParent(dev.agenttrace.Context.root().with(parent))
            .setAttribute(SemanticAttributes.GEN_AI_TOOL_NAME, "lookup_order")
            .setAttribute(dev.agenttrace.AttributeKey.longKey("order.items"), 3L)
            .startSpan();
    child.recordError(new IllegalStateException("no such order"));
    child.end();
    parent.end();
    return collector.finishedSpans();
  }

  @Test
  void postsSpansAsGzippedZipkinV2Json() {
    List<SpanData> spans = parentAndFailingChild();

    ExportResult result = exporter(0).export(spans);

    assertThat(result.isSuccess()).isTrue();
    LoopbackServer.Request request = server.accepted().get(0);
    assertThat(request.contentEncoding()).isEqualTo("gzip");
    assertThat(request.contentType()).isEqualTo("application/json");
    @SuppressWarnings("unchecked")
    List<Map<String, Object>> json = (List<Map<String, Object>>) Json.parse(request.body());
    SpanData child = spans.get(0);
    SpanData parent = spans.get(1);
    Map<String, Object> zipkinChild = json.get(0);
    assertThat(zipkinChild)
        .containsEntry("traceId", child.traceId())
        .containsEntry("id", child.spanId())
        .containsEntry("parentId", parent.spanId())
        .containsEntry("name", "execute_tool lookup_order")
        .containsEntry("timestamp", child.startEpochNanos() / 1000)
        .containsEntry("localEndpoint", Map.of("serviceName", "support-desk"))
        .doesNotContainKey("kind");
    @SuppressWarnings("unchecked")
    Map<String, Object> tags = (Map<String, Object>) zipkinChild.get("tags");
    assertThat(tags)
        .containsEntry("gen_ai.tool.name", "lookup_order")
        .containsEntry("order.items", "3")
        .containsEntry("otel.status_code", "ERROR")
        .containsEntry("error", "java.lang.IllegalStateException: no such order");
    assertThat(zipkinChild.get("annotations").toString()).contains("\"exception\":{");
    assertThat(json.get(1)).containsEntry("kind", "SERVER").doesNotContainKey("parentId");
  }

  @Test
  void serverErrorsAreRetriedUntilTheServerAccepts() {
    server.failFirst(2, 503);

    ExportResult result = exporter(3).export(parentAndFailingChild());

    assertThat(result.isSuccess()).isTrue();
    assertThat(server.attempts()).isEqualTo(3);
    assertThat(server.accepted()).hasSize(1);
  }

  @Test
  void clientErrorsAreNotRetried() {
    server.answer(400);

    ExportResult result = exporter(3).export(parentAndFailingChild());

    assertThat(result.isSuccess()).isFalse();
    assertThat(result.reason()).contains("400").contains("not retried");
    assertThat(server.attempts()).isEqualTo(1);
  }

  @Test
  void anUnreachableServerFailsAfterTheRetries() throws IOException {
    int closedPort;
    try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
      closedPort = socket.getLocalPort();
    }
    ZipkinSpanExporter exporter =
        ZipkinSpanExporter.builder()
            .endpoint("http://127.0.0.1:" + closedPort + "/api/v2/spans")
            .maxRetries(2)
            .backoff(Duration.ofMillis(5), Duration.ofMillis(10))
            .build();

    ExportResult result = exporter.export(parentAndFailingChild());

    assertThat(result.isSuccess()).isFalse();
    assertThat(result.reason()).contains("could not reach").contains("after 3 attempts");
  }

  @Test
  void uncompressedBodiesWhenGzipIsOff() {
    ZipkinSpanExporter exporter =
        ZipkinSpanExporter.builder().endpoint(server.uri("/api/v2/spans")).gzip(false).build();

    exporter.export(List.of(dev.agenttrace.testing.TestSpans.span("plain", Attributes.empty())));

    assertThat(server.accepted().get(0).contentEncoding()).isNull();
    assertThat(server.accepted().get(0).body()).startsWith("[{\"traceId\"");
  }
}

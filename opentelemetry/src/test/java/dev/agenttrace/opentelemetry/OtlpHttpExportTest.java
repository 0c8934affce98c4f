package dev.agenttrace.opentelemetry;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import dev.agenttrace.AttributeKey;
import dev.agenttrace.Scope;
import dev.agenttrace.Span;
import dev.agenttrace.config.ConfigProperties;
import dev.agenttrace.config.ConfiguredTracing;
import dev.agenttrace.config.TracingConfig;
import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceRequest;
import io.opentelemetry.proto.common.v1.KeyValue;
import io.opentelemetry.proto.trace.v1.ResourceSpans;
import io.opentelemetry.proto.trace.v1.ScopeSpans;
import io.opentelemetry.proto.trace.v1.Status;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Spans go through OpenTelemetry's real OTLP/HTTP exporter to a loopback receiver that decodes the
 * protobuf with the official OTLP classes, as a Collector would.
 */
class OtlpHttpExportTest {
  private final List<ExportTraceServiceRequest> received = new ArrayList<>();
  private final HttpServer receiver;

  OtlpHttpExportTest() throws IOException {
    receiver = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    receiver.createContext(
        "/v1/traces",
        exchange -> {
          try (exchange) {
            InputStream body = exchange.getRequestBody();
            if ("gzip".equals(exchange.getRequestHeaders().getFirst("Content-Encoding"))) {
              body = new GZIPInputStream(body);
            }
            ExportTraceServiceRequest request = ExportTraceServiceRequest.parseFrom(body);
            synchronized (received) {
              received.add(request);
            }
            byte[] answer = new byte[0]; // an empty ExportTraceServiceResponse
            exchange.getResponseHeaders().add("Content-Type", "application/x-protobuf");
            exchange.sendResponseHeaders(200, -1);
            exchange.getResponseBody().write(answer);
          }
        });
    receiver.start();
  }

  @AfterEach
  void stop() {
    receiver.stop(0);
  }

  @Test
  void otlpChosenByConfigurationDeliversTheTraceAsProtobuf() {
    String endpoint = "http://127.0.0.1:" + receiver.getAddress().getPort();
    ConfiguredTracing tracing =
        TracingConfig.builder()
            .shutdownHook(false)
            .read(
                ConfigProperties.of(
                    Map.of(),
                    Map.of(
                        "OTEL_SERVICE_NAME", "support-desk",
                        "OTEL_TRACES_EXPORTER", "otlp",
                        "OTEL_EXPORTER_OTLP_ENDPOINT", endpoint,
                        "OTEL_EXPORTER_OTLP_COMPRESSION", "gzip")))
            .build();

    Span agent = tracing.tracer().spanBuilder("invoke_agent support").startSpan();
    try (Scope scope = agent.makeCurrent()) {
      Span tool = tracing.tracer().spanBuilder("execute_tool lookup_order").startSpan();
      tool.setAttribute(AttributeKey.longKey("order.items"), 3L);
      tool.recordError(new IllegalStateException("no such order"));
      tool.end();
    } finally {
      agent.end();
    }
    boolean done = tracing.shutdown(Duration.ofSeconds(20));

    assertThat(done).isTrue();
    assertThat(tracing.metrics().spansExported()).isEqualTo(2);
    ResourceSpans resourceSpans = received.get(0).getResourceSpans(0);
    assertThat(resourceSpans.getResource().getAttributesList())
        .extracting(KeyValue::getKey, kv -> kv.getValue().getStringValue())
        .contains(org.assertj.core.groups.Tuple.tuple("service.name", "support-desk"));
    ScopeSpans scopeSpans = resourceSpans.getScopeSpans(0);
    assertThat(scopeSpans.getScope().getName()).isEqualTo("dev.agenttrace");
    var spans = scopeSpans.getSpansList();
    assertThat(spans)
        .extracting(s -> s.getName())
        .containsExactly("execute_tool lookup_order", "invoke_agent support");
    var tool = spans.get(0);
    var root = spans.get(1);
    assertThat(tool.getTraceId()).isEqualTo(root.getTraceId());
    assertThat(tool.getParentSpanId()).isEqualTo(root.getSpanId());
    assertThat(root.getParentSpanId().isEmpty()).isTrue();
    assertThat(HexFormat.of().formatHex(root.getTraceId().toByteArray()))
        .isEqualTo(agent.spanContext().traceId());
    assertThat(tool.getStatus().getCode()).isEqualTo(Status.StatusCode.STATUS_CODE_ERROR);
    assertThat(tool.getAttributesList())
        .filteredOn(kv -> kv.getKey().equals("order.items"))
        .singleElement()
        .satisfies(kv -> assertThat(kv.getValue().getIntValue()).isEqualTo(3));
    assertThat(tool.getEventsList()).extracting(e -> e.getName()).containsExactly("exception");
  }
}

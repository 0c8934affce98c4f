package dev.agenttrace.opentelemetry;

import static org.assertj.core.api.Assertions.assertThat;

import dev.agenttrace.processing.InMemorySpanCollector;
import dev.agenttrace.sdk.TracerSdk;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.SimpleSpanProcessor;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Runs in its own JVM (see the pom): the bridge must be installed before OpenTelemetry is used. */
class OpenTelemetryContextBridgeTest {
  private final InMemorySpanExporter otelSpans = InMemorySpanExporter.create();
  private final Tracer otel =
      SdkTracerProvider.builder()
          .addSpanProcessor(SimpleSpanProcessor.create(otelSpans))
          .build()
          .get("app");
  private final InMemorySpanCollector agentSpans = new InMemorySpanCollector();
  private final TracerSdk agentTrace = TracerSdk.builder().addSpanProcessor(agentSpans).build();

  @BeforeAll
  static void installBridge() {
    assertThat(OpenTelemetryContextBridge.install()).isTrue();
  }

  @Test
  void anAgentTraceSpanStartedInsideAnOpenTelemetrySpanBecomesItsChild() {
    io.opentelemetry.api.trace.Span request = otel.spanBuilder("POST /support").startSpan();
    try (io.opentelemetry.context.Scope scope = request.makeCurrent()) {
      agentTrace.spanBuilder("invoke_agent support").startSpan().end();
    } finally {
      request.end();
    }

    dev.agenttrace.spi.SpanData agent = agentSpans.finishedSpans().get(0);
    assertThat(agent.traceId()).isEqualTo(request.getSpanContext().getTraceId());
    assertThat(agent.parentSpanId()).isEqualTo(request.getSpanContext().getSpanId());
  }

  @Test
  void anOpenTelemetrySpanStartedInsideAnAgentTraceSpanBecomesItsChild() {
    dev.agenttrace.Span agent = agentTrace.spanBuilder("invoke_agent support").startSpan();
    try (dev.agenttrace.Scope scope = agent.makeCurrent()) {
      otel.spanBuilder("GET /orders/ORD-1001").startSpan().end();
    } finally {
      agent.end();
    }

    SpanData http = otelSpans.getFinishedSpanItems().get(0);
    assertThat(http.getTraceId()).isEqualTo(agent.spanContext().traceId());
    assertThat(http.getParentSpanId()).isEqualTo(agent.spanContext().spanId());
  }

  @Test
  void nestingAcrossBothApisYieldsOneTraceWithEachParentRight() {
    io.opentelemetry.api.trace.Span request = otel.spanBuilder("POST /support").startSpan();
    try (io.opentelemetry.context.Scope s1 = request.makeCurrent()) {
      dev.agenttrace.Span agent = agentTrace.spanBuilder("invoke_agent support").startSpan();
      try (dev.agenttrace.Scope s2 = agent.makeCurrent()) {
        io.opentelemetry.api.trace.Span db = otel.spanBuilder("SELECT orders").startSpan();
        try (io.opentelemetry.context.Scope s3 = db.makeCurrent()) {
          agentTrace.spanBuilder("execute_tool lookup_order").startSpan().end();
        } finally {
          db.end();
        }
      } finally {
        agent.end();
      }
    } finally {
      request.end();
    }

    List<SpanData> otelDone = otelSpans.getFinishedSpanItems();
    SpanData db = otelDone.get(0);
    SpanData request2 = otelDone.get(1);
    dev.agenttrace.spi.SpanData tool = agentSpans.finishedSpans().get(0);
    dev.agenttrace.spi.SpanData agent = agentSpans.finishedSpans().get(1);
    assertThat(agent.parentSpanId()).isEqualTo(request2.getSpanId());
    assertThat(db.getParentSpanId()).isEqualTo(agent.spanId());
    assertThat(tool.parentSpanId()).isEqualTo(db.getSpanId());
    assertThat(List.of(tool.traceId(), agent.traceId(), db.getTraceId()))
        .containsOnly(request2.getTraceId());
  }

  @Test
  void afterAllScopesCloseNeitherSideHasACurrentSpan() {
    io.opentelemetry.api.trace.Span request = otel.spanBuilder("POST /support").startSpan();
    dev.agenttrace.Span agent;
    try (io.opentelemetry.context.Scope s1 = request.makeCurrent()) {
      agent = agentTrace.spanBuilder("invoke_agent support").startSpan();
      try (dev.agenttrace.Scope s2 = agent.makeCurrent()) {
        assertThat(io.opentelemetry.api.trace.Span.current().getSpanContext().getSpanId())
            .isEqualTo(agent.spanContext().spanId());
      }
      assertThat(dev.agenttrace.Span.current().spanContext().spanId())
          .isEqualTo(request.getSpanContext().getSpanId());
      assertThat(io.opentelemetry.api.trace.Span.current()).isSameAs(request);
    }
    agent.end();
    request.end();

    assertThat(io.opentelemetry.api.trace.Span.current().getSpanContext().isValid()).isFalse();
    assertThat(dev.agenttrace.Span.current().spanContext().isValid()).isFalse();
  }

  @Test
  void reattachingTheCurrentOpenTelemetryContextKeepsTheAgentTraceSpanRecording() {
    dev.agenttrace.Span agent = agentTrace.spanBuilder("invoke_agent support").startSpan();
    try (dev.agenttrace.Scope s1 = agent.makeCurrent();
        io.opentelemetry.context.Scope s2 =
            io.opentelemetry.context.Context.current().makeCurrent()) {
      dev.agenttrace.Span.current().setAttribute("order.id", "ORD-1001");
    } finally {
      agent.end();
    }

    assertThat(dev.agenttrace.Span.current().spanContext().isValid()).isFalse();
    assertThat(agentSpans.finishedSpans().get(0).attributes().get("order.id"))
        .isEqualTo("ORD-1001");
  }
}

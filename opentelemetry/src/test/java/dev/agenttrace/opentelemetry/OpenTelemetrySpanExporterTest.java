package dev.agenttrace.opentelemetry;

import static org.assertj.core.api.Assertions.assertThat;

import dev.agenttrace.AttributeKey;
import dev.agenttrace.Attributes;
import dev.agenttrace.Context;
import dev.agenttrace.Span;
import dev.agenttrace.SpanContext;
import dev.agenttrace.SpanKind;
import dev.agenttrace.StatusCode;
import dev.agenttrace.TraceState;
import dev.agenttrace.processing.BatchSpanProcessor;
import dev.agenttrace.sdk.TracerSdk;
import dev.agenttrace.spi.ExportResult;
import dev.agenttrace.spi.Resource;
import io.opentelemetry.api.trace.TraceFlags;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.data.EventData;
import io.opentelemetry.sdk.trace.data.SpanData;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class OpenTelemetrySpanExporterTest {
  private final InMemorySpanExporter memory = InMemorySpanExporter.create();

  private List<SpanData> runAgent() {
    TracerSdk tracer =
        TracerSdk.builder()
            .resource(
                Resource.create(
                    Attributes.builder()
                        .put("service.name", "support-desk")
                        .put("deployment.environment", "test")
                        .build()))
            .addSpanProcessor(
                BatchSpanProcessor.builder(OpenTelemetrySpanExporter.create(memory)).build())
            .build();
    SpanContext remoteParent =
        SpanContext.createFromRemoteParent(
            0x0af7651916cd43ddL,
            0x8448eb211c80319cL,
            0xb7ad6b7169203331L,
            SpanContext.FLAG_SAMPLED,
            TraceState.of(List.of(Map.entry("vendor", "abc"), Map.entry("other", "x"))));
    SpanContext linked =
        SpanContext.create(1L, 2L, 3L, SpanContext.FLAG_SAMPLED, TraceState.empty());
    Span agent =
        tracer
            .spanBuilder("invoke_agent support")
            .setParent(Context.root().with(Span.wrap(remoteParent)))
            .setSpanKind(SpanKind.SERVER)
            .addLink(linked, Attributes.builder().put("link.reason", "batch").build())
            .startSpan();
    Span tool =
        tracer
            .spanBuilder("execute_tool lookup_order")
            .setParent(Context.root().with(agent))
            .setSpanKind(SpanKind.CLIENT)
            .setAttribute(AttributeKey.stringKey("gen_ai.tool.name"), "lookup_order")
            .setAttribute(AttributeKey.longKey("order.items"), 3L)
            .setAttribute(AttributeKey.doubleKey("order.total"), 129.5)
            .setAttribute(AttributeKey.booleanKey("order.refundable"), true)
            .setAttribute(AttributeKey.stringArrayKey("order.tags"), List.of("express", "gift"))
            .startSpan();
    tool.recordError(new IllegalStateException("no such order"));
    tool.end();
    agent.setStatus(StatusCode.OK);
    agent.end();
    tracer.forceFlush(Duration.ofSeconds(10));
    List<SpanData> exported = memory.getFinishedSpanItems();
    tracer.shutdown(Duration.ofSeconds(10)); // shutting InMemorySpanExporter down clears it
    return exported;
  }

  @Test
  void spansArriveWithIdsParentsKindsAndTypedAttributes() {
    List<SpanData> spans = runAgent();

    assertThat(spans)
        .extracting(SpanData::getName)
        .containsExactly("execute_tool lookup_order", "invoke_agent support");
    SpanData tool = spans.get(0);
    SpanData agent = spans.get(1);
    assertThat(tool.getTraceId()).isEqualTo("0af7651916cd43dd8448eb211c80319c");
    assertThat(tool.getParentSpanId()).isEqualTo(agent.getSpanId());
    assertThat(tool.getKind()).isEqualTo(io.opentelemetry.api.trace.SpanKind.CLIENT);
    assertThat(tool.getSpanContext().getTraceFlags()).isEqualTo(TraceFlags.getSampled());
    assertThat(tool.getAttributes().asMap())
        .containsEntry(
            io.opentelemetry.api.common.AttributeKey.stringKey("gen_ai.tool.name"), "lookup_order")
        .containsEntry(io.opentelemetry.api.common.AttributeKey.longKey("order.items"), 3L)
        .containsEntry(io.opentelemetry.api.common.AttributeKey.doubleKey("order.total"), 129.5)
        .containsEntry(
            io.opentelemetry.api.common.AttributeKey.booleanKey("order.refundable"), true)
        .containsEntry(
            io.opentelemetry.api.common.AttributeKey.stringArrayKey("order.tags"),
            List.of("express", "gift"));
    assertThat(agent.getParentSpanContext().isRemote()).isTrue();
    assertThat(agent.getParentSpanId()).isEqualTo("b7ad6b7169203331");
    assertThat(agent.getSpanContext().getTraceState().get("vendor")).isEqualTo("abc");
    assertThat(agent.getSpanContext().getTraceState().asMap().keySet())
        .containsExactly("vendor", "other");
    assertThat(agent.getKind()).isEqualTo(io.opentelemetry.api.trace.SpanKind.SERVER);
    assertThat(agent.getEndEpochNanos() - agent.getStartEpochNanos()).isPositive();
  }

  @Test
  void statusEventsLinksResourceAndScopeAreCarriedOver() {
    List<SpanData> spans = runAgent();
    SpanData tool = spans.get(0);
    SpanData agent = spans.get(1);

    assertThat(tool.getStatus().getStatusCode())
        .isEqualTo(io.opentelemetry.api.trace.StatusCode.ERROR);
    assertThat(tool.getStatus().getDescription())
        .isEqualTo("java.lang.IllegalStateException: no such order");
    EventData exception = tool.getEvents().get(0);
    assertThat(exception.getName()).isEqualTo("exception");
    assertThat(
            exception
                .getAttributes()
                .get(io.opentelemetry.api.common.AttributeKey.stringKey("exception.message")))
        .isEqualTo("no such order");
    assertThat(agent.getStatus().getStatusCode())
        .isEqualTo(io.opentelemetry.api.trace.StatusCode.OK);
    assertThat(agent.getLinks())
        .singleElement()
        .satisfies(
            link -> {
              assertThat(link.getSpanContext().getSpanId()).isEqualTo("0000000000000003");
              assertThat(
                      link.getAttributes()
                          .get(io.opentelemetry.api.common.AttributeKey.stringKey("link.reason")))
                  .isEqualTo("batch");
            });
    assertThat(
            agent
                .getResource()
                .getAttribute(io.opentelemetry.api.common.AttributeKey.stringKey("service.name")))
        .isEqualTo("support-desk");
    assertThat(
            agent
                .getResource()
                .getAttribute(
                    io.opentelemetry.api.common.AttributeKey.stringKey("deployment.environment")))
        .isEqualTo("test");
    assertThat(agent.getInstrumentationScopeInfo().getName()).isEqualTo("dev.agenttrace");
  }

  @Test
  void aFailingOpenTelemetryExporterIsReportedAsAFailedExport() {
    OpenTelemetrySpanExporter exporter = OpenTelemetrySpanExporter.create(memory);
    memory.shutdown();

    ExportResult result =
        exporter.export(List.of(dev.agenttrace.spi.ImmutableSpanData.copyOf(endedSpan())));

    assertThat(result.isSuccess()).isFalse();
  }

  private static dev.agenttrace.spi.SpanData endedSpan() {
    dev.agenttrace.processing.InMemorySpanCollector collector =
        new dev.agenttrace.processing.InMemorySpanCollector();
    TracerSdk.builder().addSpanProcessor(collector).build().spanBuilder("x").startSpan().end();
    return collector.finishedSpans().get(0);
  }
}

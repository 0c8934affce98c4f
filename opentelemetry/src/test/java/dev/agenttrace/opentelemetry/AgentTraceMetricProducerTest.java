package dev.agenttrace.opentelemetry;

import static org.assertj.core.api.Assertions.assertThat;

import dev.agenttrace.Context;
import dev.agenttrace.Scope;
import dev.agenttrace.SemanticAttributes;
import dev.agenttrace.Span;
import dev.agenttrace.metrics.GenAiConventions;
import dev.agenttrace.metrics.TracingMetrics;
import dev.agenttrace.proxy.SpanTemplates;
import dev.agenttrace.sdk.TracerSdk;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.sdk.metrics.SdkMeterProvider;
import io.opentelemetry.sdk.metrics.data.AggregationTemporality;
import io.opentelemetry.sdk.metrics.data.HistogramPointData;
import io.opentelemetry.sdk.metrics.data.LongPointData;
import io.opentelemetry.sdk.metrics.data.MetricData;
import io.opentelemetry.sdk.metrics.data.MetricDataType;
import io.opentelemetry.sdk.resources.Resource;
import io.opentelemetry.sdk.testing.exporter.InMemoryMetricReader;
import java.util.Collection;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** AgentTrace's metrics through the real OpenTelemetry SDK, read by its in-memory reader. */
class AgentTraceMetricProducerTest {
  private final TracingMetrics metrics = TracingMetrics.create();
  private final TracerSdk tracer = TracerSdk.builder().addSpanProcessor(metrics).build();
  private final InMemoryMetricReader reader = InMemoryMetricReader.create();
  private final SdkMeterProvider meters =
      SdkMeterProvider.builder()
          .setResource(Resource.getDefault().toBuilder().put("service.name", "support").build())
          .registerMetricReader(reader)
          .registerMetricProducer(AgentTraceMetricProducer.create(metrics))
          .build();

  @AfterEach
  void close() {
    meters.close();
  }

  /** An agent run: two model calls with tokens (one fails), then a tool call. */
  private void agentRun() {
    Span agent = tracer.startSpan(SpanTemplates.agentRun("support", "", ""));
    try (Scope scope = Context.root().with(agent).makeCurrent()) {
      for (int i = 0; i < 2; i++) {
        Span chat = tracer.startSpan(SpanTemplates.llmCall("gpt-4o", "openai", ""));
        chat.setAttribute(SemanticAttributes.GEN_AI_USAGE_INPUT_TOKENS, 100L);
        chat.setAttribute(SemanticAttributes.GEN_AI_USAGE_OUTPUT_TOKENS, 20L);
        if (i == 1) {
          chat.recordError(new IllegalStateException("rate limited"));
        }
        chat.end();
      }
      tracer.startSpan(SpanTemplates.tool("lookup_order", "", "")).end();
    }
    agent.end();
  }

  private MetricData metric(Collection<MetricData> all, String name) {
    return all.stream().filter(m -> m.getName().equals(name)).findFirst().orElseThrow();
  }

  @Test
  void theGenAiHistogramsArriveWithTheConventionsNamesUnitsAttributesAndBuckets() {
    agentRun();

    Collection<MetricData> collected = reader.collectAllMetrics();

    MetricData duration = metric(collected, "gen_ai.client.operation.duration");
    assertThat(duration.getType()).isEqualTo(MetricDataType.HISTOGRAM);
    assertThat(duration.getUnit()).isEqualTo("s");
    assertThat(duration.getInstrumentationScopeInfo().getName())
        .isEqualTo(AgentTraceMetricProducer.GEN_AI_SCOPE);
    assertThat(duration.getInstrumentationScopeInfo().getSchemaUrl())
        .isEqualTo("https://opentelemetry.io/schemas/gen-ai-dev/1.42.0-dev");
    assertThat(duration.getResource().getAttribute(AttributeKey.stringKey("service.name")))
        .isEqualTo("support");
    assertThat(duration.getHistogramData().getAggregationTemporality())
        .isEqualTo(AggregationTemporality.CUMULATIVE);
    Attributes chat =
        Attributes.builder()
            .put("gen_ai.operation.name", "chat")
            .put("gen_ai.provider.name", "openai")
            .put("gen_ai.request.model", "gpt-4o")
            .build();
    assertThat(duration.getHistogramData().getPoints())
        .extracting(HistogramPointData::getAttributes)
        .containsExactly(
            chat, chat.toBuilder().put("error.type", "java.lang.IllegalStateException").build());
    HistogramPointData ok = duration.getHistogramData().getPoints().iterator().next();
    assertThat(ok.getBoundaries())
        .containsExactly(
            0.01, 0.02, 0.04, 0.08, 0.16, 0.32, 0.64, 1.28, 2.56, 5.12, 10.24, 20.48, 40.96, 81.92);
    assertThat(ok.getCounts()).hasSize(15);
    assertThat(ok.getCount()).isEqualTo(1);
    assertThat(ok.getStartEpochNanos()).isLessThanOrEqualTo(ok.getEpochNanos());

    MetricData tokens = metric(collected, "gen_ai.client.token.usage");
    assertThat(tokens.getUnit()).isEqualTo("{token}");
    assertThat(tokens.getHistogramData().getPoints())
        .extracting(
            point -> point.getAttributes().get(AttributeKey.stringKey("gen_ai.token.type")),
            HistogramPointData::getCount,
            HistogramPointData::getSum)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("input", 2L, 200.0),
            org.assertj.core.groups.Tuple.tuple("output", 2L, 40.0));
    assertThat(tokens.getHistogramData().getPoints().iterator().next().getBoundaries())
        .isEqualTo(GenAiConventions.TOKEN_USAGE_BUCKETS);

    MetricData agents = metric(collected, "gen_ai.invoke_agent.duration");
    assertThat(agents.getHistogramData().getPoints())
        .singleElement()
        .satisfies(
            point -> {
              assertThat(point.getAttributes())
                  .isEqualTo(Attributes.of(AttributeKey.stringKey("gen_ai.agent.name"), "support"));
              assertThat(point.getBoundaries())
                  .isEqualTo(GenAiConventions.INVOKE_AGENT_DURATION_BUCKETS);
            });
    MetricData tools = metric(collected, "gen_ai.execute_tool.duration");
    assertThat(tools.getHistogramData().getPoints())
        .singleElement()
        .satisfies(
            point ->
                assertThat(point.getAttributes())
                    .isEqualTo(
                        Attributes.of(AttributeKey.stringKey("gen_ai.tool.name"), "lookup_order")));
  }

  @Test
  void tracingsOwnCountersArriveAsCumulativeSumsAndGauges() {
    agentRun();
    metrics.recordExported(4);

    Collection<MetricData> collected = reader.collectAllMetrics();

    MetricData ended = metric(collected, "agenttrace.spans.ended");
    assertThat(ended.getType()).isEqualTo(MetricDataType.LONG_SUM);
    assertThat(ended.getUnit()).isEqualTo("{span}");
    assertThat(ended.getLongSumData().isMonotonic()).isTrue();
    assertThat(ended.getLongSumData().getPoints())
        .extracting(LongPointData::getValue)
        .containsExactly(4L);
    assertThat(
            metric(collected, "agenttrace.export.spans").getLongSumData().getPoints().stream()
                .filter(
                    point ->
                        "success"
                            .equals(point.getAttributes().get(AttributeKey.stringKey("outcome")))))
        .singleElement()
        .extracting(LongPointData::getValue)
        .isEqualTo(4L);
    assertThat(metric(collected, "agenttrace.spans.active").getType())
        .isEqualTo(MetricDataType.LONG_GAUGE);
    assertThat(collected)
        .extracting(MetricData::getName)
        .containsAll(
            List.of(
                "agenttrace.traces",
                "agenttrace.spans.started",
                "agenttrace.spans.error",
                "agenttrace.export.batches",
                "agenttrace.export.queue.size",
                "agenttrace.metric.overflow.recordings"));
  }

  @Test
  void theOverflowSeriesKeepsOpenTelemetrysAttribute() {
    TracingMetrics capped = TracingMetrics.builder().maxSeriesPerMetric(2).build();
    TracerSdk cappedTracer = TracerSdk.builder().addSpanProcessor(capped).build();
    InMemoryMetricReader cappedReader = InMemoryMetricReader.create();
    try (SdkMeterProvider provider =
        SdkMeterProvider.builder()
            .registerMetricReader(cappedReader)
            .registerMetricProducer(AgentTraceMetricProducer.create(capped))
            .build()) {
      cappedTracer.startSpan(SpanTemplates.tool("first", "", "")).end();
      cappedTracer.startSpan(SpanTemplates.tool("second", "", "")).end();

      MetricData tools = metric(cappedReader.collectAllMetrics(), "gen_ai.execute_tool.duration");

      assertThat(tools.getHistogramData().getPoints())
          .extracting(HistogramPointData::getAttributes)
          .containsExactly(
              Attributes.of(AttributeKey.stringKey("gen_ai.tool.name"), "first"),
              Attributes.of(AttributeKey.booleanKey("otel.metric.overflow"), true));
    }
  }
}

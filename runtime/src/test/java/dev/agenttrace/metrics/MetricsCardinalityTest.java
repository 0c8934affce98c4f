package dev.agenttrace.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import dev.agenttrace.AttributeKey;
import dev.agenttrace.Attributes;
import dev.agenttrace.SemanticAttributes;
import dev.agenttrace.proxy.SpanTemplates;
import dev.agenttrace.sdk.TracerSdk;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import org.junit.jupiter.api.Test;

/**
 * Hostile names cannot grow the metrics: a cap on attribute sets per metric, an overflow series
 * ({@code otel.metric.overflow=true}) and a counter of what went there.
 */
class MetricsCardinalityTest {
  private static final Attributes OVERFLOW =
      Attributes.of(AttributeKey.booleanKey("otel.metric.overflow"), true);

  @Test
  void attributeSetsBeyondTheCapGoToTheOverflowSeriesAndAreCounted() {
    TracingMetrics metrics =
        TracingMetrics.builder().maxSeriesPerMetric(4).operationLatency(false).build();
    TracerSdk tracer = TracerSdk.builder().addSpanProcessor(metrics).build();

    for (int i = 0; i < 10; i++) {
      tracer.startSpan(SpanTemplates.tool("tool_" + i, "", "")).end();
    }
    tracer.startSpan(SpanTemplates.tool("tool_0", "", "")).end();

    HistogramMetric tools =
        metrics.snapshot().histogram(GenAiConventions.EXECUTE_TOOL_DURATION).orElseThrow();
    assertThat(tools.points())
        .extracting(point -> point.attributes().get(SemanticAttributes.GEN_AI_TOOL_NAME))
        .containsExactly("tool_0", "tool_1", "tool_2", null);
    assertThat(tools.points().get(0).count()).isEqualTo(2);
    assertThat(tools.points().get(3).attributes()).isEqualTo(OVERFLOW);
    assertThat(tools.points().get(3).count()).isEqualTo(7);
    assertThat(tools.count()).isEqualTo(11);
    assertThat(metrics.snapshot().overflowedRecordings())
        .containsEntry(GenAiConventions.EXECUTE_TOOL_DURATION, 7L);
  }

  @Test
  void aTenKilobyteModelNameLandsInTheOverflowSeries() {
    TracingMetrics metrics = TracingMetrics.builder().operationLatency(true).build();
    TracerSdk tracer = TracerSdk.builder().addSpanProcessor(metrics).build();
    String huge = "m".repeat(10 * 1024);

    tracer.startSpan(SpanTemplates.llmCall(huge, "openai", "")).end();
    tracer.startSpan(SpanTemplates.llmCall("gpt-4o", "openai", "")).end();

    MetricsSnapshot snapshot = metrics.snapshot();
    HistogramMetric calls =
        snapshot.histogram(GenAiConventions.CLIENT_OPERATION_DURATION).orElseThrow();
    assertThat(calls.points())
        .extracting(HistogramPoint::attributes)
        .containsExactly(
            Attributes.builder()
                .put(SemanticAttributes.GEN_AI_OPERATION_NAME, "chat")
                .put(SemanticAttributes.GEN_AI_PROVIDER_NAME, "openai")
                .put(SemanticAttributes.GEN_AI_REQUEST_MODEL, "gpt-4o")
                .build(),
            OVERFLOW);
    assertThat(snapshot.overflowedRecordings())
        .containsEntry(GenAiConventions.CLIENT_OPERATION_DURATION, 1L)
        .containsEntry(TracingMetrics.OPERATION_LATENCY, 2L); // its span name and its model
    assertThat(metrics.operations())
        .contains(OperationKey.model(TracingMetrics.OTHER_OPERATION))
        .doesNotContain(OperationKey.model(huge));
  }

  @Test
  void aMillionDistinctToolNamesKeepMemoryBoundedAndAreAllCounted() {
    TracingMetrics metrics = TracingMetrics.builder().operationLatency(true).build();
    TracerSdk tracer = TracerSdk.builder().addSpanProcessor(metrics).build();
    int calls = 1_000_000;
    int first = 100_000;
    for (int i = 0; i < first; i++) {
      tracer.startSpan(SpanTemplates.tool("tool_" + i, "", "")).end();
    }
    long heapAfterFirst = usedHeapAfterGc();

    for (int i = first; i < calls; i++) {
      tracer.startSpan(SpanTemplates.tool("tool_" + i, "", "")).end();
    }
    long heapAfterAll = usedHeapAfterGc();

    // 900,000 more names would take tens of megabytes if anything kept them.
    assertThat(heapAfterAll - heapAfterFirst).isLessThan(8L << 20);
    MetricsSnapshot snapshot = metrics.snapshot();
    HistogramMetric tools =
        snapshot.histogram(GenAiConventions.EXECUTE_TOOL_DURATION).orElseThrow();
    assertThat(tools.points()).hasSize(TracingMetrics.DEFAULT_MAX_SERIES);
    assertThat(tools.count()).isEqualTo(calls);
    assertThat(tools.points().get(tools.points().size() - 1).attributes()).isEqualTo(OVERFLOW);
    assertThat(snapshot.overflowedRecordings())
        .containsEntry(
            GenAiConventions.EXECUTE_TOOL_DURATION,
            (long) calls - (TracingMetrics.DEFAULT_MAX_SERIES - 1));
    assertThat(metrics.operations())
        .hasSizeLessThanOrEqualTo(TracingMetrics.DEFAULT_MAX_OPERATIONS + 3);
  }

  private static long usedHeapAfterGc() {
    MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
    for (int i = 0; i < 3; i++) {
      System.gc();
    }
    return memory.getHeapMemoryUsage().getUsed();
  }
}

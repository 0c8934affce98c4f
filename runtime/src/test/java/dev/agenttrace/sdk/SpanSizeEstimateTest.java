package dev.agenttrace.sdk;

import static org.assertj.core.api.Assertions.assertThat;

import dev.agenttrace.AttributeKey;
import dev.agenttrace.Attributes;
import dev.agenttrace.SemanticAttributes;
import dev.agenttrace.Span;
import dev.agenttrace.SpanTemplate;
import dev.agenttrace.processing.InMemorySpanCollector;
import dev.agenttrace.spi.ApproximateSize;
import dev.agenttrace.spi.ImmutableSpanData;
import dev.agenttrace.spi.SpanData;
import org.junit.jupiter.api.Test;

/**
 * A recording span estimates what it holds by itself, the way a queue bounded in bytes needs: its
 * own strings by length, nothing for what its template shares with every other span.
 */
class SpanSizeEstimateTest {
  private static final AttributeKey<String> RESULT = SemanticAttributes.GEN_AI_TOOL_CALL_RESULT;

  private final InMemorySpanCollector collector = new InMemorySpanCollector();
  private final TracerSdk tracer =
      TracerSdk.builder().serviceName("test").addSpanProcessor(collector).build();

  private SpanData only() {
    return collector.finishedSpans().get(0);
  }

  @Test
  void aSpanWithOneNumericAttributeCountsOnlyItsFixedSize() {
    Span span = tracer.startSpan(SpanTemplate.builder("execute_tool lookup").build());
    span.setAttribute(AttributeKey.longKey("order.id"), 42L);
    span.end();

    assertThat(only().approximateSize()).isEqualTo(ApproximateSize.SPAN);
  }

  @Test
  void stringsSetOnTheSpanCountByLengthButTheTemplatesDoNot() {
    SpanTemplate template =
        SpanTemplate.builder("execute_tool lookup")
            .attribute(AttributeKey.stringKey("tool.description"), "d".repeat(5_000))
            .build();
    Span span = tracer.startSpan(template);
    span.setAttribute(RESULT, "r".repeat(3_000));
    span.end();

    assertThat(only().approximateSize()).isBetween(3_000L, 3_000L + 256);
  }

  @Test
  void attributesGivenToASpanBuilderCountSinceTheyBelongToThatSpanAlone() {
    tracer.spanBuilder("manual").setAttribute(RESULT, "b".repeat(4_000)).startSpan().end();

    assertThat(only().approximateSize()).isBetween(4_000L, 4_000L + 256);
  }

  @Test
  void theStringsOfAnArrayAttributeCountByLength() {
    Span span = tracer.startSpan(SpanTemplate.builder("chat").build());
    span.setAttribute(
        AttributeKey.stringArrayKey("gen_ai.response.finish_reasons"),
        java.util.List.of("a".repeat(1_000), "b".repeat(2_000)));
    span.end();

    assertThat(only().approximateSize()).isBetween(3_000L, 3_000L + 256);
  }

  @Test
  void eventsAndTheErrorDescriptionCountToo() {
    Span span = tracer.startSpan(SpanTemplate.builder("chat").build());
    span.addEvent("gen_ai.choice", Attributes.of(RESULT, "c".repeat(4_000)));
    span.recordError(new IllegalStateException("e".repeat(2_000)));
    span.end();

    assertThat(only().approximateSize()).isGreaterThan(6_000L);
  }

  @Test
  void aRecordingSpanEstimatesAsACopyOfItWould() {
    Span span = tracer.startSpan(SpanTemplate.builder("chat").build());
    span.setAttribute(RESULT, "r".repeat(1_500));
    span.setAttribute(AttributeKey.stringKey("gen_ai.response.id"), "resp-1");
    span.addEvent("gen_ai.choice", Attributes.of(RESULT, "c".repeat(700)));
    span.end();
    SpanData recorded = only();
    SpanData copy =
        new ImmutableSpanData(
            recorded.name(),
            recorded.kind(),
            recorded.spanContext(),
            recorded.parentSpanContext(),
            recorded.startEpochNanos(),
            recorded.endEpochNanos(),
            recorded.durationNanos(),
            Attributes.of(RESULT, "r".repeat(1_500)).toBuilder()
                .put(AttributeKey.stringKey("gen_ai.response.id"), "resp-1")
                .build(),
            recorded.events(),
            recorded.links(),
            recorded.statusCode(),
            recorded.statusDescription(),
            true,
            recorded.resource());

    assertThat(recorded.approximateSize())
        .isBetween(copy.approximateSize() - 128, copy.approximateSize());
  }
}

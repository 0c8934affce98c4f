package dev.agenttrace.sdk;

import static org.assertj.core.api.Assertions.assertThat;

import dev.agenttrace.AttributeKey;
import dev.agenttrace.SemanticAttributes;
import dev.agenttrace.Span;
import dev.agenttrace.SpanTemplate;
import dev.agenttrace.processing.InMemorySpanCollector;
import dev.agenttrace.spi.SpanData;
import dev.agenttrace.spi.SpanEvent;
import org.junit.jupiter.api.Test;

/** String values are cut to 8 KiB on spans and 16 KiB in events, ending with a marker. */
class AttributeLimitsTest {
  private static final SpanTemplate TOOL = SpanTemplate.builder("execute_tool lookup").build();
  private static final AttributeKey<String> RESULT = SemanticAttributes.GEN_AI_TOOL_CALL_RESULT;

  private final InMemorySpanCollector collector = new InMemorySpanCollector();
  private final TracerSdk tracer =
      TracerSdk.builder().serviceName("test").addSpanProcessor(collector).build();

  private SpanData only() {
    return collector.finishedSpans().get(0);
  }

  @Test
  void stringAttributeLongerThan8KiBIsCutAndMarked() {
    Span span = tracer.startSpan(TOOL);
    span.setAttribute(RESULT, "x".repeat(3_000_000));
    span.end();

    String kept = only().attributes().get(RESULT);
    assertThat(kept).hasSize(8192).endsWith("...[truncated]");
    assertThat(kept).startsWith("x".repeat(8192 - "...[truncated]".length()));
  }

  @Test
  void stringAttributeWithinTheLimitIsKeptAsItIs() {
    String result = "y".repeat(8192);
    Span span = tracer.startSpan(TOOL);
    span.setAttribute(RESULT, result);
    span.end();

    assertThat(only().attributes().get(RESULT)).isSameAs(result);
  }

  @Test
  void cutNeverSplitsASurrogatePair() {
    int keep = 8192 - "...[truncated]".length();
    Span span = tracer.startSpan(TOOL);
    span.setAttribute(RESULT, "a".repeat(keep - 1) + "\uD83D\uDE00" + "b".repeat(10_000));
    span.end();

    assertThat(only().attributes().get(RESULT)).isEqualTo("a".repeat(keep - 1) + "...[truncated]");
  }

  @Test
  void attributeSetOnTheSpanBuilderIsCutToo() {
    tracer.spanBuilder("manual").setAttribute(RESULT, "z".repeat(20_000)).startSpan().end();

    assertThat(only().attributes().get(RESULT)).hasSize(8192).endsWith("...[truncated]");
  }

  @Test
  void exceptionWithAHugeMessageKeeps16KiBInItsEventAnd8KiBInTheStatus() {
    Span span = tracer.startSpan(TOOL);
    span.recordError(new IllegalStateException("m".repeat(1_000_000)));
    span.end();

    SpanEvent event = only().events().get(0);
    assertThat(event.attributes().get(SemanticAttributes.EXCEPTION_MESSAGE))
        .hasSize(16384)
        .endsWith("...[truncated]");
    assertThat(event.attributes().get(SemanticAttributes.EXCEPTION_STACKTRACE))
        .hasSize(16384)
        .startsWith("java.lang.IllegalStateException: mmm")
        .endsWith("...[truncated]");
    assertThat(only().statusDescription()).hasSize(8192).endsWith("...[truncated]");
  }
}

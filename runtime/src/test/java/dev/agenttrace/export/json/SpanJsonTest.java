package dev.agenttrace.export.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.agenttrace.AttributeKey;
import dev.agenttrace.Attributes;
import dev.agenttrace.SpanContext;
import dev.agenttrace.SpanKind;
import dev.agenttrace.SpanLink;
import dev.agenttrace.StatusCode;
import dev.agenttrace.TraceState;
import dev.agenttrace.spi.ImmutableSpanData;
import dev.agenttrace.spi.Resource;
import dev.agenttrace.spi.SpanData;
import dev.agenttrace.spi.SpanEvent;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SpanJsonTest {
  private static final SpanContext PARENT =
      SpanContext.createFromRemoteParent(
          0x4bf92f3577b34da6L,
          0xa3ce929d0e0e4736L,
          0x00f067aa0ba902b7L,
          (byte) 3,
          TraceState.of(List.of(Map.entry("vendor", "opaque"))));

  private static SpanData sampleSpan() {
    SpanContext context =
        SpanContext.create(
            PARENT.traceIdHigh(),
            PARENT.traceIdLow(),
            0x1111111111111111L,
            (byte) 3,
            PARENT.traceState());
    return new ImmutableSpanData(
        "execute_tool lookup_order",
        SpanKind.INTERNAL,
        context,
        PARENT,
        1_700_000_000_000_000_000L,
        1_700_000_000_025_000_000L,
        25_000_000L,
        Attributes.builder()
            .put("gen_ai.tool.name", "lookup_order")
            .put("order.count", 2L)
            .put("order.ratio", 2.0)
            .put("order.express", false)
            .build(),
        List.of(
            new SpanEvent(
                "exception",
                1_700_000_000_020_000_000L,
                Attributes.builder().put("exception.message", "line1\n\"quoted\"").build())),
        List.of(
            new SpanLink(
                SpanContext.create(7, 8, 9, (byte) 1, TraceState.empty()),
                Attributes.builder().put("link.reason", "batch").build())),
        StatusCode.ERROR,
        "OrderNotFoundException: No order",
        true,
        Resource.forService("support-desk"));
  }

  @Test
  void writtenSpanReadsBackEqual() {
    SpanData span = sampleSpan();

    SpanData read = SpanJson.read(SpanJson.write(span));

    assertThat(read).isEqualTo(ImmutableSpanData.copyOf(span));
    assertThat(read.parentSpanContext().isRemote()).isTrue();
    assertThat(read.attributes().get(AttributeKey.doubleKey("order.ratio"))).isEqualTo(2.0);
    assertThat(read.attributes().get(AttributeKey.longKey("order.count"))).isEqualTo(2L);
  }

  @Test
  void stringArraysReadBackAsStringArrays() {
    AttributeKey<List<String>> reasons =
        AttributeKey.stringArrayKey("gen_ai.response.finish_reasons");
    SpanData span =
        dev.agenttrace.testing.TestSpans.span(
            "chat", Attributes.builder().put(reasons, List.of("stop", "length")).build());

    String line = SpanJson.write(span);
    SpanData read = SpanJson.read(line);

    assertThat(line).contains("\"gen_ai.response.finish_reasons\":[\"stop\",\"length\"]");
    assertThat(read.attributes().get(reasons)).containsExactly("stop", "length");
  }

  @Test
  void aSpanIsOneLine() {
    assertThat(SpanJson.write(sampleSpan())).doesNotContain("\n").startsWith("{\"traceId\":");
  }

  @Test
  void malformedIdsAreExplained() {
    String line = SpanJson.write(sampleSpan()).replace("1111111111111111", "XYZ");

    assertThatThrownBy(() -> SpanJson.read(line))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("spanId must be 16 lowercase hex characters");
  }
}

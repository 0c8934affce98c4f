package dev.agenttrace.view;

import static org.assertj.core.api.Assertions.assertThat;

import dev.agenttrace.spi.SpanData;
import org.junit.jupiter.api.Test;

/** Reading GenAI facts off spans written by any producer, in the shapes they come in. */
class GenAiSpanTest {
  private static final String T = AgentSpans.TURN_1;

  @Test
  void toolCallsAreReadFromTheConventionsOutputMessages() {
    SpanData chat = AgentSpans.turn1().get(2);

    assertThat(GenAiSpan.requestedToolCalls(chat))
        .containsExactly(
            new GenAiSpan.ToolCall("call_1", "lookup_order"),
            new GenAiSpan.ToolCall("call_2", "get_shipping"));
  }

  @Test
  void toolCallsAreReadFromOpenAiShapedOutputMessages() {
    SpanData chat =
        span()
            .attr(
                "gen_ai.output.messages",
                "[{\"role\":\"assistant\",\"content\":null,\"tool_calls\":[{\"id\":\"call_a\","
                    + "\"type\":\"function\",\"function\":{\"name\":\"search\",\"arguments\":"
                    + "\"{}\"}}]}]")
            .build();

    assertThat(GenAiSpan.requestedToolCalls(chat))
        .containsExactly(new GenAiSpan.ToolCall("call_a", "search"));
  }

  @Test
  void malformedOutputMessagesHaveNoToolCalls() {
    assertThat(GenAiSpan.requestedToolCalls(span().attr("gen_ai.output.messages", "[{").build()))
        .isEmpty();
    assertThat(GenAiSpan.requestedToolCalls(span().attr("gen_ai.output.messages", 42L).build()))
        .isEmpty();
  }

  @Test
  void firstChunkComesFromAnEventElseFromTheConventionsAttribute() {
    assertThat(GenAiSpan.firstChunkNanos(span().event("gen_ai.content.first_chunk", 25).build()))
        .isEqualTo(25_000_000L);
    assertThat(GenAiSpan.firstChunkNanos(span().event("First Token", 5).build()))
        .isEqualTo(5_000_000L);
    assertThat(
            GenAiSpan.firstChunkNanos(
                span().attr("gen_ai.response.time_to_first_chunk", 0.125).build()))
        .isEqualTo(125_000_000L);
    assertThat(GenAiSpan.firstChunkNanos(span().build())).isEqualTo(-1);
  }

  @Test
  void modelIsTheResponseModelElseTheRequestModel() {
    assertThat(GenAiSpan.model(AgentSpans.turn1().get(2))).isEqualTo("gpt-4o-2024-08-06");
    assertThat(GenAiSpan.model(AgentSpans.turn2().get(1))).isEqualTo("gpt-4o-mini");
    assertThat(GenAiSpan.model(span().build())).isNull();
  }

  @Test
  void tokenCountsAreWholeNonNegativeNumbersInAnyOfTheirUsualForms() {
    assertThat(GenAiSpan.count(12L)).isEqualTo(12);
    assertThat(GenAiSpan.count(12.0)).isEqualTo(12);
    assertThat(GenAiSpan.count("12")).isEqualTo(12);
    assertThat(GenAiSpan.count(12.5)).isEqualTo(-1);
    assertThat(GenAiSpan.count(-1L)).isEqualTo(-1);
    assertThat(GenAiSpan.count("1e3")).isEqualTo(-1);
    assertThat(GenAiSpan.count(Double.NaN)).isEqualTo(-1);
    assertThat(GenAiSpan.count(true)).isEqualTo(-1);
  }

  private static AgentSpans.Builder span() {
    return AgentSpans.span(T, "1000000000000009", null, "chat x", 0, 100);
  }
}

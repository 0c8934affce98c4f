package dev.agenttrace.view;

import static org.assertj.core.api.Assertions.assertThat;

import dev.agenttrace.spi.SpanData;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The totals of a trace, and the rules that keep time and tokens from being counted twice. */
class TraceSummaryTest {
  private static final String T = AgentSpans.TURN_1;
  private static final String ROOT = "1000000000000001";

  @Test
  void timeSplitsIntoLlmToolAndOtherThatAddUpToTheDuration() {
    TraceSummary summary = summary(AgentSpans.turn1());

    assertThat(summary.durationNanos()).isEqualTo(ms(2400));
    assertThat(summary.llmNanos()).isEqualTo(ms(1760));
    assertThat(summary.toolNanos()).isEqualTo(ms(600));
    assertThat(summary.otherNanos()).isEqualTo(ms(40));
  }

  @Test
  void spanWithoutOperationInsideAModelCallCountsAsModelTime() {
    TraceSummary summary =
        summary(
            List.of(
                agent(100),
                AgentSpans.chat(T, "1000000000000002", ROOT, "gpt-4o", 10, 50, 1, 1).build(),
                AgentSpans.span(T, "1000000000000003", "1000000000000002", "POST /chat", 20, 30)
                    .build()));

    assertThat(summary.llmNanos()).isEqualTo(ms(50));
    assertThat(summary.otherNanos()).isEqualTo(ms(50));
  }

  @Test
  void toolThatCallsAModelIsModelTimeWhileTheModelRunsAndToolTimeOtherwise() {
    TraceSummary summary =
        summary(
            List.of(
                agent(100),
                AgentSpans.tool(T, "1000000000000002", ROOT, "research", 0, 80, "c1").build(),
                AgentSpans.chat(T, "1000000000000003", "1000000000000002", "gpt-4o", 20, 30, 1, 1)
                    .build()));

    assertThat(summary.llmNanos()).isEqualTo(ms(30));
    assertThat(summary.toolNanos()).isEqualTo(ms(50));
    assertThat(summary.otherNanos()).isEqualTo(ms(20));
  }

  @Test
  void overlappingModelAndToolCallsCountEachInstantOnceAsModelTime() {
    TraceSummary summary =
        summary(
            List.of(
                agent(100),
                AgentSpans.chat(T, "1000000000000002", ROOT, "gpt-4o", 0, 60, 1, 1).build(),
                AgentSpans.tool(T, "1000000000000003", ROOT, "a", 40, 40, "c1").build(),
                AgentSpans.tool(T, "1000000000000004", ROOT, "b", 50, 40, "c2").build()));

    assertThat(summary.llmNanos()).isEqualTo(ms(60));
    assertThat(summary.toolNanos()).isEqualTo(ms(30));
    assertThat(summary.otherNanos()).isEqualTo(ms(10));
    assertThat(summary.toolCalls()).isEqualTo(2);
  }

  @Test
  void tokensOfASpanWhoseDescendantsReportTokensAreNotCountedAgain() {
    TraceSummary summary = summary(AgentSpans.turn1());

    assertThat(summary.tokensRecorded()).isTrue();
    assertThat(summary.inputTokens()).isEqualTo(3040);
    assertThat(summary.outputTokens()).isEqualTo(231);
  }

  @Test
  void tokensAndCallsArePerResponseModelElseRequestModel() {
    assertThat(summary(AgentSpans.turn2()).models())
        .containsExactly(
            new ModelUsage("gpt-4o-mini", 1, 295, 4),
            new ModelUsage("gpt-4o-2024-08-06", 2, 3500, 155));
  }

  @Test
  void tokenCountsThatAreNotWholeNonNegativeNumbersAreLeftOut() {
    TraceSummary summary =
        summary(
            List.of(
                agent(100),
                AgentSpans.span(T, "1000000000000002", ROOT, "chat a", 0, 10)
                    .attr("gen_ai.operation.name", "chat")
                    .attr("gen_ai.usage.input_tokens", "12")
                    .attr("gen_ai.usage.output_tokens", "lots")
                    .build(),
                AgentSpans.span(T, "1000000000000003", ROOT, "chat b", 10, 10)
                    .attr("gen_ai.operation.name", "chat")
                    .attr("gen_ai.usage.input_tokens", -5L)
                    .attr("gen_ai.usage.output_tokens", 7.0)
                    .build(),
                AgentSpans.span(T, "1000000000000004", ROOT, "chat c", 20, 10)
                    .attr("gen_ai.operation.name", "chat")
                    .attr("gen_ai.usage.input_tokens", 2.5)
                    .attr("gen_ai.usage.output_tokens", Long.MAX_VALUE)
                    .build()));

    assertThat(summary.inputTokens()).isEqualTo(12);
    assertThat(summary.outputTokens()).isEqualTo(Long.MAX_VALUE);
    assertThat(summary.models())
        .containsExactly(new ModelUsage(ModelUsage.UNKNOWN_MODEL, 3, 12, Long.MAX_VALUE));
  }

  @Test
  void traceWithoutTokenCountsSaysSo() {
    TraceSummary summary = summary(SampleSpans.supportTrace());

    assertThat(summary.tokensRecorded()).isFalse();
    assertThat(summary.llmCalls()).isEqualTo(2);
    assertThat(summary.errors()).isEqualTo(1);
  }

  @Test
  void conversationIdIsTheRootsElseTheFirstSpanThatHasOne() {
    assertThat(summary(AgentSpans.turn1()).conversationId()).isEqualTo(AgentSpans.CONVERSATION);
    assertThat(
            summary(
                    List.of(
                        agent(100),
                        AgentSpans.span(T, "1000000000000002", ROOT, "step", 0, 10)
                            .attr("gen_ai.conversation.id", "c-2")
                            .build()))
                .conversationId())
        .isEqualTo("c-2");
    assertThat(summary(AgentSpans.nightly()).conversationId()).isNull();
  }

  private static SpanData agent(long millis) {
    return AgentSpans.span(T, ROOT, null, "invoke_agent a", 0, millis)
        .attr("gen_ai.operation.name", "invoke_agent")
        .build();
  }

  private static TraceSummary summary(List<SpanData> spans) {
    return TraceSummary.of(TraceAssembler.assemble(spans).get(0));
  }

  private static long ms(long millis) {
    return millis * 1_000_000L;
  }
}

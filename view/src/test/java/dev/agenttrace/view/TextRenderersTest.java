package dev.agenttrace.view;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The text renderings of the known sample traces, compared character for character. */
class TextRenderersTest {
  private final List<Trace> traces = TraceAssembler.assemble(SampleSpans.allShuffled());

  @Test
  void treeShowsNestingDurationsErrorsServicesOrphansSkewMovesAndTotals() {
    assertThat(TreeRenderer.renderTraces(traces))
        .isEqualTo(
            """
            Trace 4bf92f3577b34da6a3ce929d0e0e4736
            └─ invoke_agent orchestrator (212 ms)
               ├─ chat scripted-model (80 ms)
               ├─ execute_tool lookup_order (25 ms) ✗ ERROR OrderNotFoundException: No order ORD-9
               └─ invoke_agent billing (90 ms)
                  ├─ chat scripted-model (40 ms)
                  └─ execute_tool update_order (30 ms)
            = 212 ms: LLM 120 ms, tools 55 ms, other 37 ms · 2 LLM calls, 2 tool calls · tokens \
            not recorded · 1 error

            Trace 0af7651916cd43dd8448eb211c80319c
            └─ invoke_agent planner [support-desk] (100 ms)
               └─ chat gateway-model [llm-gateway] (60 ms)
                  └─ http POST /v1/chat [llm-gateway] (40 ms)
            ~ clock skew: moved "chat gateway-model" [llm-gateway] 3.02 s later to fit its parent \
            from [support-desk]
            = 100 ms: LLM 60 ms, tools 0 µs, other 40 ms · 1 LLM call, 0 tool calls · tokens \
            not recorded · no errors

            Trace 5b8efff798038103d269b633813fc60c
            ├─ invoke_agent support (50 ms)
            └─ (parent 00000000000000c2 missing) execute_tool refund (10 ms)
            = 50 ms: LLM 0 µs, tools 10 ms, other 40 ms · 0 LLM calls, 1 tool call · tokens not \
            recorded · no errors
            """);
  }

  @Test
  void treeShowsTokensOnEachModelCallAndTheTotalsPerModelUnderTheTrace() {
    assertThat(TreeRenderer.renderTraces(TraceAssembler.assemble(AgentSpans.turn1())))
        .isEqualTo(
            """
            Trace a1a1a1a1a1a1a1a1a1a1a1a1a1a1a1a1
            └─ invoke_agent support-agent (2.40 s) · 3040 in / 231 out tokens
               ├─ chat gpt-4o-mini (200 ms) · 310 in / 4 out tokens
               ├─ chat gpt-4o (800 ms) · 1200 in / 85 out tokens
               ├─ execute_tool lookup_order (100 ms)
               ├─ execute_tool get_shipping (600 ms) ✗ ERROR UncheckedIOException: shipping \
            service did not answer within 500 ms
               └─ chat gpt-4o (760 ms) · 1530 in / 142 out tokens
                  └─ POST /v1/chat/completions (740 ms)
            = 2.40 s: LLM 1.76 s, tools 600 ms, other 40 ms · 3 LLM calls, 2 tool calls · tokens \
            3040 in / 231 out (gpt-4o-mini-2024-07-18 310 in / 4 out, gpt-4o-2024-08-06 2730 in \
            / 227 out) · 1 error
            """);
  }

  @Test
  void timelineScalesBarsToEachTraceAndMarksErrorsOrphansAndMovedSpans() {
    assertThat(TimelineRenderer.render(traces, 20))
        .isEqualTo(
            """
            Trace 4bf92f3577b34da6a3ce929d0e0e4736 (212 ms, 6 spans)
                                                     0               212 ms
            invoke_agent orchestrator                |====================|    0 µs  212 ms
              chat scripted-model                    |========            |  2.0 ms   80 ms
              execute_tool lookup_order              |        xx          |   85 ms   25 ms ERROR
              invoke_agent billing                   |           ======== |  115 ms   90 ms
                chat scripted-model                  |           ====     |  120 ms   40 ms
                execute_tool update_order            |                ==  |  165 ms   30 ms

            Trace 0af7651916cd43dd8448eb211c80319c (100 ms, 3 spans)
                                                     0               100 ms
            invoke_agent planner [support-desk]      |====================|    0 µs  100 ms
              chat gateway-model [llm-gateway] ~     |    ============    |   20 ms   60 ms
                http POST /v1/chat [llm-gateway] ~   |      ========      |   30 ms   40 ms
            ~ clock skew: moved "chat gateway-model" [llm-gateway] 3.02 s later to fit its parent \
            from [support-desk]

            Trace 5b8efff798038103d269b633813fc60c (50 ms, 2 spans)
                                                     0                50 ms
            invoke_agent support                     |====================|    0 µs   50 ms
            (orphan) execute_tool refund             |        ====        |   20 ms   10 ms
            """);
  }

  @Test
  void timelineLabelsLongerThanTheColumnAreCut() {
    Trace trace =
        TraceAssembler.assemble(
                List.of(
                    SampleSpans.span(
                        SampleSpans.SUPPORT_TRACE,
                        "00000000000000f1",
                        null,
                        "execute_tool a_tool_with_a_name_far_too_long_for_the_column",
                        "s",
                        0,
                        10,
                        null)))
            .get(0);

    assertThat(TimelineRenderer.render(List.of(trace), 10))
        .contains("execute_tool a_tool_with_a_name_far_t... |==========|");
  }

  @Test
  void timelineRefusesWidthsTooNarrowToRead() {
    assertThatThrownBy(() -> TimelineRenderer.render(traces, 5))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("width must be at least 10 columns, not 5");
  }

  @Test
  void foldedStacksSumSelfTimeInMicrosecondsPerPathAcrossTraces() {
    List<Trace> twice =
        TraceAssembler.assemble(
            Stream.concat(
                    SampleSpans.supportTrace().stream(),
                    SampleSpans.supportTrace(SampleSpans.SKEW_TRACE).stream())
                .toList());

    assertThat(FoldedStacksRenderer.render(twice))
        .isEqualTo(
            """
            invoke_agent orchestrator 34000
            invoke_agent orchestrator;chat scripted-model 160000
            invoke_agent orchestrator;execute_tool lookup_order 50000
            invoke_agent orchestrator;invoke_agent billing 40000
            invoke_agent orchestrator;invoke_agent billing;chat scripted-model 80000
            invoke_agent orchestrator;invoke_agent billing;execute_tool update_order 60000
            """);
  }

  @Test
  void foldedStacksKeepOrphansAsTheirOwnStacks() {
    assertThat(FoldedStacksRenderer.render(TraceAssembler.assemble(SampleSpans.orphanTrace())))
        .isEqualTo(
            """
            execute_tool refund 10000
            invoke_agent support 50000
            """);
  }
}

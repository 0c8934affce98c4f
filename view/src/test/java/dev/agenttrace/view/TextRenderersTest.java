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
  void treeShowsNestingDurationsErrorsServicesOrphansAndSkewMoves() {
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

            Trace 0af7651916cd43dd8448eb211c80319c
            └─ invoke_agent planner [support-desk] (100 ms)
               └─ chat gateway-model [llm-gateway] (60 ms)
                  └─ http POST /v1/chat [llm-gateway] (40 ms)
            ~ clock skew: moved "chat gateway-model" [llm-gateway] 3.02 s later to fit its parent \
            from [support-desk]

            Trace 5b8efff798038103d269b633813fc60c
            ├─ invoke_agent support (50 ms)
            └─ (parent 00000000000000c2 missing) execute_tool refund (10 ms)
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

package dev.agenttrace.view;

import static org.assertj.core.api.Assertions.assertThat;

import dev.agenttrace.spi.SpanData;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class TraceAssemblerTest {

  @Test
  void spansArrivingChildrenFirstFormOneTreePerTrace() {
    List<Trace> traces = TraceAssembler.assemble(SampleSpans.allShuffled());

    assertThat(traces)
        .extracting(Trace::traceId)
        .containsExactly(
            SampleSpans.SUPPORT_TRACE, SampleSpans.SKEW_TRACE, SampleSpans.ORPHAN_TRACE);
    Trace support = traces.get(0);
    assertThat(support.roots()).hasSize(1);
    assertThat(support.spansDepthFirst())
        .extracting(node -> node.span().name())
        .containsExactlyElementsOf(SampleSpans.SUPPORT_NAMES);
    assertThat(support.spansDepthFirst())
        .extracting(SpanNode::depth)
        .containsExactly(0, 1, 1, 1, 2, 2);
  }

  @Test
  void spanWhoseParentNeverArrivedIsKeptAsOrphanUnderItsTrace() {
    Trace trace = TraceAssembler.assemble(SampleSpans.orphanTrace()).get(0);

    assertThat(trace.spanCount()).isEqualTo(2);
    assertThat(trace.roots()).extracting(SpanNode::isOrphan).containsExactly(false, true);
    assertThat(trace.roots().get(1).span().name()).isEqualTo("execute_tool refund");
  }

  @Test
  void sameSpanReadFromTwoFilesIsKeptOnce() {
    List<SpanData> twice = new ArrayList<>(SampleSpans.supportTrace());
    twice.addAll(SampleSpans.supportTrace());

    assertThat(TraceAssembler.assemble(twice).get(0).spanCount()).isEqualTo(6);
  }

  @Test
  void childOfAnotherServiceOutsideItsParentIsCentredInTheParentAndReported() {
    Trace trace = TraceAssembler.assemble(SampleSpans.skewedTrace()).get(0);

    SpanNode root = trace.roots().get(0);
    SpanNode chat = root.children().get(0);
    // Parent 100 ms, child 60 ms: 20 ms of latency each way, so the child starts 20 ms in.
    assertThat(chat.startEpochNanos() - root.startEpochNanos()).isEqualTo(20_000_000L);
    assertThat(chat.clockSkewNanos()).isEqualTo(3_020_000_000L);
    assertThat(trace.clockSkewAdjustments())
        .containsExactly(
            new ClockSkewAdjustment(
                "00000000000000b2",
                "chat gateway-model",
                "llm-gateway",
                "support-desk",
                3_020_000_000L));
  }

  @Test
  void descendantsOfTheSameServiceMoveWithTheAdjustedSpan() {
    Trace trace = TraceAssembler.assemble(SampleSpans.skewedTrace()).get(0);

    SpanNode http = trace.roots().get(0).children().get(0).children().get(0);
    assertThat(http.clockSkewNanos()).isEqualTo(3_020_000_000L);
    assertThat(http.startEpochNanos() - trace.startEpochNanos()).isEqualTo(30_000_000L);
    assertThat(trace.clockSkewAdjustments()).hasSize(1);
  }

  @Test
  void childOfTheSameServiceOutlivingItsParentIsNotMoved() {
    List<SpanData> spans =
        List.of(
            SampleSpans.span(
                SampleSpans.SUPPORT_TRACE,
                "00000000000000d1",
                null,
                "handle",
                "support-desk",
                0,
                10,
                null),
            SampleSpans.span(
                SampleSpans.SUPPORT_TRACE,
                "00000000000000d2",
                "00000000000000d1",
                "async follow-up",
                "support-desk",
                5,
                50,
                null));

    Trace trace = TraceAssembler.assemble(spans).get(0);

    assertThat(trace.clockSkewAdjustments()).isEmpty();
    assertThat(trace.endEpochNanos() - trace.startEpochNanos()).isEqualTo(55_000_000L);
  }

  @Test
  void clockSkewAdjustmentCanBeTurnedOff() {
    Trace trace = TraceAssembler.assemble(SampleSpans.skewedTrace(), false).get(0);

    assertThat(trace.clockSkewAdjustments()).isEmpty();
    assertThat(trace.roots().get(0).children().get(0).clockSkewNanos()).isZero();
    assertThat(trace.endEpochNanos() - trace.startEpochNanos()).isEqualTo(3_100_000_000L);
  }

  @Test
  void selfTimeCountsOverlappingChildrenOnce() {
    String t = SampleSpans.SUPPORT_TRACE;
    List<SpanData> spans =
        List.of(
            SampleSpans.span(t, "00000000000000e1", null, "fan-out", "s", 0, 100, null),
            SampleSpans.span(t, "00000000000000e2", "00000000000000e1", "a", "s", 10, 40, null),
            SampleSpans.span(t, "00000000000000e3", "00000000000000e1", "b", "s", 30, 40, null),
            SampleSpans.span(t, "00000000000000e4", "00000000000000e1", "c", "s", 90, 40, null));

    SpanNode root = TraceAssembler.assemble(spans).get(0).roots().get(0);

    // Children cover 10..70 and 90..100 (c is clipped to the parent): 70 ms, leaving 30 ms.
    assertThat(root.selfNanos()).isEqualTo(30_000_000L);
  }

  @Test
  void spansWhoseParentsFormALoopAreKeptAsOrphans() {
    String t = SampleSpans.SUPPORT_TRACE;
    List<SpanData> spans =
        List.of(
            SampleSpans.span(t, "00000000000000f1", "00000000000000f2", "a", "s", 0, 10, null),
            SampleSpans.span(t, "00000000000000f2", "00000000000000f1", "b", "s", 1, 5, null),
            SampleSpans.span(t, "00000000000000f3", "00000000000000f3", "self", "s", 2, 1, null));

    Trace trace = TraceAssembler.assemble(spans).get(0);

    assertThat(trace.spanCount()).isEqualTo(3);
    assertThat(trace.spansDepthFirst())
        .extracting(node -> node.span().name())
        .containsExactly("a", "b", "self");
    assertThat(trace.roots()).extracting(SpanNode::isOrphan).containsExactly(true, true);
  }
}

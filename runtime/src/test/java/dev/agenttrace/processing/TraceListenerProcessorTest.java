package dev.agenttrace.processing;

import static org.assertj.core.api.Assertions.assertThat;

import dev.agenttrace.Scope;
import dev.agenttrace.Span;
import dev.agenttrace.sdk.TracerSdk;
import dev.agenttrace.spi.SpanData;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class TraceListenerProcessorTest {
  private final List<String> calls = new ArrayList<>();
  private final TraceListener listener =
      new TraceListener() {
        @Override
        public void traceStarted(SpanData root) {
          calls.add("started " + root.name());
        }

        @Override
        public void traceEnded(SpanData root, List<SpanData> spans) {
          calls.add("ended " + root.name() + " " + spans.stream().map(SpanData::name).toList());
        }
      };

  @Test
  void aTraceStartsWithItsRootAndEndsWithItHandingOverAllItsSpans() {
    TraceListenerProcessor processor = TraceListenerProcessor.create(listener);
    TracerSdk tracer = TracerSdk.builder().addSpanProcessor(processor).build();

    Span root = tracer.spanBuilder("invoke_agent support").startSpan();
    try (Scope scope = root.makeCurrent()) {
      tracer.spanBuilder("chat scripted-model").startSpan().end();
      tracer.spanBuilder("execute_tool lookup_order").startSpan().end();
    } finally {
      root.end();
    }

    assertThat(calls)
        .containsExactly(
            "started invoke_agent support",
            "ended invoke_agent support"
                + " [chat scripted-model, execute_tool lookup_order, invoke_agent support]");
    assertThat(processor.openTraces()).isZero();
  }

  @Test
  void tracesBeyondTheBoundAreNotGatheredAndAreCounted() {
    TraceListenerProcessor processor = TraceListenerProcessor.create(listener, 1, 10);
    TracerSdk tracer = TracerSdk.builder().addSpanProcessor(processor).build();

    Span first = tracer.spanBuilder("first").startSpan();
    Span second = tracer.spanBuilder("second").startSpan();
    second.end();
    first.end();

    assertThat(calls).containsExactly("started first", "ended first [first]");
    assertThat(processor.overflowSpans()).isEqualTo(1);
  }
}

package dev.agenttrace.sdk;

import static org.assertj.core.api.Assertions.assertThat;

import dev.agenttrace.Scope;
import dev.agenttrace.Span;
import dev.agenttrace.SpanTemplate;
import dev.agenttrace.StatusCode;
import dev.agenttrace.processing.InMemorySpanCollector;
import dev.agenttrace.processing.Sampler;
import java.lang.management.ManagementFactory;
import org.junit.jupiter.api.Test;

@SuppressWarnings("try") // scopes are opened for their effect on the current span
class SampledOutSpanTest {
  private static final SpanTemplate TOOL =
      SpanTemplate.builder("execute_tool lookup_order").build();

  private final InMemorySpanCollector collector = new InMemorySpanCollector();
  private final TracerSdk tracer =
      TracerSdk.builder()
          .sampler(Sampler.parentBased(Sampler.alwaysOff()))
          .addSpanProcessor(collector)
          .build();

  /** What a generated proxy does around a call, minus the delegate. */
  private static void tracedCall(TracerSdk tracer) {
    Span span = tracer.startSpan(TOOL);
    Scope scope = span.makeCurrent();
    try {
      span.setStatus(StatusCode.OK);
    } finally {
      scope.close();
      span.end();
    }
  }

  @Test
  void aSampledOutChildIsItsDroppedParentAndKeepsTheParentCurrent() {
    Span root = tracer.spanBuilder("invoke_agent support").startSpan();
    try (Scope rootScope = root.makeCurrent()) {
      Span child = tracer.startSpan(TOOL);
      try (Scope childScope = child.makeCurrent()) {
        assertThat(child).isSameAs(root);
        assertThat(Span.current()).isSameAs(root);
      }
      assertThat(Span.current()).isSameAs(root);
    }
    assertThat(Span.current().spanContext().isValid()).isFalse();
    assertThat(collector.finishedSpans()).isEmpty();
  }

  @Test
  void aSampledOutChildOfARemoteParentGetsItsOwnLocalContext() {
    Span remoteParent =
        Span.wrap(
            dev.agenttrace.SpanContext.createFromRemoteParent(
                1,
                2,
                3,
                dev.agenttrace.SpanContext.FLAG_RANDOM,
                dev.agenttrace.TraceState.empty()));
    try (Scope scope = remoteParent.makeCurrent()) {
      Span child = tracer.startSpan(TOOL);

      assertThat(child).isNotSameAs(remoteParent);
      assertThat(child.spanContext().isRemote()).isFalse();
      assertThat(child.spanContext().traceIdLow()).isEqualTo(2);
      assertThat(child.spanContext().isSampled()).isFalse();
    }
  }

  @Test
  void aTracedCallInsideASampledOutTraceAllocatesNothing() {
    com.sun.management.ThreadMXBean threads =
        (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
    long thread = Thread.currentThread().getId();
    Span root = tracer.spanBuilder("invoke_agent support").startSpan();
    int calls = 200_000;
    try (Scope scope = root.makeCurrent()) {
      // Steady state means compiled code: the least any round allocated, so that a round run
      // before the JIT got to it (on a loaded machine) does not count.
      long allocated = Long.MAX_VALUE;
      for (int round = 0; round < 6; round++) {
        long before = threads.getThreadAllocatedBytes(thread);
        for (int i = 0; i < calls; i++) {
          tracedCall(tracer);
        }
        allocated = Math.min(allocated, threads.getThreadAllocatedBytes(thread) - before);
      }

      // Less than one byte per call: only the measurement itself may allocate.
      assertThat(allocated).isLessThan(calls);
    }
  }
}

package dev.agenttrace.example;

import static org.assertj.core.api.Assertions.assertThat;

import dev.agenttrace.AgentTrace;
import dev.agenttrace.Scope;
import dev.agenttrace.Span;
import dev.agenttrace.StatusCode;
import dev.agenttrace.metrics.OperationKey;
import dev.agenttrace.metrics.TracingMetrics;
import dev.agenttrace.processing.InMemorySpanCollector;
import dev.agenttrace.processing.Sampler;
import dev.agenttrace.processing.TailSamplingProcessor;
import dev.agenttrace.sdk.TracerSdk;
import dev.agenttrace.spi.SpanData;
import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The generated proxies under head sampling, tail sampling and latency metrics. */
class SamplingAndMetricsTest {
  private TracerSdk tracer;

  private void install(TracerSdk.Builder builder) {
    tracer = builder.serviceName("support-desk").build();
    AgentTrace.install(tracer);
  }

  @AfterEach
  void uninstall() {
    AgentTrace.uninstall();
    tracer.close();
  }

  @Test
  void aToolCallInsideASampledOutAgentRunAllocatesNothing() throws Exception {
    install(TracerSdk.builder().sampler(Sampler.parentBased(Sampler.alwaysOff())));
    OrderTools tools = OrderToolsTraced.wrap(new InMemoryOrders());
    com.sun.management.ThreadMXBean threads =
        (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
    long thread = Thread.currentThread().getId();
    int calls = 200_000;
    Span run = tracer.spanBuilder("invoke_agent support").startSpan();
    Scope scope = run.makeCurrent();
    try {
      // Steady state means compiled code: the least any round allocated, so that a round run
      // before the JIT got to it (on a loaded machine) does not count.
      long allocated = Long.MAX_VALUE;
      for (int round = 0; round < 6; round++) {
        long before = threads.getThreadAllocatedBytes(thread);
        for (int i = 0; i < calls; i++) {
          tools.lookupOrder("ORD-1001");
        }
        allocated = Math.min(allocated, threads.getThreadAllocatedBytes(thread) - before);
      }

      // Less than a byte per call: only the measurement itself may allocate.
      assertThat(allocated).isLessThan(calls);
    } finally {
      scope.close();
    }
  }

  @Test
  void tailSamplingKeepsTheFailedRunWholeAndMetricsSeeBothRuns() {
    InMemorySpanCollector exported = new InMemorySpanCollector();
    TracingMetrics tracing = TracingMetrics.builder().operationLatency(true).build();
    TailSamplingProcessor tail =
        TailSamplingProcessor.builder(exported)
            .keepProbability(0)
            .slowerThan(Duration.ofMinutes(1))
            .build();
    install(TracerSdk.builder().addSpanProcessor(tracing).addSpanProcessor(tail));
    SupportAgent agent = SupportDesk.create(new ScriptedChatModel(1));

    for (String question : SupportApp.QUESTIONS) {
      agent.answer(question);
    }
    // A trace with no reason to keep waits briefly for late spans; flushing decides it now.
    tail.forceFlush(Duration.ofSeconds(5));

    Map<String, List<SpanData>> kept =
        exported.finishedSpans().stream().collect(Collectors.groupingBy(SpanData::traceId));
    assertThat(kept).hasSize(1);
    List<SpanData> failedRun = kept.values().iterator().next();
    assertThat(failedRun)
        .anySatisfy(
            span -> {
              assertThat(span.name()).isEqualTo("execute_tool lookup_order");
              assertThat(span.statusCode()).isEqualTo(StatusCode.ERROR);
            });
    assertThat(failedRun).filteredOn(span -> span.parentSpanId() == null).hasSize(1);
    assertThat(tail.stats().tracesKeptForError()).isEqualTo(1);
    assertThat(tail.stats().tracesDropped()).isEqualTo(1);
    assertThat(tail.stats().spansForwarded()).isEqualTo(failedRun.size());
    assertThat(tracing.snapshot().traces()).isEqualTo(2);
    assertThat(tracing.snapshot().spansEnded()).isEqualTo(tail.stats().spansReceived());
    assertThat(tracing.snapshot().activeSpans()).isZero();
    assertThat(tracing.latency(OperationKey.tool("lookup_order")).orElseThrow().total().count())
        .isEqualTo(2);
    assertThat(tracing.latency(OperationKey.agent("orchestrator")).orElseThrow().total().count())
        .isEqualTo(2);
  }
}

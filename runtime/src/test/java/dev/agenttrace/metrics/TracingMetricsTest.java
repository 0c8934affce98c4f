package dev.agenttrace.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.agenttrace.Context;
import dev.agenttrace.SemanticAttributes;
import dev.agenttrace.Span;
import dev.agenttrace.SpanContext;
import dev.agenttrace.StatusCode;
import dev.agenttrace.TraceState;
import dev.agenttrace.processing.BatchSpanProcessor;
import dev.agenttrace.processing.InMemorySpanCollector;
import dev.agenttrace.proxy.SpanTemplates;
import dev.agenttrace.sdk.TracerSdk;
import dev.agenttrace.spi.SpanData;
import dev.agenttrace.testing.ManualClock;
import dev.agenttrace.testing.RecordingExporter;
import java.lang.management.ManagementFactory;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class TracingMetricsTest {
  private final ManualClock clock = new ManualClock();
  private final TracingMetrics metrics =
      TracingMetrics.builder().clock(clock).operationLatency(true).build();
  private final TracerSdk tracer =
      TracerSdk.builder().clock(clock).addSpanProcessor(metrics).build();

  /** A local trace of a root and a failed tool call, a served remote call, one span still open. */
  private void traffic() {
    Span root = tracer.spanBuilder("invoke_agent support").startSpan();
    Span tool =
        tracer
            .spanBuilder("execute_tool lookup_order")
            .setParent(Context.root().with(root))
            .setAttribute(SemanticAttributes.GEN_AI_TOOL_NAME, "lookup_order")
            .startSpan();
    clock.advance(Duration.ofMillis(100));
    tool.setStatus(StatusCode.ERROR, "order service down");
    tool.end();
    clock.advance(Duration.ofMillis(200));
    root.end();
    Span remoteParent =
        Span.wrap(
            SpanContext.createFromRemoteParent(
                1, 2, 3, SpanContext.FLAG_SAMPLED, TraceState.empty()));
    Span served =
        tracer.spanBuilder("serve").setParent(Context.root().with(remoteParent)).startSpan();
    clock.advance(Duration.ofMillis(50));
    served.end();
    tracer.spanBuilder("still running").startSpan();
  }

  @Test
  void countsTracesSpansActiveSpansFailuresAndDurations() {
    traffic();

    MetricsSnapshot snapshot = metrics.snapshot();

    assertThat(snapshot.traces()).isEqualTo(2);
    assertThat(snapshot.spansStarted()).isEqualTo(4);
    assertThat(snapshot.spansEnded()).isEqualTo(3);
    assertThat(snapshot.activeSpans()).isEqualTo(1);
    assertThat(snapshot.errorSpans()).isEqualTo(1);
    assertThat(snapshot.spanDurations().count()).isEqualTo(3);
    assertThat(snapshot.spanDurations().sum()).isEqualTo(450_000_000L);
    assertThat(snapshot.spanDurations().max()).isEqualTo(300_000_000L);
    assertThat(snapshot.startEpochNanos()).isEqualTo(clock.epochNanos() - 350_000_000L);
  }

  @Test
  void countsWhatExportingComponentsReportOnePerCallAndSpan() {
    metrics.recordExported(10);
    metrics.recordExported(5);
    metrics.recordFailed(7);
    metrics.recordDropped(3);
    metrics.registerQueue(() -> 4);
    metrics.registerQueue(() -> 2);

    MetricsSnapshot snapshot = metrics.snapshot();

    assertThat(snapshot.exportBatchesSucceeded()).isEqualTo(2);
    assertThat(snapshot.spansExported()).isEqualTo(15);
    assertThat(snapshot.exportBatchesFailed()).isEqualTo(1);
    assertThat(snapshot.spansFailed()).isEqualTo(7);
    assertThat(snapshot.spansDropped()).isEqualTo(3);
    assertThat(snapshot.queueSize()).isEqualTo(6);
    assertThat(snapshot)
        .hasToString("started=0 ended=0 exported=15 failed=7 dropped=3 queued=6 active=0");
  }

  @Test
  void aBatchProcessorReportsItsExportsIntoTheSameMetricsThatCountTheSpans() {
    RecordingExporter exporter = new RecordingExporter();
    BatchSpanProcessor batch = BatchSpanProcessor.builder(exporter).metrics(metrics).build();
    TracerSdk exporting =
        TracerSdk.builder().clock(clock).addSpanProcessor(metrics).addSpanProcessor(batch).build();

    for (int i = 0; i < 3; i++) {
      exporting.startSpan(SpanTemplates.tool("lookup_order", "", "")).end();
    }
    exporting.shutdown(Duration.ofSeconds(10));

    MetricsSnapshot snapshot = metrics.snapshot();
    assertThat(snapshot.spansEnded()).isEqualTo(3);
    assertThat(snapshot.spansExported()).isEqualTo(3);
    assertThat(snapshot.exportBatchesSucceeded()).isEqualTo(1);
    assertThat(snapshot.histogram(GenAiConventions.EXECUTE_TOOL_DURATION).orElseThrow().count())
        .isEqualTo(3);
  }

  @Test
  void thresholdsTurnTheOperationLatencyOnAndCannotDoWithoutIt() {
    LatencyThreshold threshold =
        LatencyThreshold.of(OperationKey.tool("lookup_order"), 95, Duration.ofSeconds(1));
    TracingMetrics.Builder builder =
        TracingMetrics.builder().threshold(threshold).operationLatency(false);

    assertThat(TracingMetrics.builder().threshold(threshold).build().thresholds())
        .containsExactly(threshold);

    assertThatThrownBy(builder::build)
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("operationLatency(true)");
  }

  @Test
  void withLatencyAndGenAiMetricsOffOnlyTheCountersRemain() {
    TracingMetrics counters =
        TracingMetrics.builder().operationLatency(false).genAiMetrics(false).build();
    TracerSdk counting = TracerSdk.builder().addSpanProcessor(counters).build();

    counting.startSpan(SpanTemplates.llmCall("gpt-4o", "openai", "")).end();

    assertThat(counters.snapshot().spansEnded()).isEqualTo(1);
    assertThat(counters.snapshot().histograms()).isEmpty();
    assertThat(counters.operations()).isEmpty();
    assertThat(counters.checkThresholds()).isEmpty();
  }

  /**
   * Once a model call's series exist, measuring another span allocates nothing: this counts the
   * bytes the measuring thread allocates (not a timing), over many spans so that a single
   * allocation per span would show.
   */
  @Test
  void measuringAnEndedSpanAllocatesNothingOnceItsSeriesExist() {
    InMemorySpanCollector collector = new InMemorySpanCollector();
    TracerSdk recording = TracerSdk.builder().clock(clock).addSpanProcessor(collector).build();
    Span call = recording.startSpan(SpanTemplates.llmCall("gpt-4o", "openai", "Model.chat"));
    call.setAttribute(SemanticAttributes.GEN_AI_USAGE_INPUT_TOKENS, 120L);
    call.setAttribute(SemanticAttributes.GEN_AI_USAGE_OUTPUT_TOKENS, 40L);
    call.setAttribute(GenAiMetrics.RESPONSE_MODEL, "gpt-4o-2024-08-06");
    clock.advance(Duration.ofMillis(30));
    call.end();
    SpanData ended = collector.finishedSpans().get(0);
    com.sun.management.ThreadMXBean threads =
        (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
    long thread = Thread.currentThread().getId();
    int spans = 200_000;
    int rounds = 6;
    // Steady state means compiled code: the least any round allocated, so that a round run
    // before the JIT got to it (on a loaded machine) does not count.
    long allocated = Long.MAX_VALUE;
    for (int round = 0; round < rounds; round++) {
      long before = threads.getThreadAllocatedBytes(thread);
      for (int i = 0; i < spans; i++) {
        metrics.onEnd(ended);
      }
      allocated = Math.min(allocated, threads.getThreadAllocatedBytes(thread) - before);
    }

    assertThat(allocated).isLessThan(spans);
    HistogramMetric tokens =
        metrics.snapshot().histogram(GenAiConventions.CLIENT_TOKEN_USAGE).orElseThrow();
    assertThat(tokens.count()).isEqualTo(2L * rounds * spans);
    assertThat(tokens.points()).hasSize(2);
  }
}

package dev.agenttrace.processing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import dev.agenttrace.AttributeKey;
import dev.agenttrace.Attributes;
import dev.agenttrace.SpanContext;
import dev.agenttrace.SpanKind;
import dev.agenttrace.metrics.MetricsSnapshot;
import dev.agenttrace.metrics.TracingMetrics;
import dev.agenttrace.sdk.TracerSdk;
import dev.agenttrace.spi.ExportResult;
import dev.agenttrace.spi.SpanData;
import dev.agenttrace.spi.SpanExporter;
import dev.agenttrace.testing.CallCountingExporter;
import dev.agenttrace.testing.RecordingExporter;
import dev.agenttrace.testing.RecordingLogger;
import dev.agenttrace.testing.TestSpans;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class BatchSpanProcessorTest {
  private final RecordingExporter exporter = new RecordingExporter();
  private BatchSpanProcessor processor;

  @AfterEach
  void shutDown() {
    exporter.release();
    if (processor != null) {
      processor.shutdown(Duration.ofSeconds(5));
    }
  }

  @Test
  void fullBatchesAreExportedWithoutWaitingForTheDelay() throws Exception {
    processor =
        BatchSpanProcessor.builder(exporter)
            .maxExportBatchSize(10)
            .scheduleDelay(Duration.ofHours(1))
            .build();

    TestSpans.spans(30).forEach(processor::onEnd);

    assertThat(exporter.awaitSpans(30, Duration.ofSeconds(10))).hasSize(30);
    assertThat(exporter.batchSizes()).allSatisfy(size -> assertThat(size).isLessThanOrEqualTo(10));
  }

  @Test
  void aPartialBatchIsExportedAfterTheScheduleDelay() throws Exception {
    processor =
        BatchSpanProcessor.builder(exporter)
            .maxExportBatchSize(100)
            .scheduleDelay(Duration.ofMillis(50))
            .build();

    TestSpans.spans(3).forEach(processor::onEnd);

    assertThat(exporter.awaitSpans(3, Duration.ofSeconds(10))).hasSize(3);
    assertThat(exporter.batchSizes()).containsExactly(3);
  }

  @Test
  void aFullQueueDropsAndCountsSpansWithoutBlocking() {
    exporter.hang();
    processor =
        BatchSpanProcessor.builder(exporter)
            .maxQueueSize(16)
            .maxExportBatchSize(4)
            .exportTimeout(Duration.ofMinutes(5))
            .build();

    assertTimeoutPreemptively(
        Duration.ofSeconds(10), () -> TestSpans.spans(1000).forEach(processor::onEnd));

    assertThat(processor.droppedSpans()).isGreaterThanOrEqualTo(1000 - 16 - 4);
    assertThat(processor.queueSize()).isLessThanOrEqualTo(16);
    assertThat(processor.metrics().spansDropped()).isEqualTo(processor.droppedSpans());
  }

  @Test
  void heavySpansBeyondTheByteBudgetAreDroppedAndCountedWhileLightSpansStillQueue() {
    exporter.hang();
    processor =
        BatchSpanProcessor.builder(exporter)
            .maxQueueSize(64)
            .maxExportBatchSize(4)
            .maxQueuedBytes(100_000)
            .exportTimeout(Duration.ofMinutes(5))
            .build();

    for (int i = 0; i < 50; i++) {
      processor.onEnd(heavySpan(10_000)); // about 10.2 kB each: 9 fit the budget at once
    }
    long droppedHeavy = processor.droppedSpans();
    TestSpans.spans(20).forEach(processor::onEnd);

    // The worker may have taken up to one batch (4) off the queue before its export hung.
    assertThat(droppedHeavy).isBetween(50L - 9 - 4, 50L - 9);
    assertThat(processor.droppedSpans()).isEqualTo(droppedHeavy);
    assertThat(processor.metrics().spansDropped()).isEqualTo(droppedHeavy);
  }

  @Test
  void exportedHeavySpansGiveTheirBytesBackToTheBudget() {
    processor =
        BatchSpanProcessor.builder(exporter)
            .maxExportBatchSize(512)
            .maxQueuedBytes(25_000) // two spans of about 10.2 kB at a time
            .build();

    for (int round = 0; round < 10; round++) {
      processor.onEnd(heavySpan(10_000));
      processor.onEnd(heavySpan(10_000));
      assertThat(processor.forceFlush(Duration.ofSeconds(10))).isTrue();
    }

    assertThat(processor.droppedSpans()).isZero();
    assertThat(exporter.spans()).hasSize(20);
  }

  @Test
  void theDefaultQueueHolds8192Spans() {
    exporter.hang();
    processor =
        BatchSpanProcessor.builder(exporter)
            .maxExportBatchSize(1)
            .exportTimeout(Duration.ofMinutes(5))
            .build();

    TestSpans.spans(10_000).forEach(processor::onEnd);

    assertThat(processor.droppedSpans()).isBetween(10_000L - 8192 - 1, 10_000L - 8192);
  }

  private static SpanData heavySpan(int characters) {
    return TestSpans.span(
        "chat", Attributes.of(AttributeKey.stringKey("gen_ai.output"), "m".repeat(characters)));
  }

  @Test
  void forceFlushExportsEverythingQueuedAndFlushesTheExporter() {
    processor =
        BatchSpanProcessor.builder(exporter)
            .maxExportBatchSize(512)
            .scheduleDelay(Duration.ofHours(1))
            .build();
    TestSpans.spans(700).forEach(processor::onEnd);

    boolean flushed = processor.forceFlush(Duration.ofSeconds(10));

    assertThat(flushed).isTrue();
    assertThat(exporter.spans()).hasSize(700);
    assertThat(exporter.flushes()).isEqualTo(1);
    assertThat(processor.queueSize()).isZero();
  }

  @Test
  void shutdownExportsWhatIsQueuedThenDropsLaterSpans() {
    processor = BatchSpanProcessor.builder(exporter).scheduleDelay(Duration.ofHours(1)).build();
    TestSpans.spans(5).forEach(processor::onEnd);

    assertThat(processor.shutdown(Duration.ofSeconds(10))).isTrue();
    processor.onEnd(TestSpans.span("late", Attributes.empty()));

    assertThat(exporter.spans()).extracting(SpanData::name).hasSize(5).doesNotContain("late");
    assertThat(exporter.isShutdown()).isTrue();
    assertThat(processor.droppedSpans()).isEqualTo(1);
  }

  @Test
  void recordedButUnsampledSpansAreNotExported() {
    processor = BatchSpanProcessor.builder(exporter).build();
    TracerSdk tracer =
        TracerSdk.builder().sampler(new RecordOnlySampler()).addSpanProcessor(processor).build();

    tracer.spanBuilder("recorded only").startSpan().end();
    processor.forceFlush(Duration.ofSeconds(5));

    assertThat(exporter.spans()).isEmpty();
  }

  @Test
  void anExportThatHangsIsAbandonedAfterTheTimeoutAndCountedAsFailed() {
    exporter.hang();
    processor =
        BatchSpanProcessor.builder(exporter)
            .exportTimeout(Duration.ofMillis(100))
            .scheduleDelay(Duration.ofMillis(10))
            .build();
    TestSpans.spans(3).forEach(processor::onEnd);

    boolean flushed = processor.forceFlush(Duration.ofSeconds(5));

    assertThat(flushed).isFalse();
    assertThat(processor.metrics().spansFailed()).isEqualTo(3);
  }

  @Test
  void anExporterThatThrowsCountsFailedSpansAndExportGoesOn() {
    AtomicReference<Boolean> throwNext = new AtomicReference<>(true);
    RecordingExporter after = new RecordingExporter();
    SpanExporter flaky =
        new SpanExporter() {
          @Override
          public ExportResult export(Collection<SpanData> spans) {
            if (throwNext.getAndSet(false)) {
              throw new IllegalStateException("broken exporter");
            }
            return after.export(spans);
          }
        };
    processor = BatchSpanProcessor.builder(flaky).scheduleDelay(Duration.ofHours(1)).build();

    processor.onEnd(TestSpans.span("lost", Attributes.empty()));
    processor.forceFlush(Duration.ofSeconds(5));
    processor.onEnd(TestSpans.span("kept", Attributes.empty()));
    processor.forceFlush(Duration.ofSeconds(5));

    assertThat(after.spans()).extracting(SpanData::name).containsExactly("kept");
    assertThat(processor.metrics().spansFailed()).isEqualTo(1);
    assertThat(processor.metrics().spansExported()).isEqualTo(1);
  }

  @Test
  void spansFromManyThreadsAreEachExportedExactlyOnce() throws Exception {
    processor =
        BatchSpanProcessor.builder(exporter)
            .maxQueueSize(1 << 16)
            .maxExportBatchSize(256)
            .scheduleDelay(Duration.ofMillis(20))
            .build();
    int threads = 4;
    int perThread = 10_000;
    List<SpanData> spans = TestSpans.spans(threads * perThread);
    Thread[] producers = new Thread[threads];
    for (int t = 0; t < threads; t++) {
      int from = t * perThread;
      producers[t] =
          new Thread(() -> spans.subList(from, from + perThread).forEach(processor::onEnd));
      producers[t].start();
    }
    for (Thread producer : producers) {
      producer.join();
    }

    processor.forceFlush(Duration.ofSeconds(30));

    assertThat(exporter.spans()).hasSize(threads * perThread).doesNotHaveDuplicates();
    assertThat(processor.droppedSpans()).isZero();
  }

  @Test
  void aBackendThatKeepsFailingYieldsOneWarningPerIntervalNotOnePerBatch() {
    RecordingLogger log = new RecordingLogger("export");
    exporter.failing(true);
    processor =
        BatchSpanProcessor.builder(exporter)
            .maxExportBatchSize(1)
            .warningInterval(Duration.ofMinutes(1))
            .warningLogger(log)
            .build();

    for (int i = 0; i < 50; i++) {
      processor.onEnd(TestSpans.span("span-" + i, Attributes.empty()));
      processor.forceFlush(Duration.ofSeconds(5));
    }

    assertThat(processor.metrics().spansFailed()).isEqualTo(50);
    assertThat(log.messages())
        .containsExactly("WARN Export of 1 spans to " + exporter + " failed: told to fail");
  }

  /** An exporter whose calls block until released and ignore interrupts, as a silent backend. */
  private static final class SilentExporter implements SpanExporter {
    final CountDownLatch release = new CountDownLatch(1);
    final CountDownLatch firstCall = new CountDownLatch(1);

    @Override
    public ExportResult export(Collection<SpanData> spans) {
      firstCall.countDown();
      while (true) {
        try {
          release.await();
          return ExportResult.success();
        } catch (InterruptedException ignored) {
          // a silent backend ignores the watchdog
        }
      }
    }
  }

  @Test
  void dropsAreWarnedAboutWhileTheWorkerIsStuckWithTheirExactCountOncePerInterval()
      throws Exception {
    RecordingLogger log = new RecordingLogger("export");
    SilentExporter silent = new SilentExporter();
    processor =
        BatchSpanProcessor.builder(silent)
            .maxQueueSize(16)
            .maxQueuedBytes(1 << 20)
            .maxExportBatchSize(4)
            // Only a full batch starts an export, so the stuck first call holds exactly 4 spans
            // (with a short delay, a late producer could leave some of them in the queue).
            .scheduleDelay(Duration.ofHours(1))
            .exportTimeout(Duration.ofMinutes(1))
            .warningInterval(Duration.ofHours(1))
            .warningLogger(log)
            .build();
    TestSpans.spans(4).forEach(processor::onEnd);
    assertThat(silent.firstCall.await(10, TimeUnit.SECONDS)).isTrue();
    TestSpans.spans(16 + 30).forEach(processor::onEnd); // 16 fit, 30 are dropped
    long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
    while (log.messages().isEmpty() && System.nanoTime() - deadline < 0) {
      Thread.sleep(5);
    }
    TestSpans.spans(5).forEach(processor::onEnd); // within the interval: no line yet

    assertThat(log.messages())
        .containsExactly(
            "WARN Export queue of 16 spans and 1048576 bytes is full or shut down; dropped 30 spans since the last warning (30 in"
                + " all). The backend is slow or down, or the queue is too small.");
    silent.release.countDown();
    processor.shutdown(Duration.ofSeconds(10));
    assertThat(processor.droppedSpans()).isEqualTo(35);
    assertThat(log.messages()).hasSize(2);
    assertThat(log.messages().get(1))
        .contains("dropped 5 spans since the last warning (35 in all)");
  }

  @Test
  void aShutdownThatGivesUpCountsEverySpanOnceAndNoExporterCallStartsAfterIt() throws Exception {
    SilentExporter silent = new SilentExporter();
    CallCountingExporter counted = new CallCountingExporter(silent);
    processor =
        BatchSpanProcessor.builder(counted)
            .maxQueueSize(64)
            .maxExportBatchSize(8)
            // Only a full batch starts an export, so the stuck first call holds exactly 8 spans.
            .scheduleDelay(Duration.ofHours(1))
            .exportTimeout(Duration.ofMillis(50))
            .build();
    TestSpans.spans(8).forEach(processor::onEnd);
    assertThat(silent.firstCall.await(10, TimeUnit.SECONDS)).isTrue();
    TestSpans.spans(40).forEach(processor::onEnd);

    boolean clean = processor.shutdown(Duration.ofMillis(200));
    int callsAtShutdown = counted.calls();
    MetricsSnapshot atShutdown = processor.metrics();
    silent.release.countDown();
    Thread.sleep(300);

    assertThat(clean).isFalse();
    assertThat(atShutdown.spansFailed()).isEqualTo(8);
    assertThat(atShutdown.spansDropped()).isEqualTo(40);
    assertThat(atShutdown.spansExported()).isZero();
    assertThat(processor.metrics()).isEqualTo(atShutdown);
    assertThat(counted.calls()).isEqualTo(callsAtShutdown).isEqualTo(1);
  }

  @Test
  void aShutdownThatRunsOutOfTimeBetweenSlowExportsStartsNoFurtherCall() throws Exception {
    CallCountingExporter slow =
        new CallCountingExporter(
            new SpanExporter() {
              @Override
              public ExportResult export(Collection<SpanData> spans) {
                long until = System.nanoTime() + Duration.ofMillis(150).toNanos();
                while (System.nanoTime() - until < 0) {
                  try {
                    Thread.sleep(10);
                  } catch (InterruptedException ignored) {
                    // slow, not stuck: it finishes its work
                  }
                }
                return ExportResult.success();
              }
            });
    processor =
        BatchSpanProcessor.builder(slow)
            .maxQueueSize(256)
            .maxExportBatchSize(10)
            .scheduleDelay(Duration.ofHours(1))
            .build();
    TestSpans.spans(100).forEach(processor::onEnd);

    boolean clean = processor.shutdown(Duration.ofMillis(400));
    int callsAtShutdown = slow.calls();
    MetricsSnapshot atShutdown = processor.metrics();
    Thread.sleep(500);

    assertThat(clean).isFalse();
    assertThat(atShutdown.spansExported() + atShutdown.spansFailed() + atShutdown.spansDropped())
        .isEqualTo(100);
    assertThat(atShutdown.spansExported()).isPositive();
    assertThat(processor.metrics()).isEqualTo(atShutdown);
    assertThat(slow.calls()).isEqualTo(callsAtShutdown);
  }

  @Test
  void exportOutcomesReachTheMetricsGivenToTheBuilder() {
    TracingMetrics observed = TracingMetrics.create();
    exporter.failing(true);
    processor =
        BatchSpanProcessor.builder(exporter)
            .maxQueueSize(16)
            .maxExportBatchSize(16)
            .scheduleDelay(Duration.ofHours(1))
            .metrics(observed)
            .build();
    TestSpans.spans(3).forEach(processor::onEnd);
    processor.forceFlush(Duration.ofSeconds(5));
    exporter.failing(false);
    TestSpans.spans(5).forEach(processor::onEnd);
    processor.forceFlush(Duration.ofSeconds(5));
    processor.shutdown(Duration.ofSeconds(5));
    processor.onEnd(TestSpans.span("late", Attributes.empty()));

    MetricsSnapshot metrics = observed.snapshot();
    assertThat(metrics.spansFailed()).isEqualTo(3);
    assertThat(metrics.spansExported()).isEqualTo(5);
    assertThat(metrics.spansDropped()).isEqualTo(1);
    assertThat(metrics.exportBatchesFailed()).isEqualTo(1);
    assertThat(metrics.exportBatchesSucceeded()).isEqualTo(1);
  }

  private static final class RecordOnlySampler implements Sampler {
    @Override
    public SamplingDecision shouldSample(
        SpanContext parent,
        long traceIdHigh,
        long traceIdLow,
        String name,
        SpanKind kind,
        Attributes attributes) {
      return SamplingDecision.RECORD_ONLY;
    }

    @Override
    public String description() {
      return "RecordOnly";
    }
  }
}

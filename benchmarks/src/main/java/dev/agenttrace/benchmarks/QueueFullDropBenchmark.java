package dev.agenttrace.benchmarks;

import dev.agenttrace.metrics.TracingMetrics;
import dev.agenttrace.processing.BatchSpanProcessor;
import dev.agenttrace.spi.ExportResult;
import dev.agenttrace.spi.SpanData;
import dev.agenttrace.spi.SpanExporter;
import java.time.Duration;
import java.util.Collection;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * What a span costs the traced call when the backend is stuck and the batch processor's queue is
 * full, so that every span is dropped: run it with JMH's GC profiler ({@code -prof gc}); {@code
 * gc.alloc.rate.norm} must be 0 B/op. The drop is counted three times (the processor's own counter,
 * the pipeline counters and a {@link TracingMetrics} as export observer), as in production; the
 * warning about drops comes from the export watchdog, once a minute at most, not from the caller.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(
    value = 2,
    jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
public class QueueFullDropBenchmark {

  /** An exporter stuck in its first call until the trial ends, as a backend that never answers. */
  static final class StuckExporter implements SpanExporter {
    final CountDownLatch release = new CountDownLatch(1);

    @Override
    public ExportResult export(Collection<SpanData> spans) {
      try {
        release.await();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      return ExportResult.failure("stuck");
    }
  }

  @State(Scope.Benchmark)
  public static class FullQueue {
    StuckExporter exporter;
    BatchSpanProcessor processor;
    SpanData span;

    @Setup(Level.Trial)
    public void setUp() {
      exporter = new StuckExporter();
      processor =
          BatchSpanProcessor.builder(exporter)
              .maxQueueSize(64)
              .maxExportBatchSize(16)
              .scheduleDelay(Duration.ofMillis(1))
              .exportTimeout(Duration.ofHours(1))
              .metrics(TracingMetrics.create())
              .build();
      span = EndedSpans.toolCall();
      // Fill the queue behind the stuck export: from now on every span is dropped.
      for (int i = 0; i < 1_000; i++) {
        processor.onEnd(span);
      }
    }

    @TearDown(Level.Trial)
    public void tearDown() {
      long queued = processor.queueSize();
      exporter.release.countDown();
      processor.shutdown(Duration.ofSeconds(10));
      System.out.printf(
          "%n[agenttrace] queued %d of 64 while dropping, dropped %d%n",
          queued, processor.droppedSpans());
    }
  }

  @Benchmark
  public void dropSpan(FullQueue queue) {
    queue.processor.onEnd(queue.span);
  }
}

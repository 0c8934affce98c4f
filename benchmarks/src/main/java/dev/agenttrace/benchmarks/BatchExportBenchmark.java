package dev.agenttrace.benchmarks;

import dev.agenttrace.processing.BatchSpanProcessor;
import dev.agenttrace.spi.SpanData;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.AuxCounters;
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
 * How many ended spans per second the batch processor carries from producers to an exporter (one
 * that reads every span as an encoder would), with the default queue of 2,048 spans and batches of
 * 512.
 *
 * <p>A producer hands a span over only when the queue has room, as a steady producer at the
 * pipeline's capacity would; so the score is the rate the pipeline sustains, and the {@code
 * dropped} counter (which must stay 0) proves nothing was lost on the way.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(
    value = 2,
    jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
public class BatchExportBenchmark {

  @State(Scope.Benchmark)
  public static class Pipeline {
    ReadingSpanExporter exporter;
    BatchSpanProcessor processor;
    long capacity;
    SpanData span;

    @Setup(Level.Trial)
    public void setUp() throws InterruptedException {
      exporter = new ReadingSpanExporter();
      processor = BatchSpanProcessor.builder(exporter).build();
      capacity = 2048;
      span = EndedSpans.toolCall();
    }

    @TearDown(Level.Trial)
    public void tearDown() {
      processor.shutdown(Duration.ofSeconds(10));
      System.out.printf(
          "%n[agenttrace] exported %d spans, dropped %d%n",
          exporter.exported.sum(), processor.droppedSpans());
    }
  }

  /** Spans the processor dropped during the iteration; must be 0. */
  @State(Scope.Thread)
  @AuxCounters(AuxCounters.Type.EVENTS)
  public static class Dropped {
    public long dropped;
  }

  @Benchmark
  public void exportSpan(Pipeline pipeline, Dropped outcome) {
    BatchSpanProcessor processor = pipeline.processor;
    // Leave one slot per possible producer, so two producers cannot both take the last one.
    while (processor.queueSize() >= pipeline.capacity - 2) {
      Thread.onSpinWait();
    }
    long before = processor.droppedSpans();
    processor.onEnd(pipeline.span);
    if (processor.droppedSpans() != before) {
      outcome.dropped++;
    }
  }
}

package dev.agenttrace.metrics;

import static java.util.Objects.requireNonNull;

import dev.agenttrace.spi.ReadWriteSpan;
import dev.agenttrace.spi.SpanData;
import dev.agenttrace.spi.SpanProcessor;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.LongSupplier;

/**
 * The tracing pipeline's own counters: how many spans were started, ended, exported, failed to
 * export and were dropped, how many wait in queues and how many are still open. Thread-safe and
 * cheap to update; read a consistent-enough copy with {@link #snapshot()}.
 *
 * <pre>{@code
 * PipelineMetrics metrics = new PipelineMetrics();
 * TracerSdk tracer = TracerSdk.builder()
 *     .addSpanProcessor(metrics.spanCounter())
 *     .addSpanProcessor(BatchSpanProcessor.builder(exporter).metrics(metrics).build())
 *     .build();
 * ...
 * logger.info("{}", metrics.snapshot());
 * }</pre>
 */
public final class PipelineMetrics {
  private final LongAdder started = new LongAdder();
  private final LongAdder ended = new LongAdder();
  private final LongAdder exported = new LongAdder();
  private final LongAdder failed = new LongAdder();
  private final LongAdder dropped = new LongAdder();
  private final List<LongSupplier> queueSizes = new CopyOnWriteArrayList<>();
  private final SpanProcessor spanCounter = new SpanCounter();

  /**
   * A processor that counts spans started and ended (so also the active ones); add it to the tracer
   * first.
   */
  public SpanProcessor spanCounter() {
    return spanCounter;
  }

  /** Counts {@code count} spans that reached the backend. */
  public void recordExported(long count) {
    exported.add(count);
  }

  /** Counts {@code count} spans the backend did not take (an export that failed or timed out). */
  public void recordFailed(long count) {
    failed.add(count);
  }

  /** Counts {@code count} spans dropped before export (full queue, processor shut down). */
  public void recordDropped(long count) {
    dropped.add(count);
  }

  /** Adds a queue whose size {@link MetricsSnapshot#queueSize()} sums up. */
  public void registerQueue(LongSupplier size) {
    queueSizes.add(requireNonNull(size, "size"));
  }

  /** The counters now. */
  public MetricsSnapshot snapshot() {
    long queued = 0;
    for (LongSupplier size : queueSizes) {
      queued += size.getAsLong();
    }
    long endedNow = ended.sum();
    long startedNow = started.sum();
    return new MetricsSnapshot(
        startedNow,
        endedNow,
        exported.sum(),
        failed.sum(),
        dropped.sum(),
        queued,
        Math.max(0, startedNow - endedNow));
  }

  @Override
  public String toString() {
    return snapshot().toString();
  }

  private final class SpanCounter implements SpanProcessor {
    @Override
    public void onStart(ReadWriteSpan span) {
      started.increment();
    }

    @Override
    public void onEnd(SpanData span) {
      ended.increment();
    }

    @Override
    public String toString() {
      return "PipelineMetrics.spanCounter";
    }
  }
}

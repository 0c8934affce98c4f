package dev.agenttrace.metrics;

import dev.agenttrace.SpanContext;
import dev.agenttrace.StatusCode;
import dev.agenttrace.spi.ReadWriteSpan;
import dev.agenttrace.spi.SpanData;
import dev.agenttrace.spi.SpanProcessor;
import java.util.concurrent.atomic.LongAdder;

/**
 * Counts what tracing does: traces, spans started, ended and still running, failures, span
 * durations, and (as the {@link ExportObserver} of an exporter or batch processor) what was
 * exported, failed or dropped. Lock-free; memory is fixed.
 *
 * <pre>{@code
 * TracingMetrics metrics = new TracingMetrics();
 * TracerSdk tracer = TracerSdk.builder().addSpanProcessor(metrics).addSpanProcessor(export).build();
 * // the exporter reports into metrics through ExportObserver
 * TracingMetricsSnapshot now = metrics.snapshot();
 * String scrape = PrometheusTextFormat.write(now, latency);
 * }</pre>
 *
 * <p>Add it as a processor of its own, in front of any tail sampler, so that it sees every recorded
 * span; spans a head sampler dropped are never seen by any processor.
 */
public final class TracingMetrics implements SpanProcessor, ExportObserver {
  private final LongAdder traces = new LongAdder();
  private final LongAdder spansStarted = new LongAdder();
  private final LongAdder spansEnded = new LongAdder();
  private final LongAdder errorSpans = new LongAdder();
  private final LatencyHistogram spanDurations = new LatencyHistogram();
  private final LongAdder batchesSucceeded = new LongAdder();
  private final LongAdder batchesFailed = new LongAdder();
  private final LongAdder spansExported = new LongAdder();
  private final LongAdder spansFailed = new LongAdder();
  private final LongAdder spansDropped = new LongAdder();

  @Override
  public void onStart(ReadWriteSpan span) {
    spansStarted.increment();
  }

  @Override
  public void onEnd(SpanData span) {
    spansEnded.increment();
    spanDurations.record(span.durationNanos());
    SpanContext parent = span.parentSpanContext();
    if (!parent.isValid() || parent.isRemote()) {
      traces.increment();
    }
    if (span.statusCode() == StatusCode.ERROR) {
      errorSpans.increment();
    }
  }

  @Override
  public void exportSucceeded(int spans) {
    batchesSucceeded.increment();
    spansExported.add(spans);
  }

  @Override
  public void exportFailed(int spans) {
    batchesFailed.increment();
    spansFailed.add(spans);
  }

  @Override
  public void spansDropped(int spans) {
    spansDropped.add(spans);
  }

  /** The counts now. */
  public TracingMetricsSnapshot snapshot() {
    long ended = spansEnded.sum();
    long started = spansStarted.sum();
    return new TracingMetricsSnapshot(
        traces.sum(),
        started,
        ended,
        Math.max(0, started - ended),
        errorSpans.sum(),
        spanDurations.snapshot(),
        batchesSucceeded.sum(),
        batchesFailed.sum(),
        spansExported.sum(),
        spansFailed.sum(),
        spansDropped.sum());
  }

  @Override
  public String toString() {
    return "TracingMetrics" + snapshot();
  }
}

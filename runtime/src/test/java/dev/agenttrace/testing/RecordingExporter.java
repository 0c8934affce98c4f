package dev.agenttrace.testing;

import dev.agenttrace.spi.ExportResult;
import dev.agenttrace.spi.SpanData;
import dev.agenttrace.spi.SpanExporter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/** An exporter for tests: keeps what it got, and can be told to fail or to hang. */
public final class RecordingExporter implements SpanExporter {
  private final List<SpanData> spans = new ArrayList<>();
  private final List<Integer> batchSizes = new ArrayList<>();
  private volatile boolean failing;
  private volatile CountDownLatch gate;
  private volatile boolean shutdown;
  private int flushes;

  @Override
  public ExportResult export(Collection<SpanData> batch) {
    CountDownLatch blocker = gate;
    if (blocker != null) {
      try {
        blocker.await();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return ExportResult.failure("interrupted");
      }
    }
    if (failing) {
      return ExportResult.failure("told to fail");
    }
    synchronized (this) {
      spans.addAll(batch);
      batchSizes.add(batch.size());
      notifyAll();
    }
    return ExportResult.success();
  }

  /** Makes exports fail (true) or succeed (false). */
  public void failing(boolean failing) {
    this.failing = failing;
  }

  /** Makes every export wait until {@link #release()}. */
  public void hang() {
    gate = new CountDownLatch(1);
  }

  /** Lets waiting and later exports go on. */
  public void release() {
    CountDownLatch blocker = gate;
    gate = null;
    if (blocker != null) {
      blocker.countDown();
    }
  }

  public synchronized List<SpanData> spans() {
    return List.copyOf(spans);
  }

  public synchronized List<Integer> batchSizes() {
    return List.copyOf(batchSizes);
  }

  public synchronized List<SpanData> awaitSpans(int count, Duration timeout)
      throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (spans.size() < count && deadline - System.nanoTime() > 0) {
      TimeUnit.NANOSECONDS.timedWait(this, Math.max(1, deadline - System.nanoTime()));
    }
    return List.copyOf(spans);
  }

  @Override
  public synchronized ExportResult flush() {
    flushes++;
    return ExportResult.success();
  }

  public synchronized int flushes() {
    return flushes;
  }

  @Override
  public ExportResult shutdown() {
    shutdown = true;
    return ExportResult.success();
  }

  public boolean isShutdown() {
    return shutdown;
  }
}

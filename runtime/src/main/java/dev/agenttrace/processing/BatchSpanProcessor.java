package dev.agenttrace.processing;

import static java.util.Objects.requireNonNull;

import dev.agenttrace.SpanData;
import dev.agenttrace.export.ExportResult;
import dev.agenttrace.export.RateLimitedLogger;
import dev.agenttrace.export.SpanExporter;
import dev.agenttrace.metrics.MetricsSnapshot;
import dev.agenttrace.metrics.PipelineMetrics;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Hands ended, sampled spans to an exporter in batches, from a background worker, so that the
 * traced call never waits for a backend.
 *
 * <p>Guarantees:
 *
 * <ul>
 *   <li>{@link #onEnd} never blocks, never throws and allocates nothing: the span goes into a
 *       preallocated ring buffer of {@code maxQueueSize} slots; when it is full the span is dropped
 *       and counted ({@link #droppedSpans()}, with a rate-limited warning).
 *   <li>One daemon worker exports a batch when {@code maxExportBatchSize} spans are waiting or
 *       {@code scheduleDelay} has passed since the last export. Each export may take at most {@code
 *       exportTimeout}; a slower one is abandoned and its spans counted as failed. While an
 *       abandoned export still runs, new batches fail at once instead of piling up, so memory stays
 *       bounded whatever the backend does.
 *   <li>{@link #forceFlush} and {@link #shutdown} export everything queued when they were called,
 *       within their timeout. After shutdown, spans are dropped and counted.
 *   <li>Only spans whose context is sampled are exported; recorded-only spans are skipped.
 * </ul>
 *
 * <pre>{@code
 * BatchSpanProcessor batch = BatchSpanProcessor.builder(zipkinExporter)
 *     .maxQueueSize(8192)
 *     .scheduleDelay(Duration.ofSeconds(1))
 *     .registerShutdownHook(true)
 *     .build();
 * }</pre>
 */
public final class BatchSpanProcessor implements SpanProcessor {
  private static final Logger logger = LoggerFactory.getLogger(BatchSpanProcessor.class);

  private final SpanExporter exporter;
  private final SpanRingBuffer queue;
  private final int maxExportBatchSize;
  private final long scheduleDelayNanos;
  private final long exportTimeoutNanos;
  private final PipelineMetrics metrics;
  private final RateLimitedLogger warnings;
  private final Thread worker;
  private final ExecutorService exportThread;
  private final Thread shutdownHook;
  private final ConcurrentLinkedQueue<CompletableFuture<Boolean>> flushRequests =
      new ConcurrentLinkedQueue<>();
  private final AtomicBoolean workerParked = new AtomicBoolean();
  private final AtomicBoolean shutdownStarted = new AtomicBoolean();
  private final AtomicLong dropped = new AtomicLong();
  private volatile boolean acceptingSpans = true;
  private volatile boolean stopWorker;

  /** The worker wakes early once this many spans wait in the queue. */
  private volatile long wakeThreshold;

  private volatile Future<ExportResult> runningExport;

  /** The batch being filled; only the worker touches it. */
  private List<SpanData> batch;

  private BatchSpanProcessor(Builder builder) {
    this.exporter = builder.exporter;
    this.queue = new SpanRingBuffer(builder.maxQueueSize);
    this.maxExportBatchSize = builder.maxExportBatchSize;
    this.scheduleDelayNanos = builder.scheduleDelay.toNanos();
    this.exportTimeoutNanos = builder.exportTimeout.toNanos();
    this.metrics = builder.metrics == null ? new PipelineMetrics() : builder.metrics;
    this.warnings = new RateLimitedLogger(logger, builder.warningInterval);
    this.wakeThreshold = maxExportBatchSize;
    this.batch = new ArrayList<>(maxExportBatchSize);
    this.metrics.registerQueue(queue::size);
    this.exportThread =
        Executors.newSingleThreadExecutor(
            task ->
                daemon(task, "agenttrace-export-" + builder.exporter.getClass().getSimpleName()));
    this.worker = daemon(this::work, "agenttrace-batch-span-processor");
    this.worker.start();
    if (builder.registerShutdownHook) {
      shutdownHook = new Thread(this::shutdownFromHook, "agenttrace-shutdown");
      Runtime.getRuntime().addShutdownHook(shutdownHook);
    } else {
      shutdownHook = null;
    }
  }

  private static Thread daemon(Runnable task, String name) {
    Thread thread = new Thread(task, name);
    thread.setDaemon(true);
    return thread;
  }

  /** A builder exporting to {@code exporter}, with OpenTelemetry's defaults. */
  public static Builder builder(SpanExporter exporter) {
    return new Builder(requireNonNull(exporter, "exporter"));
  }

  @Override
  public void onEnd(SpanData span) {
    if (!span.spanContext().isSampled()) {
      return;
    }
    if (!acceptingSpans) {
      drop();
      return;
    }
    if (!queue.offer(span)) {
      drop();
      return;
    }
    if (workerParked.get()
        && queue.size() >= wakeThreshold
        && workerParked.compareAndSet(true, false)) {
      LockSupport.unpark(worker);
    }
  }

  private void drop() {
    dropped.incrementAndGet();
    metrics.recordDropped(1);
    warnings.warn(
        "Export queue of {} spans is full or shut down; dropping spans ({} dropped so far)."
            + " The backend is slow or down, or the queue is too small.",
        queue.capacity(),
        dropped.get());
  }

  /** Spans dropped because the queue was full or the processor shut down. */
  public long droppedSpans() {
    return dropped.get();
  }

  /** Spans waiting in the queue. */
  public long queueSize() {
    return queue.size();
  }

  /** The counters this processor updates (shared when given to the builder). */
  public MetricsSnapshot metrics() {
    return metrics.snapshot();
  }

  @Override
  public boolean forceFlush(Duration timeout) {
    if (!worker.isAlive()) {
      return queue.size() == 0;
    }
    CompletableFuture<Boolean> request = new CompletableFuture<>();
    flushRequests.add(request);
    wakeWorker();
    try {
      return request.get(timeout.toNanos(), TimeUnit.NANOSECONDS);
    } catch (TimeoutException e) {
      logger.warn("Flush did not finish within {}; {} spans still queued", timeout, queue.size());
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    } catch (ExecutionException e) {
      return false;
    }
  }

  @Override
  public boolean shutdown(Duration timeout) {
    if (!shutdownStarted.compareAndSet(false, true)) {
      return true;
    }
    if (shutdownHook != null && Thread.currentThread() != shutdownHook) {
      try {
        Runtime.getRuntime().removeShutdownHook(shutdownHook);
      } catch (IllegalStateException alreadyShuttingDown) {
        // The hook runs or ran; nothing to remove.
      }
    }
    long deadline = System.nanoTime() + timeout.toNanos();
    acceptingSpans = false;
    boolean flushed = forceFlush(timeout);
    stopWorker = true;
    wakeWorker();
    try {
      worker.join(Math.max(1, remainingMillis(deadline)));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    boolean exporterDone = callExporter(exporter::shutdown, remainingNanos(deadline)).isSuccess();
    exportThread.shutdownNow();
    long left = queue.size();
    if (left > 0) {
      dropped.addAndGet(left);
      metrics.recordDropped(left);
    }
    logger.debug("Span export to {} shut down: {}", exporter, metrics.snapshot());
    return flushed && exporterDone;
  }

  private void shutdownFromHook() {
    shutdown(Duration.ofNanos(exportTimeoutNanos));
  }

  private void wakeWorker() {
    workerParked.set(false);
    LockSupport.unpark(worker);
  }

  private void work() {
    long nextExport = System.nanoTime() + scheduleDelayNanos;
    while (true) {
      CompletableFuture<Boolean> flush = flushRequests.poll();
      if (flush != null) {
        flushQueued(flush);
        nextExport = System.nanoTime() + scheduleDelayNanos;
        continue;
      }
      if (stopWorker) {
        return;
      }
      queue.drainTo(batch, maxExportBatchSize - batch.size());
      long now = System.nanoTime();
      if (batch.size() >= maxExportBatchSize || (!batch.isEmpty() && now - nextExport >= 0)) {
        exportBatch();
        nextExport = System.nanoTime() + scheduleDelayNanos;
        continue;
      }
      if (batch.isEmpty() && now - nextExport >= 0) {
        nextExport = now + scheduleDelayNanos;
      }
      wakeThreshold = Math.max(1, maxExportBatchSize - batch.size());
      workerParked.set(true);
      if (queue.size() >= wakeThreshold || !flushRequests.isEmpty() || stopWorker) {
        workerParked.set(false);
        continue;
      }
      LockSupport.parkNanos(this, nextExport - now);
      workerParked.set(false);
    }
  }

  /** Exports what was queued when the flush was asked for, then completes every waiting request. */
  private void flushQueued(CompletableFuture<Boolean> request) {
    long toTake = queue.size();
    boolean allExported = true;
    while (toTake > 0 || !batch.isEmpty()) {
      int taken = queue.drainTo(batch, (int) Math.min(maxExportBatchSize - batch.size(), toTake));
      toTake -= taken;
      if (batch.size() < maxExportBatchSize && toTake > 0) {
        if (taken == 0) {
          Thread.onSpinWait(); // a producer claimed a slot and is about to publish into it
        }
        continue;
      }
      allExported &= exportBatch();
    }
    allExported &= callExporter(exporter::flush, exportTimeoutNanos).isSuccess();
    request.complete(allExported);
    CompletableFuture<Boolean> more;
    while ((more = flushRequests.poll()) != null) {
      more.complete(allExported);
    }
  }

  /** Exports and empties {@link #batch}; returns whether the backend took it. */
  private boolean exportBatch() {
    int size = batch.size();
    List<SpanData> view = Collections.unmodifiableList(batch);
    ExportResult result = callExporter(() -> exporter.export(view), exportTimeoutNanos);
    if (result.isSuccess()) {
      metrics.recordExported(size);
    } else {
      metrics.recordFailed(size);
      if (result.cause() != null) {
        warnings.warn(
            "Export of {} spans to {} failed: {}", size, exporter, result.reason(), result.cause());
      } else {
        warnings.warn("Export of {} spans to {} failed: {}", size, exporter, result.reason());
      }
    }
    Future<ExportResult> running = runningExport;
    if (running != null && !running.isDone()) {
      batch =
          new ArrayList<>(maxExportBatchSize); // the abandoned export may still read the old one
    } else {
      batch.clear();
    }
    return result.isSuccess();
  }

  private ExportResult callExporter(Callable<ExportResult> call, long nanos) {
    Future<ExportResult> running = runningExport;
    if (running != null && !running.isDone()) {
      return ExportResult.failure("the previous export has not returned yet");
    }
    Future<ExportResult> future;
    try {
      future = exportThread.submit(call);
    } catch (RejectedExecutionException e) {
      return ExportResult.failure("the export thread has stopped");
    }
    runningExport = future;
    try {
      ExportResult result = future.get(Math.max(0, nanos), TimeUnit.NANOSECONDS);
      return result == null ? ExportResult.failure("the exporter returned null") : result;
    } catch (TimeoutException e) {
      future.cancel(true);
      return ExportResult.failure(
          "no answer within the export timeout of " + Duration.ofNanos(exportTimeoutNanos));
    } catch (ExecutionException e) {
      return ExportResult.failure("the exporter threw " + e.getCause(), e.getCause());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return ExportResult.failure("interrupted");
    }
  }

  private static long remainingNanos(long deadline) {
    return Math.max(0, deadline - System.nanoTime());
  }

  private static long remainingMillis(long deadline) {
    return TimeUnit.NANOSECONDS.toMillis(remainingNanos(deadline));
  }

  @Override
  public String toString() {
    return "BatchSpanProcessor{" + exporter + ", queued=" + queue.size() + '}';
  }

  /** Builds a {@link BatchSpanProcessor}. */
  public static final class Builder {
    private final SpanExporter exporter;
    private int maxQueueSize = 2048;
    private int maxExportBatchSize = 512;
    private Duration scheduleDelay = Duration.ofSeconds(5);
    private Duration exportTimeout = Duration.ofSeconds(30);
    private Duration warningInterval = Duration.ofMinutes(1);
    private PipelineMetrics metrics;
    private boolean registerShutdownHook;

    private Builder(SpanExporter exporter) {
      this.exporter = exporter;
    }

    /** Spans that may wait for export (rounded up to a power of two); default 2048. */
    public Builder maxQueueSize(int maxQueueSize) {
      if (maxQueueSize < 1) {
        throw new IllegalArgumentException("maxQueueSize must be positive: " + maxQueueSize);
      }
      this.maxQueueSize = maxQueueSize;
      return this;
    }

    /** Spans per export call at most; default 512. */
    public Builder maxExportBatchSize(int maxExportBatchSize) {
      if (maxExportBatchSize < 1) {
        throw new IllegalArgumentException(
            "maxExportBatchSize must be positive: " + maxExportBatchSize);
      }
      this.maxExportBatchSize = maxExportBatchSize;
      return this;
    }

    /** The longest a span waits for a batch to fill; default 5 s. */
    public Builder scheduleDelay(Duration scheduleDelay) {
      this.scheduleDelay = positive(scheduleDelay, "scheduleDelay");
      return this;
    }

    /** The longest one export call may take before it is abandoned; default 30 s. */
    public Builder exportTimeout(Duration exportTimeout) {
      this.exportTimeout = positive(exportTimeout, "exportTimeout");
      return this;
    }

    /** At most one warning about drops or failures per interval; default one minute. */
    public Builder warningInterval(Duration warningInterval) {
      this.warningInterval = requireNonNull(warningInterval, "warningInterval");
      return this;
    }

    /** Counters to update, shared with other parts of the pipeline; a private set by default. */
    public Builder metrics(PipelineMetrics metrics) {
      this.metrics = requireNonNull(metrics, "metrics");
      return this;
    }

    /** Whether JVM shutdown flushes and shuts this processor down; off by default. */
    public Builder registerShutdownHook(boolean registerShutdownHook) {
      this.registerShutdownHook = registerShutdownHook;
      return this;
    }

    /** The processor; its worker thread starts now. */
    public BatchSpanProcessor build() {
      if (maxExportBatchSize > maxQueueSize) {
        maxExportBatchSize = maxQueueSize;
      }
      return new BatchSpanProcessor(this);
    }

    private static Duration positive(Duration duration, String name) {
      requireNonNull(duration, name);
      if (duration.isNegative() || duration.isZero()) {
        throw new IllegalArgumentException(name + " must be positive: " + duration);
      }
      return duration;
    }
  }
}

package dev.agenttrace.processing;

import static java.util.Objects.requireNonNull;

import dev.agenttrace.metrics.MetricsSnapshot;
import dev.agenttrace.metrics.TracingMetrics;
import dev.agenttrace.spi.ExportResult;
import dev.agenttrace.spi.SpanData;
import dev.agenttrace.spi.SpanExporter;
import dev.agenttrace.spi.SpanProcessor;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Hands ended, sampled spans to an exporter in batches, from a background worker, so that the
 * traced call never waits for a backend.
 *
 * <p>Guarantees:
 *
 * <ul>
 *   <li>{@link #onEnd} never blocks, never throws and allocates nothing, also when it drops: the
 *       span goes into a preallocated ring buffer of {@code maxQueueSize} slots; when it is full
 *       the span is dropped and counted ({@link #droppedSpans()}). The watchdog thread, not the
 *       caller, warns about drops: within its tick (at most 100 ms) of the first, then at most once
 *       per {@code warningInterval}, each warning with the exact number dropped since the last;
 *       shutdown writes the last one, so the warnings' numbers add up to all drops.
 *   <li><b>Bounded in bytes too:</b> a span holding more than {@value #LIGHT_SPAN_BYTES} bytes
 *       ({@link SpanData#approximateSize()}, say a model call with captured messages) also takes
 *       its size from {@code maxQueuedBytes}, 1 % of the maximum heap by default (as Zipkin's
 *       {@code AsyncReporter}); past it such spans are dropped and counted like the rest. So a full
 *       queue holds at most {@code maxQueueSize} light spans plus {@code maxQueuedBytes} of heavy
 *       ones, and ordinary spans pay no shared counter.
 *   <li>One daemon worker exports a batch when {@code maxExportBatchSize} spans are waiting or
 *       {@code scheduleDelay} has passed since the last export. While spans flow it checks the
 *       queue every millisecond by itself, so producers need not pay for waking it (they do only
 *       when the queue is half full). Exports run one at a time on that worker. When an export call
 *       overstays {@code exportTimeout}, the worker thread is interrupted; an exporter that honours
 *       the interrupt returns, and a failed result is then counted as failed with "no answer within
 *       the export timeout". An exporter that ignores the interrupt keeps the worker busy until it
 *       returns: meanwhile no other batch is exported, new spans wait in the queue and, once it is
 *       full, are dropped and counted, so memory stays bounded and traced calls never wait.
 *   <li><b>Exact accounting:</b> every sampled span handed to {@link #onEnd} ends up in exactly one
 *       of exported, failed and dropped ({@link #metrics()}, counted in the {@link TracingMetrics}
 *       given to the builder), and once {@link #shutdown} has returned the three add up to all of
 *       them.
 *   <li>{@link #forceFlush} and {@link #shutdown} export everything queued when they were called,
 *       within their timeout. After shutdown, spans are dropped and counted.
 *   <li><b>After {@link #shutdown} returns, no exporter call starts.</b> If the worker is still
 *       busy when the timeout runs out, shutdown gives up on it: a batch still inside the exporter
 *       is counted failed (and not counted again if the call ever returns), the spans still queued
 *       are counted dropped, and the exporter's own {@code shutdown} is not called, since it would
 *       start after this method returned; the stuck call keeps only its daemon thread.
 *   <li>Only spans whose context is sampled are exported; recorded-only spans are skipped.
 * </ul>
 *
 * <pre>{@code
 * BatchSpanProcessor batch = BatchSpanProcessor.builder(zipkinExporter)
 *     .maxQueueSize(32_768)
 *     .scheduleDelay(Duration.ofSeconds(1))
 *     .metrics(tracingMetrics)                 // export outcomes into the self-metrics
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
  private final TracingMetrics metrics;
  private final RateLimitedLogger warnings;
  private final Logger warningLogger;
  private final Thread worker;
  private final Thread watchdog;
  private final long watchdogIntervalNanos;
  private final Thread shutdownHook;
  private final ConcurrentLinkedQueue<CompletableFuture<Boolean>> flushRequests =
      new ConcurrentLinkedQueue<>();
  private final AtomicBoolean workerParked = new AtomicBoolean();
  private final AtomicBoolean shutdownStarted = new AtomicBoolean();
  private final AtomicLong dropped = new AtomicLong();

  /** Paces the drop warnings, whose lines carry their own counts. */
  private final RateLimitedLogger dropWarnings;

  private final Object dropReportLock = new Object();

  /** Drops a warning has reported, or that another warning covers; guarded by dropReportLock. */
  private long droppedReported;

  /**
   * Spans estimated above this many bytes count against {@code maxQueuedBytes}; smaller ones only
   * take a slot, so the common span pays no shared counter.
   */
  static final long LIGHT_SPAN_BYTES = 1024;

  private final long maxQueuedBytes;

  /** The estimated bytes of the heavy spans that wait in the queue. */
  private final AtomicLong queuedHeavyBytes = new AtomicLong();

  private volatile boolean acceptingSpans = true;
  private volatile boolean stopWorker;
  private volatile boolean exporterShutDown;

  /** The worker wakes early once this many spans wait in the queue. */
  private volatile long wakeThreshold;

  private volatile boolean watchdogStopped;
  private final Object exportLock = new Object();
  // Guarded by exportLock: whether the worker is inside an exporter call, until when it may stay,
  // and whether the watchdog interrupted that call.
  private boolean exporting;
  private int spansInFlight;
  private long exportDeadline;
  private boolean exportInterrupted;
  // Also guarded by exportLock: whether shutdown gave up on the worker (no exporter call may
  // start from then on), and whether the shutdown thread counted what the worker still held.
  private boolean abandoned;
  private boolean accountedByShutdown;

  /** What the worker counted as dropped when it stopped after shutdown gave up on it. */
  private volatile long droppedWhenStopped;

  /** Thrown inside the worker when shutdown gave up on it; the worker then stops. */
  private static final class Abandoned extends RuntimeException {
    private static final long serialVersionUID = 1L;

    Abandoned() {
      super("shutdown gave up on the export worker", null, false, false);
    }
  }

  private static final Abandoned ABANDONED = new Abandoned();

  /** How long shutdown waits for a worker that is not inside an exporter call to stop. */
  private static final long WORKER_GRACE_MILLIS = 1_000;

  /** How often the worker looks at the queue by itself while spans flow. */
  private static final long BUSY_POLL_NANOS = TimeUnit.MILLISECONDS.toNanos(1);

  /** How long after the last full batch spans count as flowing. */
  private static final long FLOWING_WINDOW_NANOS = TimeUnit.MILLISECONDS.toNanos(50);

  /** When the worker last exported a full batch; only the worker touches it. */
  private long lastFullBatchNanos = System.nanoTime() - FLOWING_WINDOW_NANOS;

  /** The batch being filled; only the worker touches it. */
  private List<SpanData> batch;

  private BatchSpanProcessor(Builder builder) {
    this.exporter = builder.exporter;
    this.queue = new SpanRingBuffer(builder.maxQueueSize);
    this.maxExportBatchSize = builder.maxExportBatchSize;
    this.maxQueuedBytes = builder.maxQueuedBytes;
    this.scheduleDelayNanos = builder.scheduleDelay.toNanos();
    this.exportTimeoutNanos = builder.exportTimeout.toNanos();
    this.metrics =
        builder.metrics == null
            ? TracingMetrics.builder().genAiMetrics(false).operationLatency(false).build()
            : builder.metrics;
    this.warnings = new RateLimitedLogger(builder.warningLogger, builder.warningInterval);
    this.warningLogger = builder.warningLogger;
    this.dropWarnings = new RateLimitedLogger(builder.warningLogger, builder.warningInterval);
    this.wakeThreshold = maxExportBatchSize;
    this.batch = new ArrayList<>(maxExportBatchSize);
    this.metrics.registerQueue(queue::size);
    this.watchdogIntervalNanos =
        Math.max(
            TimeUnit.MILLISECONDS.toNanos(1),
            Math.min(exportTimeoutNanos / 10, TimeUnit.MILLISECONDS.toNanos(100)));
    this.worker = daemon(this::work, "agenttrace-batch-span-processor");
    this.watchdog = daemon(this::watch, "agenttrace-export-watchdog");
    this.worker.start();
    this.watchdog.start();
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

  /** A builder exporting to {@code exporter}, with OpenTelemetry's defaults but a larger queue. */
  public static Builder builder(SpanExporter exporter) {
    return new Builder(requireNonNull(exporter, "exporter"));
  }

  /** Nothing to do at start: spans are queued when they end. */
  @Override
  public boolean isStartRequired() {
    return false;
  }

  @Override
  public void onEnd(SpanData span) {
    if (!span.isSampled()) {
      return;
    }
    if (!acceptingSpans) {
      drop();
      reportDrops(false); // no watchdog runs any more
      return;
    }
    long heavyBytes = heavyBytes(span);
    if (heavyBytes > 0 && !reserve(heavyBytes)) {
      drop();
      return;
    }
    if (!queue.offer(span)) {
      if (heavyBytes > 0) {
        queuedHeavyBytes.addAndGet(-heavyBytes);
      }
      drop();
      return;
    }
    if (workerParked.get()
        && queue.size() >= wakeThreshold
        && workerParked.compareAndSet(true, false)) {
      LockSupport.unpark(worker);
    }
  }

  /** The span's estimated size if it counts against {@code maxQueuedBytes}, else 0. */
  private static long heavyBytes(SpanData span) {
    long size = span.approximateSize();
    return size > LIGHT_SPAN_BYTES ? size : 0;
  }

  /** Takes {@code bytes} from the byte budget, unless that would exceed it. */
  private boolean reserve(long bytes) {
    long queued;
    do {
      queued = queuedHeavyBytes.get();
      if (queued + bytes > maxQueuedBytes) {
        return false;
      }
    } while (!queuedHeavyBytes.compareAndSet(queued, queued + bytes));
    return true;
  }

  /**
   * Moves up to {@code max} queued spans into {@link #batch} and gives the heavy ones' bytes back
   * to the budget. A producer reserves before it publishes, so a drained heavy span's bytes are
   * always seen here, and when none are reserved the spans need not be looked at.
   */
  private int drain(int max) {
    int from = batch.size();
    int taken = queue.drainTo(batch, max);
    if (taken > 0 && queuedHeavyBytes.get() > 0) {
      long released = 0;
      for (int i = from, end = batch.size(); i < end; i++) {
        released += heavyBytes(batch.get(i));
      }
      if (released > 0) {
        queuedHeavyBytes.addAndGet(-released);
      }
    }
    return taken;
  }

  /**
   * Counts one dropped span: two counter increments and nothing else on the caller's thread. The
   * warning about it comes from the watchdog ({@link #reportDrops}), so that a caller whose spans
   * are being dropped does not also pay for a clock read per span.
   */
  private void drop() {
    dropped.incrementAndGet();
    metrics.recordDropped(1);
  }

  /**
   * Counts spans dropped when shutdown or the stopping worker gave up on them; a warning of their
   * own reports them, so the drop warnings leave them out.
   */
  private void recordDropped(long count) {
    if (count > 0) {
      synchronized (dropReportLock) {
        dropped.addAndGet(count);
        droppedReported += count;
      }
      metrics.recordDropped(count);
    }
  }

  /**
   * Writes one warning for the spans dropped since the last one, with their exact number, unless
   * one was written within the warning interval ({@code always} overrides that, for shutdown). So
   * every dropped span is in exactly one warning's count once shutdown has returned, and a backend
   * that is down for an hour writes one line per interval.
   */
  private void reportDrops(boolean always) {
    synchronized (dropReportLock) {
      long total = dropped.get();
      long fresh = total - droppedReported;
      if (fresh <= 0) {
        return;
      }
      if (!dropWarnings.due() && !always) {
        return;
      }
      warningLogger.warn(
          "Export queue of {} spans and {} bytes is full or shut down; dropped {} spans since the"
              + " last warning ({} in all). The backend is slow or down, or the queue is too small.",
          queue.capacity(),
          maxQueuedBytes,
          fresh,
          total);
      droppedReported = total;
    }
  }

  private void recordExported(int count) {
    metrics.recordExported(count);
  }

  private void recordFailed(int count) {
    metrics.recordFailed(count);
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
    queue.close(); // from now on the queue only shrinks, and its size is exact
    boolean flushed = forceFlush(timeout);
    stopWorker = true;
    wakeWorker();
    join(remainingMillis(deadline)); // the worker exports leftovers, then shuts the exporter down
    if (worker.isAlive()) {
      giveUpOnWorker();
    }
    boolean exporterDone = !worker.isAlive() && exporterShutDown;
    watchdogStopped = true;
    LockSupport.unpark(watchdog);
    warnings.reportSuppressed();
    reportDrops(true);
    logger.debug("Span export to {} shut down: {}", exporter, metrics.snapshot());
    return flushed && exporterDone;
  }

  /**
   * Out of time: no exporter call may start any more. If the worker is inside one, this thread
   * counts what the worker holds (the batch in flight as failed, the queue as dropped) and the
   * worker ignores the call's result if it ever returns; otherwise the worker counts what it holds
   * as dropped as it stops, which takes it no time since it is not waiting for the exporter.
   */
  private void giveUpOnWorker() {
    int inFlight = 0;
    boolean stuck;
    synchronized (exportLock) {
      abandoned = true;
      stuck = exporting;
      if (stuck) {
        accountedByShutdown = true;
        inFlight = spansInFlight;
      }
    }
    long queued;
    if (stuck) {
      queued = queue.size(); // exact: closed, and the worker no longer drains
      if (inFlight > 0) {
        recordFailed(inFlight);
      }
      recordDropped(queued);
    } else {
      join(WORKER_GRACE_MILLIS);
      queued = droppedWhenStopped;
    }
    warningLogger.warn(
        "Span export to {} did not finish in time; gave up on it: {} spans in flight counted as"
            + " failed, {} still queued counted as dropped",
        exporter,
        inFlight,
        queued);
  }

  private void join(long millis) {
    try {
      worker.join(Math.max(1, millis));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private void shutdownFromHook() {
    shutdown(Duration.ofNanos(exportTimeoutNanos));
  }

  private void wakeWorker() {
    workerParked.set(false);
    LockSupport.unpark(worker);
  }

  private void work() {
    try {
      exportUntilStopped();
    } catch (Abandoned e) {
      boolean mine;
      synchronized (exportLock) {
        mine = !accountedByShutdown;
        accountedByShutdown = true;
      }
      if (mine) {
        long held = batch.size() + queue.size();
        recordDropped(held);
        batch.clear();
        droppedWhenStopped = held;
      }
    }
  }

  private void exportUntilStopped() {
    long nextExport = System.nanoTime() + scheduleDelayNanos;
    while (true) {
      CompletableFuture<Boolean> flush = flushRequests.poll();
      if (flush != null) {
        flushQueued(flush);
        nextExport = System.nanoTime() + scheduleDelayNanos;
        continue;
      }
      if (stopWorker) {
        exportLeftovers();
        exporterShutDown = callExporter(exporter::shutdown, 0).isSuccess();
        return;
      }
      drain(maxExportBatchSize - batch.size());
      long now = System.nanoTime();
      if (batch.size() >= maxExportBatchSize || (!batch.isEmpty() && now - nextExport >= 0)) {
        if (batch.size() >= maxExportBatchSize) {
          lastFullBatchNanos = now;
        }
        exportBatch();
        nextExport = System.nanoTime() + scheduleDelayNanos;
        continue;
      }
      if (batch.isEmpty() && now - nextExport >= 0) {
        nextExport = now + scheduleDelayNanos;
      }
      // While spans flow (a full batch went out lately) the worker polls on a short timer and
      // producers wake it only when the queue is half full: waking a parked thread costs the
      // producer tens of microseconds on virtual machines, more than the spans themselves. When
      // traffic is light, producers wake it as soon as a batch is full.
      boolean flowing = now - lastFullBatchNanos < FLOWING_WINDOW_NANOS;
      long batchRemaining = maxExportBatchSize - batch.size();
      wakeThreshold =
          Math.max(1, flowing ? Math.max(batchRemaining, queue.capacity() / 2) : batchRemaining);
      long parkNanos = flowing ? Math.min(BUSY_POLL_NANOS, nextExport - now) : nextExport - now;
      workerParked.set(true);
      if (queue.size() >= wakeThreshold || !flushRequests.isEmpty() || stopWorker) {
        workerParked.set(false);
        continue;
      }
      LockSupport.parkNanos(this, parkNanos);
      workerParked.set(false);
    }
  }

  /** Exports what the closed queue still holds, so that nothing queued is left uncounted. */
  private void exportLeftovers() {
    while (queue.size() > 0 || !batch.isEmpty()) {
      if (drain(maxExportBatchSize - batch.size()) == 0 && queue.size() > 0) {
        Thread.onSpinWait(); // a producer claimed a slot and is about to publish into it
        continue;
      }
      if (batch.size() >= maxExportBatchSize || queue.size() == 0) {
        exportBatch();
      }
    }
  }

  /**
   * Exports what was queued when the flush requests waiting now were made, then completes them.
   * Requests made meanwhile are left for the next round, since they may follow newer spans.
   */
  private void flushQueued(CompletableFuture<Boolean> first) {
    List<CompletableFuture<Boolean>> requests = new ArrayList<>(2);
    requests.add(first);
    CompletableFuture<Boolean> more;
    while ((more = flushRequests.poll()) != null) {
      requests.add(more);
    }
    long toTake = queue.size();
    boolean allExported = true;
    while (toTake > 0 || !batch.isEmpty()) {
      int taken = drain((int) Math.min(maxExportBatchSize - batch.size(), toTake));
      toTake -= taken;
      if (batch.size() < maxExportBatchSize && toTake > 0) {
        if (taken == 0) {
          Thread.onSpinWait(); // a producer claimed a slot and is about to publish into it
        }
        continue;
      }
      allExported &= exportBatch();
    }
    allExported &= callExporter(exporter::flush, 0).isSuccess();
    for (CompletableFuture<Boolean> request : requests) {
      request.complete(allExported);
    }
  }

  /** Exports and empties {@link #batch}; returns whether the backend took it. */
  private boolean exportBatch() {
    int size = batch.size();
    List<SpanData> view = Collections.unmodifiableList(batch);
    ExportResult result = callExporter(() -> exporter.export(view), size);
    if (result.isSuccess()) {
      recordExported(size);
    } else {
      recordFailed(size);
      if (warnings.acquire()) {
        if (result.cause() != null) {
          warnings.log(
              "Export of {} spans to {} failed: {}",
              size,
              exporter,
              result.reason(),
              result.cause());
        } else {
          warnings.log("Export of {} spans to {} failed: {}", size, exporter, result.reason());
        }
      }
    }
    batch.clear();
    return result.isSuccess();
  }

  /**
   * Calls the exporter on the worker thread, under the watchdog's eye, with {@code spans} spans in
   * flight.
   *
   * @throws Abandoned if shutdown gave up on the worker, before or during the call; the call's
   *     result is then not counted
   */
  private ExportResult callExporter(Supplier<ExportResult> call, int spans) {
    synchronized (exportLock) {
      if (abandoned) {
        throw ABANDONED;
      }
      exporting = true;
      spansInFlight = spans;
      exportDeadline = System.nanoTime() + exportTimeoutNanos;
    }
    ExportResult result;
    boolean interrupted;
    boolean gaveUp;
    try {
      result = call.get();
      if (result == null) {
        result = ExportResult.failure("the exporter returned null");
      }
    } catch (Throwable e) { // whatever the exporter throws fails this call, not the worker
      result = ExportResult.failure("the exporter threw " + e, e);
    } finally {
      synchronized (exportLock) {
        exporting = false;
        spansInFlight = 0;
        Thread.interrupted(); // an interrupt meant for this call must not hit the next one
        interrupted = exportInterrupted;
        exportInterrupted = false;
        gaveUp = abandoned;
      }
    }
    if (gaveUp) {
      throw ABANDONED;
    }
    if (interrupted && !result.isSuccess()) {
      return ExportResult.failure(
          "no answer within the export timeout of "
              + Duration.ofNanos(exportTimeoutNanos)
              + " ("
              + result.reason()
              + ")");
    }
    return result;
  }

  /**
   * The watchdog: interrupts an exporter call that overstays the export timeout, and warns about
   * dropped spans (also while the worker waits for a slow exporter).
   */
  private void watch() {
    while (!watchdogStopped) {
      LockSupport.parkNanos(this, watchdogIntervalNanos);
      synchronized (exportLock) {
        if (exporting && !exportInterrupted && System.nanoTime() - exportDeadline >= 0) {
          exportInterrupted = true;
          worker.interrupt();
        }
      }
      reportDrops(false);
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
    private int maxQueueSize = 8192;
    private long maxQueuedBytes = Math.max(1 << 20, Runtime.getRuntime().maxMemory() / 100);
    private int maxExportBatchSize = 512;
    private Duration scheduleDelay = Duration.ofSeconds(5);
    private Duration exportTimeout = Duration.ofSeconds(30);
    private Duration warningInterval = Duration.ofMinutes(1);
    private TracingMetrics metrics;
    private boolean registerShutdownHook;
    private Logger warningLogger = logger;

    private Builder(SpanExporter exporter) {
      this.exporter = exporter;
    }

    /**
     * Spans that may wait for export (rounded up to a power of two); default 8192, four times
     * OpenTelemetry's 2048. The queue is a time budget for the worker: at a million spans a second
     * 2048 slots last 2 ms, less than a parked thread on a virtual machine sometimes takes to run
     * again or a young collection takes, after which the caller catches up; 8192 slots last 8 ms.
     * Light spans cost the queue about 128 bytes each, and heavy ones are bounded by {@link
     * #maxQueuedBytes} as well (Zipkin's reporter queues 10,000 spans by default).
     */
    public Builder maxQueueSize(int maxQueueSize) {
      if (maxQueueSize < 1) {
        throw new IllegalArgumentException("maxQueueSize must be positive: " + maxQueueSize);
      }
      this.maxQueueSize = maxQueueSize;
      return this;
    }

    /**
     * How many bytes the spans estimated above {@value BatchSpanProcessor#LIGHT_SPAN_BYTES} bytes
     * each may hold in the queue together ({@link SpanData#approximateSize()}); default 1 % of the
     * maximum heap, at least 1 MiB. A heavy span that does not fit is dropped and counted.
     */
    public Builder maxQueuedBytes(long maxQueuedBytes) {
      if (maxQueuedBytes < 1) {
        throw new IllegalArgumentException("maxQueuedBytes must be positive: " + maxQueuedBytes);
      }
      this.maxQueuedBytes = maxQueuedBytes;
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

    /**
     * How long one export call may take before the worker thread is interrupted; default 30 s. An
     * exporter that ignores interrupts keeps the worker (see the class description).
     */
    public Builder exportTimeout(Duration exportTimeout) {
      this.exportTimeout = positive(exportTimeout, "exportTimeout");
      return this;
    }

    /** At most one warning about drops or failures per interval; default one minute. */
    public Builder warningInterval(Duration warningInterval) {
      this.warningInterval = requireNonNull(warningInterval, "warningInterval");
      return this;
    }

    /** Where drop and failure warnings go; for tests that read them. */
    Builder warningLogger(Logger warningLogger) {
      this.warningLogger = requireNonNull(warningLogger, "warningLogger");
      return this;
    }

    /**
     * The metrics that count this processor's export outcomes, drops and queue, usually those the
     * tracer also has as a processor (so a Prometheus scrape shows them); a private set by default
     * (see {@link #metrics()}). Called from the worker, and from the traced call's thread for a
     * drop; each call allocates nothing.
     */
    public Builder metrics(TracingMetrics metrics) {
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

package dev.agenttrace.processing;

import static java.util.Objects.requireNonNull;

import dev.agenttrace.StatusCode;
import dev.agenttrace.metrics.TailSamplingStats;
import dev.agenttrace.spi.Clock;
import dev.agenttrace.spi.SpanData;
import dev.agenttrace.spi.SpanProcessor;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Decides on whole traces once they are complete (tail sampling): it holds each trace's spans until
 * the trace's root span ends, then hands the whole trace to the downstream processor if any span
 * failed ({@code ERROR}) or the root was slower than a threshold, and otherwise keeps it with a
 * configured probability.
 *
 * <pre>{@code
 * SpanProcessor export = ...; // e.g. a batch processor in front of an exporter
 * TracerSdk tracer = TracerSdk.builder()
 *     .addSpanProcessor(TailSamplingProcessor.builder(export)
 *         .slowerThan(Duration.ofSeconds(10))
 *         .keepProbability(0.05)
 *         .build())
 *     .build();
 * }</pre>
 *
 * <p>Guarantees and rules:
 *
 * <ul>
 *   <li><b>Every failed trace is kept</b>, whole, as long as it fits the limits below; an {@code
 *       ERROR} span arriving after its trace was dropped switches the trace to kept from then on.
 *   <li><b>Spans that end after their root</b> (asynchronous tool calls, say) still count: a trace
 *       whose root ended without reason to keep it waits {@code lateSpanWait} (2 s by default)
 *       before it is dropped, and a failure ending meanwhile keeps the whole trace. A trace with a
 *       reason to keep it is handed on at once.
 *   <li><b>Traces whose root is in another service</b> are decided {@code decisionWait} after the
 *       first span here with a remote parent (the entry into this service) ended, so that parallel
 *       entries and spans outliving the entry can join; by the same rules, with the longest span
 *       standing in for the root. A daemon thread looks for traces whose wait is over every {@code
 *       sweepInterval} (100 ms by default; {@code Duration.ZERO} leaves it to ending spans, {@link
 *       #forceFlush} and {@link #shutdown}). A trace whose root never ends waits until it is pushed
 *       out (below) or flushed.
 *   <li><b>Spans ending after their trace was decided</b> follow the decision; a failure ending
 *       after its trace was dropped keeps itself and what follows.
 *   <li><b>The probabilistic share is decided from the trace id</b>, like {@link
 *       Sampler#traceIdRatio(double)}: services with the same probability keep the same traces.
 *   <li><b>Bounded memory:</b> at most {@code maxTraces} traces of at most {@code maxSpansPerTrace}
 *       spans wait; decisions are remembered for {@code maxDecidedTraces} traces so that late spans
 *       follow them. <b>Nothing is lost silently:</b> a trace pushed out by a newer one, or grown
 *       past {@code maxSpansPerTrace}, is kept and handed on at once without waiting for judgement
 *       (its later spans follow), and counted in {@link #stats()}.
 *   <li>The caller's thread never waits on another: a trace's buffer is locked only to add a span
 *       or decide it, and deciding hands the kept spans to the downstream processor, which must not
 *       block either. The downstream sees only {@code onEnd} of kept spans, never {@code onStart};
 *       put processors that change spans at start in front of this one.
 * </ul>
 */
public final class TailSamplingProcessor implements SpanProcessor {
  private static final Logger logger = LoggerFactory.getLogger(TailSamplingProcessor.class);
  private static final long NOT_DUE = Long.MIN_VALUE;

  private final SpanProcessor downstream;
  private final long slowerThanNanos;
  private final double keepProbability;
  private final long keepThreshold;
  private final long decisionWaitNanos;
  private final int maxTraces;
  private final int maxSpansPerTrace;
  private final int maxDecidedTraces;
  private final Clock clock;
  private final long lateSpanWaitNanos;
  private final Thread sweeper;

  private final ConcurrentHashMap<TraceKey, TraceEntry> traces = new ConcurrentHashMap<>();
  // Pending traces, oldest first, for eviction; decided ones are skipped and compacted away.
  private final ConcurrentLinkedQueue<TraceEntry> pendingOrder = new ConcurrentLinkedQueue<>();
  private final AtomicInteger pendingOrderSize = new AtomicInteger();
  // Traces waiting for decisionWait after their entry span ended, in order of their due time.
  private final ConcurrentLinkedQueue<TraceEntry> dueOrder = new ConcurrentLinkedQueue<>();
  private final AtomicInteger dueOrderSize = new AtomicInteger();
  private final AtomicInteger pendingTraces = new AtomicInteger();
  private final ConcurrentLinkedQueue<TraceEntry> decidedOrder = new ConcurrentLinkedQueue<>();
  private final AtomicInteger decidedTraces = new AtomicInteger();
  private final AtomicBoolean sweeping = new AtomicBoolean();
  private volatile boolean shutdown;

  private final LongAdder spansReceived = new LongAdder();
  private final LongAdder spansForwarded = new LongAdder();
  private final LongAdder spansDropped = new LongAdder();
  private final LongAdder keptForError = new LongAdder();
  private final LongAdder keptForLatency = new LongAdder();
  private final LongAdder keptByProbability = new LongAdder();
  private final LongAdder dropped = new LongAdder();
  private final LongAdder timedOut = new LongAdder();
  private final LongAdder evicted = new LongAdder();
  private final LongAdder truncated = new LongAdder();
  private final LongAdder lateSpans = new LongAdder();
  private final LongAdder rescued = new LongAdder();

  /** A trace id. */
  private record TraceKey(long high, long low) {}

  /** Why a trace was decided now. */
  private enum Trigger {
    ROOT_ENDED,
    TIMED_OUT,
    FLUSHED,
    EVICTED,
    TRUNCATED
  }

  /** One trace: its buffered spans while pending, its verdict once decided. Guarded by itself. */
  private static final class TraceEntry {
    final TraceKey key;
    long dueNanos = NOT_DUE;
    List<SpanData> spans = new ArrayList<>(4);
    boolean hasError;
    SpanData root;
    long longestNanos;
    volatile Boolean kept;
    boolean forgotten;

    TraceEntry(TraceKey key) {
      this.key = key;
    }
  }

  private TailSamplingProcessor(Builder builder) {
    this.downstream = builder.downstream;
    this.slowerThanNanos = builder.slowerThan.toNanos();
    this.keepProbability = builder.keepProbability;
    this.keepThreshold = TraceIdRatioSampler.rejectionThreshold(builder.keepProbability);
    this.decisionWaitNanos = builder.decisionWait.toNanos();
    this.maxTraces = builder.maxTraces;
    this.maxSpansPerTrace = builder.maxSpansPerTrace;
    this.maxDecidedTraces = builder.maxDecidedTraces;
    this.clock = builder.clock;
    this.lateSpanWaitNanos = builder.lateSpanWait.toNanos();
    long sweepMillis = builder.sweepInterval.toMillis();
    if (sweepMillis > 0) {
      sweeper = new Thread(() -> sweepEvery(sweepMillis), "agenttrace-tail-sampling-sweeper");
      sweeper.setDaemon(true);
      sweeper.start();
    } else {
      sweeper = null;
    }
  }

  private void sweepEvery(long millis) {
    while (!shutdown) {
      try {
        Thread.sleep(millis);
        sweep(clock.nanoTime(), false);
      } catch (InterruptedException e) {
        return;
      } catch (RuntimeException e) {
        logger.warn("Tail sampling sweep failed; it goes on", e);
      }
    }
  }

  /**
   * A builder handing kept traces to {@code downstream}. Defaults: keep traces slower than 10 s,
   * keep 10 % of the rest, wait 30 s for traces whose root is elsewhere, at most 10 000 pending
   * traces of at most 1 000 spans, remember 20 000 decisions.
   */
  public static Builder builder(SpanProcessor downstream) {
    return new Builder(downstream);
  }

  @Override
  public void onEnd(SpanData span) {
    if (shutdown) {
      return;
    }
    spansReceived.increment();
    long now = clock.nanoTime();
    TraceKey key = new TraceKey(span.spanContext().traceIdHigh(), span.spanContext().traceIdLow());
    List<SpanData> kept = add(key, span, now);
    forward(kept);
    sweep(now, false);
  }

  /** Adds {@code span} to its trace; returns what is to be handed on now, or null. */
  private List<SpanData> add(TraceKey key, SpanData span, long now) {
    while (true) {
      TraceEntry entry = traces.get(key);
      if (entry == null) {
        TraceEntry fresh = new TraceEntry(key);
        entry = traces.putIfAbsent(key, fresh);
        if (entry == null) {
          entry = fresh;
          pendingOrder.add(fresh);
          pendingOrderSize.incrementAndGet();
          pendingTraces.incrementAndGet();
        }
      }
      List<SpanData> handOn;
      synchronized (entry) {
        if (entry.forgotten) {
          continue;
        }
        handOn = entry.kept == null ? buffer(entry, span, now) : followDecision(entry, span);
      }
      makeRoom();
      return handOn;
    }
  }

  private List<SpanData> buffer(TraceEntry entry, SpanData span, long now) {
    entry.spans.add(span);
    entry.hasError |= span.statusCode() == StatusCode.ERROR;
    entry.longestNanos = Math.max(entry.longestNanos, span.durationNanos());
    if (!span.parentSpanContext().isValid()) {
      entry.root = span;
      if (lateSpanWaitNanos <= 0 || keepReason(entry) != null) {
        return decide(entry, Trigger.ROOT_ENDED);
      }
      // Nothing says keep yet: give spans still running (async tools) a while to fail.
      entry.dueNanos = now + lateSpanWaitNanos;
      dueOrder.add(entry);
      dueOrderSize.incrementAndGet();
      return null;
    }
    if (entry.root != null && entry.hasError) {
      return decide(entry, Trigger.ROOT_ENDED);
    }
    if (entry.spans.size() >= maxSpansPerTrace) {
      return decide(entry, Trigger.TRUNCATED);
    }
    if (span.parentSpanContext().isRemote() && entry.dueNanos == NOT_DUE) {
      entry.dueNanos = now + decisionWaitNanos;
      dueOrder.add(entry);
      dueOrderSize.incrementAndGet();
    }
    return null;
  }

  private List<SpanData> followDecision(TraceEntry entry, SpanData span) {
    lateSpans.increment();
    if (!entry.kept && span.statusCode() == StatusCode.ERROR) {
      entry.kept = true;
      rescued.increment();
    }
    if (entry.kept) {
      return List.of(span);
    }
    spansDropped.increment();
    return null;
  }

  /** Decides a pending trace, under its lock. Returns its spans if kept, else null. */
  private List<SpanData> decide(TraceEntry entry, Trigger trigger) {
    boolean keep;
    if (trigger == Trigger.EVICTED || trigger == Trigger.TRUNCATED) {
      (trigger == Trigger.EVICTED ? evicted : truncated).increment();
      keep = true;
    } else {
      if (trigger == Trigger.TIMED_OUT && entry.root == null) {
        timedOut.increment();
      }
      LongAdder reason = keepReason(entry);
      keep = reason != null;
      (keep ? reason : dropped).increment();
    }
    List<SpanData> spans = entry.spans;
    entry.spans = null;
    entry.root = null;
    entry.kept = keep;
    pendingTraces.decrementAndGet();
    decidedOrder.add(entry);
    decidedTraces.incrementAndGet();
    if (!keep) {
      spansDropped.add(spans.size());
      return null;
    }
    return spans;
  }

  /** The counter of the reason to keep {@code entry}, or null to drop it. Under its lock. */
  private LongAdder keepReason(TraceEntry entry) {
    long latency = entry.root != null ? entry.root.durationNanos() : entry.longestNanos;
    if (entry.hasError) {
      return keptForError;
    }
    if (latency > slowerThanNanos) {
      return keptForLatency;
    }
    if (TraceIdRatioSampler.isKept(entry.key.low(), keepThreshold)) {
      return keptByProbability;
    }
    return null;
  }

  /**
   * Keeps the oldest pending traces early while too many wait, compacts the order queues (decided
   * traces linger there) and forgets the oldest decisions.
   */
  private void makeRoom() {
    while (pendingTraces.get() > maxTraces) {
      TraceEntry oldest = pendingOrder.poll();
      if (oldest == null) {
        break;
      }
      pendingOrderSize.decrementAndGet();
      forward(decideIfPending(oldest, Trigger.EVICTED));
    }
    // At most maxTraces entries are pending, so while the queue holds twice that, each pass
    // removes at least as many decided entries as it moves pending ones to the back.
    for (int budget = pendingOrderSize.get();
        pendingOrderSize.get() > 2 * maxTraces && budget > 0;
        budget--) {
      TraceEntry oldest = pendingOrder.poll();
      if (oldest == null) {
        break;
      }
      if (isPending(oldest)) {
        pendingOrder.add(oldest);
      } else {
        pendingOrderSize.decrementAndGet();
      }
    }
    while (dueOrderSize.get() > 2 * maxTraces) {
      TraceEntry oldest = dueOrder.poll();
      if (oldest == null) {
        break;
      }
      dueOrderSize.decrementAndGet();
      forward(decideIfPending(oldest, Trigger.TIMED_OUT));
    }
    while (decidedTraces.get() > maxDecidedTraces) {
      TraceEntry oldest = decidedOrder.poll();
      if (oldest == null) {
        break;
      }
      decidedTraces.decrementAndGet();
      synchronized (oldest) {
        oldest.forgotten = true;
      }
      traces.remove(oldest.key, oldest);
    }
  }

  private static boolean isPending(TraceEntry entry) {
    synchronized (entry) {
      return entry.kept == null;
    }
  }

  private List<SpanData> decideIfPending(TraceEntry entry, Trigger trigger) {
    synchronized (entry) {
      return entry.kept == null ? decide(entry, trigger) : null;
    }
  }

  /**
   * Decides the traces whose wait is over, or every pending trace if {@code everything}. One thread
   * sweeps at a time; others skip rather than wait, except to flush.
   */
  private void sweep(long now, boolean everything) {
    if (!everything && !mayBeDue(dueOrder.peek(), now)) {
      return; // the common case, without touching the shared flag
    }
    if (!sweeping.compareAndSet(false, true)) {
      if (!everything) {
        return;
      }
      while (!sweeping.compareAndSet(false, true)) {
        Thread.onSpinWait();
      }
    }
    try {
      TraceEntry head;
      while ((head = dueOrder.peek()) != null) {
        List<SpanData> handOn;
        synchronized (head) {
          if (head.kept == null && !everything && now - head.dueNanos < 0) {
            return;
          }
          handOn = head.kept == null ? decide(head, Trigger.TIMED_OUT) : null;
        }
        if (dueOrder.remove(head)) {
          dueOrderSize.decrementAndGet();
        }
        forward(handOn);
      }
      if (everything) {
        while ((head = pendingOrder.poll()) != null) {
          pendingOrderSize.decrementAndGet();
          forward(decideIfPending(head, Trigger.FLUSHED));
        }
      }
    } finally {
      sweeping.set(false);
    }
  }

  /** A hint, read without the lock: whether {@code head} may be decided or due. */
  private static boolean mayBeDue(TraceEntry head, long now) {
    return head != null && (head.kept != null || now - head.dueNanos >= 0);
  }

  private void forward(List<SpanData> spans) {
    if (spans == null) {
      return;
    }
    for (SpanData span : spans) {
      spansForwarded.increment();
      try {
        downstream.onEnd(span);
      } catch (RuntimeException e) {
        logger.warn("Downstream processor {} failed on span {}", downstream, span, e);
      }
    }
  }

  /** What the processor did so far. */
  public TailSamplingStats stats() {
    long received = spansReceived.sum();
    long forwarded = spansForwarded.sum();
    long droppedSpans = spansDropped.sum();
    return new TailSamplingStats(
        received,
        forwarded,
        droppedSpans,
        Math.max(0, received - forwarded - droppedSpans),
        pendingTraces.get(),
        keptForError.sum(),
        keptForLatency.sum(),
        keptByProbability.sum(),
        dropped.sum(),
        timedOut.sum(),
        evicted.sum(),
        truncated.sum(),
        lateSpans.sum(),
        rescued.sum());
  }

  /** Decides every pending trace now (by the usual rules), then flushes the downstream. */
  @Override
  public boolean forceFlush(Duration timeout) {
    sweep(clock.nanoTime(), true);
    return downstream.forceFlush(timeout);
  }

  /** Decides every pending trace, then shuts the downstream down; later spans are ignored. */
  @Override
  public boolean shutdown(Duration timeout) {
    sweep(clock.nanoTime(), true);
    shutdown = true;
    if (sweeper != null) {
      sweeper.interrupt();
    }
    return downstream.shutdown(timeout);
  }

  @Override
  public String toString() {
    return "TailSamplingProcessor{slowerThan="
        + Duration.ofNanos(slowerThanNanos)
        + ", keepProbability="
        + keepProbability
        + ", pending="
        + pendingTraces.get()
        + ", downstream="
        + downstream
        + '}';
  }

  /** Builds a {@link TailSamplingProcessor}. */
  public static final class Builder {
    private final SpanProcessor downstream;
    private Duration slowerThan = Duration.ofSeconds(10);
    private double keepProbability = 0.1;
    private Duration decisionWait = Duration.ofSeconds(30);
    private int maxTraces = 10_000;
    private int maxSpansPerTrace = 1_000;
    private int maxDecidedTraces = 20_000;
    private Clock clock = Clock.system();
    private Duration lateSpanWait = Duration.ofSeconds(2);
    private Duration sweepInterval = Duration.ofMillis(100);

    private Builder(SpanProcessor downstream) {
      this.downstream = requireNonNull(downstream, "downstream");
    }

    /** Keeps every trace whose root took longer than {@code latency}. */
    public Builder slowerThan(Duration latency) {
      this.slowerThan = requireNonNull(latency, "latency");
      return this;
    }

    /** Keeps this share of the traces that neither failed nor were slow, from 0 to 1. */
    public Builder keepProbability(double probability) {
      if (!(probability >= 0 && probability <= 1)) {
        throw new IllegalArgumentException(
            "keepProbability must be within [0, 1], was " + probability);
      }
      this.keepProbability = probability;
      return this;
    }

    /** How long to wait for a trace whose root span does not end here. */
    public Builder decisionWait(Duration wait) {
      this.decisionWait = requireNonNull(wait, "wait");
      return this;
    }

    /**
     * How long a trace whose root ended without a reason to keep it waits for spans still running
     * (which may fail) before it is dropped; {@code Duration.ZERO} decides when the root ends.
     */
    public Builder lateSpanWait(Duration wait) {
      this.lateSpanWait = requireNonNull(wait, "wait");
      return this;
    }

    /**
     * How often a daemon thread decides traces whose wait is over; {@code Duration.ZERO} runs no
     * thread and leaves it to ending spans, {@code forceFlush} and {@code shutdown}.
     */
    public Builder sweepInterval(Duration interval) {
      this.sweepInterval = requireNonNull(interval, "interval");
      return this;
    }

    /** How many traces may wait for a decision at once. */
    public Builder maxTraces(int maxTraces) {
      this.maxTraces = atLeastOne(maxTraces, "maxTraces");
      return this;
    }

    /** How many spans one waiting trace may hold. */
    public Builder maxSpansPerTrace(int maxSpansPerTrace) {
      this.maxSpansPerTrace = atLeastOne(maxSpansPerTrace, "maxSpansPerTrace");
      return this;
    }

    /** For how many decided traces the decision is remembered, for their late spans. */
    public Builder maxDecidedTraces(int maxDecidedTraces) {
      this.maxDecidedTraces = atLeastOne(maxDecidedTraces, "maxDecidedTraces");
      return this;
    }

    /** Sets the clock that times {@code decisionWait}, for tests. */
    public Builder clock(Clock clock) {
      this.clock = requireNonNull(clock, "clock");
      return this;
    }

    private static int atLeastOne(int value, String name) {
      if (value < 1) {
        throw new IllegalArgumentException(name + " must be at least 1, was " + value);
      }
      return value;
    }

    /** The processor. */
    public TailSamplingProcessor build() {
      return new TailSamplingProcessor(this);
    }
  }
}

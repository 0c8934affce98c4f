package dev.agenttrace.processing;

import static java.util.Objects.requireNonNull;

import dev.agenttrace.StatusCode;
import dev.agenttrace.metrics.TailSamplingStats;
import dev.agenttrace.processing.TailTrace.Reason;
import dev.agenttrace.spi.Clock;
import dev.agenttrace.spi.ReadWriteSpan;
import dev.agenttrace.spi.SpanData;
import dev.agenttrace.spi.SpanProcessor;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Decides on whole traces (tail sampling): keeps every trace in which a span failed ({@code
 * ERROR}), every trace whose root was slower than a threshold, and a configured share of the rest,
 * chosen by trace id; hands the spans of kept traces to the downstream processor and drops the
 * others.
 *
 * <pre>{@code
 * SpanProcessor export = ...; // e.g. a batch processor in front of an exporter
 * TracerSdk tracer = TracerSdk.builder()
 *     .sampler(Sampler.alwaysOn())           // a ratio head sampler would drop failures first
 *     .addSpanProcessor(TailSamplingProcessor.builder(export)
 *         .slowerThan(Duration.ofSeconds(10))
 *         .keepProbability(0.05)
 *         .build())
 *     .build();
 * }</pre>
 *
 * <p>The rules, in the order they apply:
 *
 * <ul>
 *   <li><b>The share is decided from the trace id</b>, like {@link Sampler#traceIdRatio(double)}
 *       (services with the same probability keep the same traces). A trace in the share is kept
 *       whatever happens, so its spans are handed on as they end and never held.
 *   <li><b>A failure keeps the trace at once</b>: when a span ends with {@code ERROR}, the spans
 *       held so far are handed on, and so is every later span of the trace.
 *   <li><b>At the root's end</b> a trace slower than {@code slowerThan} is kept. A trace without a
 *       reason to keep it is dropped at once if every span it started here has ended (the processor
 *       counts starts and ends per trace), so at any rate nothing is held after the root for
 *       ordinary traces. Only a trace with spans still running (an asynchronous tool, say) is held
 *       until they end, at most {@code lateSpanWait} (2 s by default): a failure among them keeps
 *       the whole trace.
 *   <li><b>Traces whose root is in another service</b> are decided {@code decisionWait} (30 s by
 *       default) after the first span here with a remote parent ended, so that parallel entries can
 *       join; by the same rules, with the longest span standing in for the root. A daemon thread
 *       decides traces whose wait is over every {@code sweepInterval} (100 ms by default; {@code
 *       Duration.ZERO} leaves it to ending spans, {@link #forceFlush} and {@link #shutdown}).
 *   <li><b>Bounded memory, decided by the same rules under pressure:</b> at most {@code maxTraces}
 *       traces are pending (running, held back or waiting), each holding at most {@code
 *       maxSpansPerTrace} spans. When more would be pending, the oldest is decided now by the rules
 *       above with what it has (kept if it failed, was slow or is in the share, dropped otherwise)
 *       and counted in {@code tracesEvicted}; so the kept share stays what it is configured to be
 *       however high the rate. A trace reaching {@code maxSpansPerTrace} is kept at once (its spans
 *       handed on, later ones following) and counted as {@code kept_truncated} unless a better
 *       reason comes. Decisions are remembered for {@code maxDecidedTraces} traces, by id and
 *       verdict only, so that late spans follow them.
 *   <li><b>Late spans</b>, ending after their trace was counted, follow the verdict; a failure
 *       ending after its trace was dropped keeps itself and what follows (counted in {@code
 *       tracesRescuedByLateError}), but the spans dropped before stay dropped.
 * </ul>
 *
 * <p><b>Counting.</b> Every trace seen is counted exactly once, under its best reason ({@code
 * ERROR} before {@code LATENCY} before {@code TRUNCATED} before the share) or as dropped, when its
 * decision is final: at the root's end when nothing runs any more, else when its last span ends or
 * its wait runs out. A failure ending after its root, while the trace waits, makes it {@code
 * kept_error} even if it was already kept (and handed on) for latency or the share. So the
 * decisions per reason plus the pending traces always add up to the traces seen (see {@link
 * TailSamplingStats}).
 *
 * <p>The caller's thread never waits on another: a trace is locked only to add a span or decide it,
 * one thread at a time tidies up the shared queues (others skip it), and kept spans go to the
 * downstream processor, which must not block either. The downstream sees only {@code onEnd} of kept
 * spans, never {@code onStart}; put processors that change spans at start, or that must see every
 * span (metrics), in front of or beside this one.
 */
public final class TailSamplingProcessor implements SpanProcessor {
  private static final Logger logger = LoggerFactory.getLogger(TailSamplingProcessor.class);

  private final SpanProcessor downstream;
  private final long slowerThanNanos;
  private final double keepProbability;
  private final long keepThreshold;
  private final long decisionWaitNanos;
  private final long lateSpanWaitNanos;
  private final int maxTraces;
  private final int maxSpansPerTrace;
  private final int maxDecidedTraces;
  private final Clock clock;
  private final Thread sweeper;

  private final ConcurrentHashMap<TraceKey, TailTrace> traces = new ConcurrentHashMap<>();
  private final TraceQueue pendingOrder = new TraceQueue(); // not yet counted, oldest first
  private final TraceQueue lateOrder = new TraceQueue(); // held after the root for running spans
  private final TraceQueue remoteOrder = new TraceQueue(); // rooted elsewhere, waiting
  private final TraceQueue countedOrder = new TraceQueue(); // counted and remembered
  private final AtomicInteger pendingTraces = new AtomicInteger();
  private final AtomicInteger rememberedTraces = new AtomicInteger();
  private final AtomicBoolean tidying = new AtomicBoolean();
  private volatile boolean shutdown;

  private final LongAdder spansReceived = new LongAdder();
  private final LongAdder spansForwarded = new LongAdder();
  private final LongAdder spansDropped = new LongAdder();
  private final LongAdder tracesSeen = new LongAdder();
  private final LongAdder[] keptFor = new LongAdder[Reason.values().length];
  private final LongAdder dropped = new LongAdder();
  private final LongAdder timedOut = new LongAdder();
  private final LongAdder evicted = new LongAdder();
  private final LongAdder lateSpans = new LongAdder();
  private final LongAdder rescued = new LongAdder();

  /** A trace id. */
  private record TraceKey(long high, long low) {}

  /**
   * A queue of traces that any thread adds to and only the tidying thread takes from, with its
   * size.
   */
  private static final class TraceQueue {
    final ConcurrentLinkedQueue<TailTrace> queue = new ConcurrentLinkedQueue<>();
    final AtomicInteger size = new AtomicInteger();

    void add(TailTrace trace) {
      queue.add(trace);
      size.incrementAndGet();
    }

    TailTrace poll() {
      TailTrace head = queue.poll();
      if (head != null) {
        size.decrementAndGet();
      }
      return head;
    }

    /** Removes counted traces once the queue holds more than {@code limit}. */
    void removeCountedBeyond(int limit) {
      if (size.get() > limit) {
        queue.removeIf(
            trace -> {
              if (trace.counted) {
                size.decrementAndGet();
                return true;
              }
              return false;
            });
      }
    }
  }

  private TailSamplingProcessor(Builder builder) {
    this.downstream = builder.downstream;
    this.slowerThanNanos = builder.slowerThan.toNanos();
    this.keepProbability = builder.keepProbability;
    this.keepThreshold = TraceIdRatioSampler.rejectionThreshold(builder.keepProbability);
    this.decisionWaitNanos = builder.decisionWait.toNanos();
    this.lateSpanWaitNanos = builder.lateSpanWait.toNanos();
    this.maxTraces = builder.maxTraces;
    this.maxSpansPerTrace = builder.maxSpansPerTrace;
    this.maxDecidedTraces = builder.maxDecidedTraces;
    this.clock = builder.clock;
    for (int i = 0; i < keptFor.length; i++) {
      keptFor[i] = new LongAdder();
    }
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
        tidy(clock.nanoTime(), false);
      } catch (InterruptedException e) {
        return;
      } catch (RuntimeException e) {
        logger.warn("Tail sampling sweep failed; it goes on", e);
      }
    }
  }

  /**
   * A builder handing kept traces to {@code downstream}. Defaults: keep traces slower than 10 s,
   * keep 10 % of the rest, hold a trace with spans running after its root up to 2 s, wait 30 s for
   * traces whose root is elsewhere, at most 10 000 pending traces of at most 1 000 spans, remember
   * 20 000 decisions.
   */
  public static Builder builder(SpanProcessor downstream) {
    return new Builder(downstream);
  }

  @Override
  public void onStart(ReadWriteSpan span) {
    if (shutdown) {
      return;
    }
    TraceKey key = new TraceKey(span.traceIdHigh(), span.traceIdLow());
    while (true) {
      TailTrace trace = traceFor(key);
      synchronized (trace) {
        if (trace.forgotten) {
          continue;
        }
        trace.started++;
      }
      break;
    }
    tidy(clock.nanoTime(), false);
  }

  @Override
  public void onEnd(SpanData span) {
    if (shutdown) {
      return;
    }
    spansReceived.increment();
    long now = clock.nanoTime();
    TraceKey key = new TraceKey(span.traceIdHigh(), span.traceIdLow());
    List<SpanData> handOn;
    while (true) {
      TailTrace trace = traceFor(key);
      synchronized (trace) {
        if (trace.forgotten) {
          continue;
        }
        trace.ended++;
        handOn = trace.counted ? followVerdict(trace, span) : add(trace, span, now);
      }
      break;
    }
    forward(handOn);
    tidy(now, false);
  }

  /** The trace of {@code key}, made if new. */
  private TailTrace traceFor(TraceKey key) {
    TailTrace trace = traces.get(key);
    if (trace != null) {
      return trace;
    }
    TailTrace fresh =
        new TailTrace(key.high(), key.low(), TraceIdRatioSampler.isKept(key.low(), keepThreshold));
    trace = traces.putIfAbsent(key, fresh);
    if (trace != null) {
      return trace;
    }
    tracesSeen.increment();
    pendingTraces.incrementAndGet();
    pendingOrder.add(fresh);
    return fresh;
  }

  /** Adds {@code span} to its trace, not yet counted; returns what to hand on now. Locked. */
  private List<SpanData> add(TailTrace trace, SpanData span, long now) {
    boolean failed = span.statusCode() == StatusCode.ERROR;
    trace.hasError |= failed;
    trace.longestNanos = Math.max(trace.longestNanos, span.durationNanos());
    if (span.parentSpanIdLong() == 0) {
      trace.rootEnded = true;
      trace.rootNanos = span.durationNanos();
    }
    List<SpanData> handOn;
    if (trace.isUndecided()) {
      trace.spans.add(span);
      Reason reason = trace.hasError ? Reason.ERROR : null;
      if (reason == null && trace.rootEnded && trace.rootNanos > slowerThanNanos) {
        reason = Reason.LATENCY;
      }
      if (reason == null && trace.spans.size() >= maxSpansPerTrace) {
        reason = Reason.TRUNCATED;
      }
      handOn = reason == null ? null : trace.keep(reason);
    } else {
      handOn = List.of(span);
      if (trace.hasError) {
        trace.upgrade(Reason.ERROR);
      } else if (trace.rootEnded && trace.rootNanos > slowerThanNanos) {
        trace.upgrade(Reason.LATENCY);
      }
    }
    // A kept trace stays pending too until it is complete, so that its verdict is remembered for
    // its later spans however long it runs, and a later failure still counts as its reason.
    if (trace.rootEnded && (trace.isComplete() || lateSpanWaitNanos <= 0)) {
      List<SpanData> more = count(trace);
      return handOn == null ? more : handOn;
    }
    if (trace.rootEnded && trace.lateDueNanos == TailTrace.NOT_DUE) {
      // Spans still run (an asynchronous tool, say): hold the trace a while, they may fail.
      trace.lateDueNanos = now + lateSpanWaitNanos;
      lateOrder.add(trace);
    } else if (span.hasRemoteParent() && trace.remoteDueNanos == TailTrace.NOT_DUE) {
      trace.remoteDueNanos = now + decisionWaitNanos;
      remoteOrder.add(trace);
    }
    return handOn;
  }

  /**
   * Counts a trace's decision once and for all: an undecided trace is kept or dropped by the rules
   * as it stands. Returns the spans to hand on if that keeps it, else null. Locked.
   */
  private List<SpanData> count(TailTrace trace) {
    List<SpanData> handOn = null;
    if (trace.isUndecided()) {
      Reason reason = trace.reasonNow(slowerThanNanos);
      if (reason != null) {
        handOn = trace.keep(reason);
      } else {
        spansDropped.add(trace.spans.size());
        trace.spans = null;
      }
    } else {
      trace.upgrade(trace.reasonNow(slowerThanNanos));
    }
    (trace.kept ? keptFor[trace.reason.ordinal()] : dropped).increment();
    trace.counted = true;
    pendingTraces.decrementAndGet();
    countedOrder.add(trace);
    rememberedTraces.incrementAndGet();
    return handOn;
  }

  /** A span of a counted trace follows its verdict; a failure rescues a dropped one. Locked. */
  private List<SpanData> followVerdict(TailTrace trace, SpanData span) {
    lateSpans.increment();
    if (!trace.kept && span.statusCode() == StatusCode.ERROR) {
      trace.kept = true;
      rescued.increment();
    }
    if (trace.kept) {
      return List.of(span);
    }
    spansDropped.increment();
    return null;
  }

  /** Counts {@code trace} now unless it was; returns the spans to hand on. */
  private List<SpanData> countNow(TailTrace trace, LongAdder why) {
    synchronized (trace) {
      if (trace.counted) {
        return null;
      }
      if (why != null) {
        why.increment();
      }
      return count(trace);
    }
  }

  /** Whether the queues need tidying: a wait ran out, or a bound was passed. */
  private boolean untidy(long now) {
    return isDue(lateOrder, now, false)
        || isDue(remoteOrder, now, true)
        || pendingTraces.get() > maxTraces
        || rememberedTraces.get() > maxDecidedTraces
        || pendingOrder.size.get() > 2 * maxTraces
        || lateOrder.size.get() > 2 * maxTraces
        || remoteOrder.size.get() > 2 * maxTraces;
  }

  /** A hint, read without the lock: whether the queue's head is counted or its wait is over. */
  private static boolean isDue(TraceQueue order, long now, boolean remote) {
    TailTrace head = order.queue.peek();
    return head != null
        && (head.counted || now - (remote ? head.remoteDueNanos : head.lateDueNanos) >= 0);
  }

  /**
   * Counts the traces whose wait is over (or, if {@code everything}, every pending trace), the
   * oldest ones while more than {@code maxTraces} are pending, removes counted traces from the
   * queues and forgets the oldest decisions. One thread tidies at a time; others skip rather than
   * wait, except to flush.
   */
  private void tidy(long now, boolean everything) {
    if (!everything && !untidy(now)) {
      return; // the common case, without touching the shared flag
    }
    if (!tidying.compareAndSet(false, true)) {
      if (!everything) {
        return;
      }
      while (!tidying.compareAndSet(false, true)) {
        Thread.onSpinWait();
      }
    }
    try {
      countDue(lateOrder, now, everything, false);
      countDue(remoteOrder, now, everything, true);
      TailTrace oldest;
      while ((everything || pendingTraces.get() > maxTraces)
          && (oldest = pendingOrder.poll()) != null) {
        forward(countNow(oldest, everything ? null : evicted));
      }
      pendingOrder.removeCountedBeyond(2 * maxTraces);
      lateOrder.removeCountedBeyond(2 * maxTraces);
      remoteOrder.removeCountedBeyond(2 * maxTraces);
      while (rememberedTraces.get() > maxDecidedTraces && (oldest = countedOrder.poll()) != null) {
        rememberedTraces.decrementAndGet();
        synchronized (oldest) {
          oldest.forgotten = true;
        }
        traces.remove(new TraceKey(oldest.idHigh, oldest.idLow), oldest);
      }
    } finally {
      tidying.set(false);
    }
  }

  private void countDue(TraceQueue order, long now, boolean everything, boolean remote) {
    TailTrace head;
    while ((head = order.queue.peek()) != null) {
      if (!head.counted && !everything) {
        long due = remote ? head.remoteDueNanos : head.lateDueNanos;
        if (now - due < 0) {
          return;
        }
      }
      order.poll();
      List<SpanData> handOn;
      synchronized (head) {
        if (head.counted) {
          continue;
        }
        if (remote && !head.rootEnded) {
          timedOut.increment();
        }
        handOn = count(head);
      }
      forward(handOn);
    }
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
        tracesSeen.sum(),
        pendingTraces.get(),
        keptFor[Reason.ERROR.ordinal()].sum(),
        keptFor[Reason.LATENCY.ordinal()].sum(),
        keptFor[Reason.PROBABILITY.ordinal()].sum(),
        dropped.sum(),
        timedOut.sum(),
        evicted.sum(),
        keptFor[Reason.TRUNCATED.ordinal()].sum(),
        lateSpans.sum(),
        rescued.sum());
  }

  /** Decides and counts every pending trace now (by the usual rules), then flushes downstream. */
  @Override
  public boolean forceFlush(Duration timeout) {
    tidy(clock.nanoTime(), true);
    return downstream.forceFlush(timeout);
  }

  /** Decides every pending trace, then shuts the downstream down; later spans are ignored. */
  @Override
  public boolean shutdown(Duration timeout) {
    tidy(clock.nanoTime(), true);
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
     * How long a trace whose root ended without a reason to keep it, while spans of it still run,
     * waits for them (they may fail) before it is dropped; {@code Duration.ZERO} decides when the
     * root ends. A trace whose spans have all ended is decided at once, without waiting.
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

    /**
     * How many traces may be pending at once (running, held back or waiting); beyond it the oldest
     * is decided early by the usual rules.
     */
    public Builder maxTraces(int maxTraces) {
      this.maxTraces = atLeastOne(maxTraces, "maxTraces");
      return this;
    }

    /** How many spans one undecided trace may hold; reaching it keeps the trace. */
    public Builder maxSpansPerTrace(int maxSpansPerTrace) {
      this.maxSpansPerTrace = atLeastOne(maxSpansPerTrace, "maxSpansPerTrace");
      return this;
    }

    /** For how many decided traces the verdict is remembered, for their late spans. */
    public Builder maxDecidedTraces(int maxDecidedTraces) {
      this.maxDecidedTraces = atLeastOne(maxDecidedTraces, "maxDecidedTraces");
      return this;
    }

    /** Sets the clock that times the waits, for tests. */
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

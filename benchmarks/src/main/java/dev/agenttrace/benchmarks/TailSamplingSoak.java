package dev.agenttrace.benchmarks;

import dev.agenttrace.Context;
import dev.agenttrace.Span;
import dev.agenttrace.StatusCode;
import dev.agenttrace.metrics.TailSamplingStats;
import dev.agenttrace.processing.Sampler;
import dev.agenttrace.processing.TailSamplingProcessor;
import dev.agenttrace.sdk.TracerSdk;
import dev.agenttrace.spi.Clock;
import dev.agenttrace.spi.SpanData;
import dev.agenttrace.spi.SpanProcessor;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;

/**
 * A paced soak of tail sampling with the README's settings (keep errors and traces slower than 10
 * s, keep 10 % of the rest; default waits and limits) at 1,000, 10,000 and 100,000 traces per
 * second: does the kept share of traces without a reason to keep them stay at 10 %, is every failed
 * trace kept whole, and does memory stay bounded?
 *
 * <p>Each trace is an agent run: a root, a model call and a tool call. 1 % fail in the tool call
 * before the root ends; 5 % have an asynchronous tool still running when the root ends, which ends
 * 20 ms later, and another 0.5 % have one that fails then (a failure after the root, within {@code
 * lateSpanWait}). A downstream processor counts what is kept, by the kind of trace each span
 * belongs to (the first word of its name). Driver threads (two by default) share the rate, each on
 * its own schedule, ending due asynchronous tools between traces; the rate they achieved is
 * reported, since a loaded machine may not reach the target. A second table runs the same traffic
 * on a virtual clock that the tracer and the processor read, one trace every {@code 1 / rate}
 * seconds exactly: the processor's waits and limits then see the target rate whatever the load.
 *
 * <pre>
 * java -cp benchmarks/target/benchmarks.jar dev.agenttrace.benchmarks.TailSamplingSoak [seconds [threads]]
 * </pre>
 */
public final class TailSamplingSoak {
  private static final int[] RATES = {1_000, 10_000, 100_000};
  private static final long ASYNC_TOOL_NANOS = TimeUnit.MILLISECONDS.toNanos(20);

  private enum Kind {
    OK,
    FAILS,
    ASYNC,
    LATE_FAILS;

    final String prefix = name().toLowerCase(Locale.ROOT) + ' ';

    static Kind of(SpanData span) {
      String name = span.name();
      return valueOf(name.substring(0, name.indexOf(' ')).toUpperCase(Locale.ROOT));
    }
  }

  /** Counts kept spans and kept roots per kind of trace. */
  private static final class KeptCounter implements SpanProcessor {
    final LongAdder[] spans = adders();
    final LongAdder[] roots = adders();

    private static LongAdder[] adders() {
      LongAdder[] adders = new LongAdder[Kind.values().length];
      for (int i = 0; i < adders.length; i++) {
        adders[i] = new LongAdder();
      }
      return adders;
    }

    @Override
    public void onEnd(SpanData span) {
      int kind = Kind.of(span).ordinal();
      spans[kind].increment();
      if (!span.parentSpanContext().isValid()) {
        roots[kind].increment();
      }
    }
  }

  private record AsyncTool(long endsAtNanos, Span span) {}

  private TailSamplingSoak() {}

  public static void main(String[] args) throws InterruptedException {
    int seconds = args.length > 0 ? Integer.parseInt(args[0]) : 10;
    int threads = args.length > 1 ? Integer.parseInt(args[1]) : 2;
    System.out.printf(
        Locale.ROOT,
        "JDK %s, %d cores; %d s per rate, %d driver threads; keep errors, > 10 s, 10 %% of the"
            + " rest%n%n",
        System.getProperty("java.version"),
        Runtime.getRuntime().availableProcessors(),
        seconds,
        threads);
    String header =
        "| Target traces/s | Achieved | Traces w/o reason | Kept share | Early failures kept"
            + " whole | Late failures kept whole | Decided early (evicted) | Max pending |"
            + " Max spans held |\n|---:|---:|---:|---:|---:|---:|---:|---:|---:|";
    run(10_000, 2, threads); // warm-up, not reported
    System.out.println("Paced on the wall clock:\n");
    System.out.println(header);
    for (int rate : RATES) {
      System.out.println(run(rate, seconds, threads));
    }
    System.out.println("\nPaced on a virtual clock (the rate the processor sees is exact):\n");
    System.out.println(header);
    for (int rate : RATES) {
      System.out.println(runVirtual(rate, seconds, ASYNC_TOOL_NANOS));
    }
    System.out.println(
        "\nUnder pressure: the asynchronous tools run 3 s, longer than lateSpanWait (2 s), so"
            + " about 11,000 traces would wait with room for maxTraces = 10,000; the oldest are"
            + " decided early by the same rules (virtual clock):\n");
    System.out.println(header);
    System.out.println(runVirtual(100_000, seconds, TimeUnit.SECONDS.toNanos(3)));
  }

  /** One driver thread: its share of the rate, what it started, and what it saw of memory. */
  private static final class Driver implements Runnable {
    final TracerSdk tracer;
    final TailSamplingProcessor tail;
    final long ratePerThread;
    final long firstTrace;
    final long stride;
    final long start;
    final long end;
    final long[] started = new long[Kind.values().length];
    final long[] spansStarted = new long[Kind.values().length];
    final ArrayDeque<AsyncTool> running = new ArrayDeque<>();
    long traces;
    long maxPending;
    long maxBuffered;

    Driver(TracerSdk tracer, TailSamplingProcessor tail, long rate, int index, int of, long end) {
      this.tracer = tracer;
      this.tail = tail;
      this.ratePerThread = rate / of;
      this.firstTrace = index;
      this.stride = of;
      this.start = System.nanoTime();
      this.end = end;
    }

    @Override
    public void run() {
      long nextStats = start;
      long now;
      while ((now = System.nanoTime()) - end < 0) {
        long due = (now - start) * ratePerThread / 1_000_000_000L;
        while (traces < due) {
          Kind kind = kindOf(firstTrace + traces * stride);
          started[kind.ordinal()]++;
          spansStarted[kind.ordinal()] +=
              trace(tracer, kind, running, System.nanoTime() + ASYNC_TOOL_NANOS);
          traces++;
          endDue(running, System.nanoTime()); // on time even while the driver catches up
        }
        endDue(running, now);
        if (now - nextStats >= 0) {
          TailSamplingStats stats = tail.stats();
          maxPending = Math.max(maxPending, stats.tracesPending());
          maxBuffered = Math.max(maxBuffered, stats.spansBuffered());
          nextStats = now + TimeUnit.MILLISECONDS.toNanos(10);
        }
        if (traces >= due) {
          Thread.onSpinWait();
        }
      }
      while (!running.isEmpty()) {
        endDue(running, System.nanoTime());
        Thread.onSpinWait();
      }
    }
  }

  private static String run(int rate, int seconds, int threads) throws InterruptedException {
    KeptCounter kept = new KeptCounter();
    TailSamplingProcessor tail =
        TailSamplingProcessor.builder(kept)
            .slowerThan(Duration.ofSeconds(10))
            .keepProbability(0.1)
            .build();
    TracerSdk tracer =
        TracerSdk.builder().sampler(Sampler.alwaysOn()).addSpanProcessor(tail).build();
    long start = System.nanoTime();
    long end = start + TimeUnit.SECONDS.toNanos(seconds);
    Driver[] drivers = new Driver[threads];
    Thread[] running = new Thread[threads];
    for (int t = 0; t < threads; t++) {
      drivers[t] = new Driver(tracer, tail, rate, t, threads, end);
      running[t] = new Thread(drivers[t], "soak-driver-" + t);
      running[t].start();
    }
    for (Thread thread : running) {
      thread.join();
    }
    long[] started = new long[Kind.values().length];
    long[] spansStarted = new long[Kind.values().length];
    long traces = 0;
    long maxPending = 0;
    long maxBuffered = 0;
    for (Driver driver : drivers) {
      for (int k = 0; k < started.length; k++) {
        started[k] += driver.started[k];
        spansStarted[k] += driver.spansStarted[k];
      }
      traces += driver.traces;
      maxPending = Math.max(maxPending, driver.maxPending);
      maxBuffered = Math.max(maxBuffered, driver.maxBuffered);
    }
    double achieved = traces / (seconds * 1.0);
    tracer.shutdown(Duration.ofSeconds(10));
    return row(rate, achieved, kept, tail.stats(), started, spansStarted, maxPending, maxBuffered);
  }

  /** A clock that moves only when told: the processor's waits see exactly the paced rate. */
  private static final class VirtualClock implements Clock {
    volatile long nanos;

    @Override
    public long epochNanos() {
      return 1_700_000_000_000_000_000L + nanos;
    }

    @Override
    public long nanoTime() {
      return nanos;
    }
  }

  /**
   * The same traffic paced on a virtual clock that the tracer and the processor read: trace {@code
   * n} starts at {@code n / rate} seconds exactly, whatever the machine's load, so the rate the
   * processor's waits and limits see is the target.
   */
  private static String runVirtual(int rate, int seconds, long asyncToolNanos) {
    VirtualClock clock = new VirtualClock();
    KeptCounter kept = new KeptCounter();
    TailSamplingProcessor tail =
        TailSamplingProcessor.builder(kept)
            .slowerThan(Duration.ofSeconds(10))
            .keepProbability(0.1)
            .clock(clock)
            .sweepInterval(Duration.ZERO)
            .build();
    TracerSdk tracer =
        TracerSdk.builder().clock(clock).sampler(Sampler.alwaysOn()).addSpanProcessor(tail).build();
    long[] started = new long[Kind.values().length];
    long[] spansStarted = new long[Kind.values().length];
    ArrayDeque<AsyncTool> running = new ArrayDeque<>();
    long maxPending = 0;
    long maxBuffered = 0;
    long traces = (long) rate * seconds;
    for (long n = 0; n < traces; n++) {
      clock.nanos = n * 1_000_000_000L / rate;
      Kind kind = kindOf(n);
      started[kind.ordinal()]++;
      spansStarted[kind.ordinal()] += trace(tracer, kind, running, clock.nanos + asyncToolNanos);
      endDue(running, clock.nanos);
      if (n % 100 == 0) {
        TailSamplingStats stats = tail.stats();
        maxPending = Math.max(maxPending, stats.tracesPending());
        maxBuffered = Math.max(maxBuffered, stats.spansBuffered());
      }
    }
    while (!running.isEmpty()) {
      clock.nanos = running.peek().endsAtNanos();
      endDue(running, clock.nanos);
    }
    tracer.shutdown(Duration.ofSeconds(10));
    return row(rate, rate, kept, tail.stats(), started, spansStarted, maxPending, maxBuffered);
  }

  private static String row(
      int rate,
      double achieved,
      KeptCounter kept,
      TailSamplingStats stats,
      long[] started,
      long[] spansStarted,
      long maxPending,
      long maxBuffered) {
    long withoutReason = started[Kind.OK.ordinal()] + started[Kind.ASYNC.ordinal()];
    long keptWithoutReason =
        kept.roots[Kind.OK.ordinal()].sum() + kept.roots[Kind.ASYNC.ordinal()].sum();
    return String.format(
        Locale.ROOT,
        "| %,d | %,.0f | %,d | %.2f %% | %s | %s | %,d | %,d | %,d |",
        rate,
        achieved,
        withoutReason,
        100.0 * keptWithoutReason / withoutReason,
        whole(kept, Kind.FAILS, started, spansStarted),
        whole(kept, Kind.LATE_FAILS, started, spansStarted),
        stats.tracesEvicted(),
        maxPending,
        maxBuffered);
  }

  private static void endDue(ArrayDeque<AsyncTool> running, long now) {
    while (!running.isEmpty() && now - running.peek().endsAtNanos() >= 0) {
      running.poll().span().end();
    }
  }

  /** "kept of all (spans kept of spans)": whole if both are equal. */
  private static String whole(KeptCounter kept, Kind kind, long[] started, long[] spansStarted) {
    return String.format(
        Locale.ROOT,
        "%,d of %,d (%,d of %,d spans)",
        kept.roots[kind.ordinal()].sum(),
        started[kind.ordinal()],
        kept.spans[kind.ordinal()].sum(),
        spansStarted[kind.ordinal()]);
  }

  /** 1 % fail in the tool call, 5 % run an asynchronous tool, 0.5 % one that fails late. */
  private static Kind kindOf(long trace) {
    if (trace % 100 == 7) {
      return Kind.FAILS;
    }
    if (trace % 200 == 3) {
      return Kind.LATE_FAILS;
    }
    return trace % 20 == 11 ? Kind.ASYNC : Kind.OK;
  }

  /** Runs one trace of {@code kind}; returns how many spans it has. */
  private static int trace(
      TracerSdk tracer, Kind kind, ArrayDeque<AsyncTool> running, long asyncToolEndsAt) {
    String prefix = kind.prefix;
    Span root = tracer.spanBuilder(prefix + "invoke_agent support").setNoParent().startSpan();
    Context inRoot = Context.root().with(root);
    tracer.spanBuilder(prefix + "chat model").setParent(inRoot).startSpan().end();
    Span tool =
        tracer.spanBuilder(prefix + "execute_tool lookup_order").setParent(inRoot).startSpan();
    if (kind == Kind.FAILS) {
      tool.setStatus(StatusCode.ERROR, "order service down");
    }
    tool.end();
    int spans = 3;
    if (kind == Kind.ASYNC || kind == Kind.LATE_FAILS) {
      Span async = tracer.spanBuilder(prefix + "execute_tool notify").setParent(inRoot).startSpan();
      if (kind == Kind.LATE_FAILS) {
        async.setStatus(StatusCode.ERROR, "notification failed");
      }
      running.add(new AsyncTool(asyncToolEndsAt, async));
      spans++;
    }
    root.end();
    return spans;
  }
}

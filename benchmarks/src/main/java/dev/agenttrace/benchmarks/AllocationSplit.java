package dev.agenttrace.benchmarks;

import com.sun.management.ThreadMXBean;
import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

/**
 * Where a recorded span's bytes and CPU time go, per thread: the traced caller and the export
 * worker, for the generated proxy into AgentTrace and for the same span by hand into the
 * OpenTelemetry SDK (the setups of {@code ToolCallBenchmark}). JMH's {@code gc.alloc.rate.norm}
 * sums every thread; this separates them, and since it counts bytes and CPU time of two known
 * threads, a busy machine changes its byte figures not at all.
 *
 * <p>Each round makes 20,000 calls, then flushes, so that the worker has exported exactly those
 * spans; the last five of 30 rounds are printed.
 */
public final class AllocationSplit {
  private static final int CALLS = 20_000;
  private static final int ROUNDS = 30;

  private AllocationSplit() {}

  public static void main(String[] args) throws InterruptedException {
    try (AgentTraceSetup agentTrace = AgentTraceSetup.recording()) {
      OrderLookup tool = OrderLookupTraced.wrap(new DirectOrderLookup());
      measure(
          "AgentTrace",
          "agenttrace-batch-span-processor",
          tool::lookup,
          () -> agentTrace.tracer.forceFlush(Duration.ofSeconds(10)));
    }
    try (OtelSetup otel = new OtelSetup()) {
      OrderLookup tool = new DirectOrderLookup();
      measure(
          "OpenTelemetry SDK",
          "BatchSpanProcessor",
          id -> OtelTracedLookup.lookup(otel.tracer, tool, id),
          () -> otel.provider.forceFlush().join(10, TimeUnit.SECONDS));
    }
  }

  private static void measure(
      String name, String workerName, java.util.function.IntUnaryOperator call, Runnable flush)
      throws InterruptedException {
    ThreadMXBean threads = (ThreadMXBean) ManagementFactory.getThreadMXBean();
    long caller = Thread.currentThread().getId();
    long sink = 0;
    for (int round = 0; round < ROUNDS; round++) {
      long worker = threadId(workerName);
      long callerBytes = threads.getThreadAllocatedBytes(caller);
      long callerCpu = threads.getCurrentThreadCpuTime();
      long workerBytes = threads.getThreadAllocatedBytes(worker);
      long workerCpu = threads.getThreadCpuTime(worker);
      for (int i = 0; i < CALLS; i++) {
        sink += call.applyAsInt(1_000 + i);
      }
      callerBytes = threads.getThreadAllocatedBytes(caller) - callerBytes;
      callerCpu = threads.getCurrentThreadCpuTime() - callerCpu;
      flush.run();
      workerBytes = threads.getThreadAllocatedBytes(worker) - workerBytes;
      workerCpu = threads.getThreadCpuTime(worker) - workerCpu;
      if (round >= ROUNDS - 5) {
        System.out.printf(
            Locale.ROOT,
            "%s per span: caller %.0f B, %.0f ns CPU; export worker %.0f B, %.0f ns CPU%n",
            name,
            callerBytes / (double) CALLS,
            callerCpu / (double) CALLS,
            workerBytes / (double) CALLS,
            workerCpu / (double) CALLS);
      }
      Thread.sleep(20);
    }
    if (sink == 42) {
      System.out.println();
    }
  }

  private static long threadId(String namePrefix) {
    for (Thread thread : Thread.getAllStackTraces().keySet()) {
      if (thread.getName().startsWith(namePrefix)) {
        return thread.getId();
      }
    }
    throw new IllegalStateException("no thread named " + namePrefix + "*");
  }
}

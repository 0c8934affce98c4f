package dev.agenttrace.config;

import dev.agenttrace.processing.TraceListener;
import dev.agenttrace.spi.SpanData;
import java.io.PrintStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.ServiceLoader;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The embedded console output: prints each trace as a tree when its root span ends. Rendering and
 * printing happen on one daemon thread ({@code agenttrace-console}), never on the thread that ended
 * the root span, so a slow or blocked console cannot slow a traced call. Traces wait in a bounded
 * queue; when it is full a trace is not printed and is counted ({@link #droppedTraces()}).
 *
 * <p>Trees come from the {@link TraceFormatter} of {@code agenttrace-view} when it is on the class
 * path; without it each trace is one summary line.
 */
final class ConsoleTraceListener implements TraceListener {
  private static final Logger logger = LoggerFactory.getLogger(ConsoleTraceListener.class);

  /** Marks the end of the queue; compared by identity. */
  private static final List<SpanData> STOP = new ArrayList<>(0);

  private final PrintStream out;
  private final BlockingQueue<List<SpanData>> queue;
  private final AtomicLong dropped = new AtomicLong();
  private final Thread printer;
  private final TraceFormatter formatter;

  ConsoleTraceListener(PrintStream out, int maxQueuedTraces) {
    this.out = out;
    this.queue = new ArrayBlockingQueue<>(maxQueuedTraces);
    this.formatter = loadFormatter();
    this.printer = new Thread(this::printLoop, "agenttrace-console");
    printer.setDaemon(true);
    printer.start();
  }

  @Override
  public void traceEnded(SpanData root, List<SpanData> spans) {
    if (!queue.offer(spans)) {
      dropped.incrementAndGet();
    }
  }

  /** Traces not printed because the queue was full. */
  long droppedTraces() {
    return dropped.get();
  }

  /**
   * Prints what is queued, then stops the printer, waiting at most {@code timeout}.
   *
   * @return whether everything queued was printed in time
   */
  boolean shutdown(Duration timeout) {
    long deadline = System.nanoTime() + timeout.toNanos();
    try {
      while (!queue.offer(STOP, 10, TimeUnit.MILLISECONDS)) {
        if (System.nanoTime() >= deadline || !printer.isAlive()) {
          printer.interrupt();
          return false;
        }
      }
      printer.join(Math.max(1, (deadline - System.nanoTime()) / 1_000_000));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
    return !printer.isAlive();
  }

  private void printLoop() {
    try {
      while (true) {
        List<SpanData> spans = queue.take();
        if (spans == STOP) {
          return;
        }
        try {
          String tree = formatter.format(spans);
          synchronized (out) {
            out.print(tree);
            out.flush();
          }
        } catch (RuntimeException e) {
          logger.warn("Could not print a trace to the console", e);
        }
      }
    } catch (InterruptedException e) {
      // Shut down: stop printing.
    }
  }

  private static TraceFormatter loadFormatter() {
    for (TraceFormatter found : ServiceLoader.load(TraceFormatter.class)) {
      return found;
    }
    logger.info("Add dev.agenttrace:agenttrace-view to print each trace as a tree on the console");
    return ConsoleTraceListener::summaryLine;
  }

  /** One line per trace: its root (the span that ended last), span count and duration. */
  static String summaryLine(List<SpanData> spans) {
    SpanData root = spans.get(spans.size() - 1);
    return String.format(
        "trace %s: %s, %d span%s, %.1f ms%n",
        root.spanContext().traceId(),
        root.name(),
        spans.size(),
        spans.size() == 1 ? "" : "s",
        (root.endEpochNanos() - root.startEpochNanos()) / 1e6);
  }

  @Override
  public String toString() {
    return "console";
  }
}

package dev.agenttrace.processing;

import dev.agenttrace.SpanData;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Keeps every ended span in memory, in the order they ended. Meant for tests and for small programs
 * that print their traces; it grows without bound, so do not use it in a long-running service.
 *
 * <pre>{@code
 * InMemorySpanCollector collector = new InMemorySpanCollector();
 * AgentTrace.install(TracerSdk.builder().addSpanProcessor(collector).build());
 * agent.answer("Where is my order?");
 * assertThat(collector.finishedSpans()).extracting(SpanData::name).contains("invoke_agent support");
 * }</pre>
 */
public final class InMemorySpanCollector implements SpanProcessor {
  private final List<SpanData> spans = new ArrayList<>();
  private boolean stopped;

  @Override
  public synchronized void onEnd(SpanData span) {
    if (!stopped) {
      spans.add(span);
      notifyAll();
    }
  }

  /** A snapshot of the spans ended so far, oldest first. */
  public synchronized List<SpanData> finishedSpans() {
    return List.copyOf(spans);
  }

  /**
   * Waits until at least {@code count} spans have ended, for spans that end on other threads.
   *
   * @return the spans ended so far, whether or not {@code count} was reached in time
   */
  public synchronized List<SpanData> awaitSpans(int count, Duration timeout)
      throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    long remaining;
    while (spans.size() < count && (remaining = deadline - System.nanoTime()) > 0) {
      wait(Math.max(1, remaining / 1_000_000));
    }
    return List.copyOf(spans);
  }

  /** Forgets the spans collected so far. */
  public synchronized void clear() {
    spans.clear();
  }

  @Override
  public synchronized boolean shutdown(Duration timeout) {
    stopped = true;
    return true;
  }

  @Override
  public synchronized String toString() {
    return "InMemorySpanCollector{" + spans.size() + " spans}";
  }

  /** Spans in the order they ended; a list for callers that sort or filter themselves. */
  public synchronized List<SpanData> drain() {
    List<SpanData> drained = new ArrayList<>(spans);
    spans.clear();
    return drained;
  }
}

package dev.agenttrace.processing;

import dev.agenttrace.spi.SpanData;
import dev.agenttrace.spi.SpanProcessor;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;

/**
 * Keeps ended spans in memory, in the order they ended. {@code new InMemorySpanCollector()} keeps
 * every span (for tests: it grows without bound); {@code new InMemorySpanCollector(capacity)} keeps
 * the newest {@code capacity} spans, evicting the oldest and counting them ({@link
 * #evictedSpans()}), which is safe in a long-running service.
 *
 * <pre>{@code
 * InMemorySpanCollector collector = new InMemorySpanCollector();
 * AgentTrace.install(TracerSdk.builder().addSpanProcessor(collector).build());
 * agent.answer("Where is my order?");
 * assertThat(collector.finishedSpans()).extracting(SpanData::name).contains("invoke_agent support");
 * }</pre>
 */
public final class InMemorySpanCollector implements SpanProcessor {
  private final ArrayDeque<SpanData> spans = new ArrayDeque<>();
  private final int capacity;
  private long evicted;
  private long ended;
  private boolean stopped;

  /** A collector that keeps every span, for tests. */
  public InMemorySpanCollector() {
    this.capacity = Integer.MAX_VALUE;
  }

  /**
   * A collector that keeps at most the newest {@code capacity} spans.
   *
   * @throws IllegalArgumentException if {@code capacity} is not positive
   */
  public InMemorySpanCollector(int capacity) {
    if (capacity < 1) {
      throw new IllegalArgumentException("capacity must be positive: " + capacity);
    }
    this.capacity = capacity;
  }

  /** Nothing to do at start: spans are collected when they end. */
  @Override
  public boolean isStartRequired() {
    return false;
  }

  @Override
  public synchronized void onEnd(SpanData span) {
    if (!stopped) {
      if (spans.size() >= capacity) {
        spans.removeFirst();
        evicted++;
      }
      spans.addLast(span);
      ended++;
      notifyAll();
    }
  }

  /** Spans dropped, oldest first, to stay within the capacity. */
  public synchronized long evictedSpans() {
    return evicted;
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
    while (ended < count && (remaining = deadline - System.nanoTime()) > 0) {
      wait(Math.max(1, remaining / 1_000_000));
    }
    return List.copyOf(spans);
  }

  /** Forgets the spans collected so far. */
  public synchronized void clear() {
    spans.clear();
    ended = 0;
  }

  @Override
  public synchronized boolean shutdown(Duration timeout) {
    stopped = true;
    return true;
  }

  @Override
  public synchronized String toString() {
    return "InMemorySpanCollector{" + spans.size() + " spans, " + evicted + " evicted}";
  }

  /** Spans in the order they ended; a list for callers that sort or filter themselves. */
  public synchronized List<SpanData> drain() {
    List<SpanData> drained = new ArrayList<>(spans);
    spans.clear();
    ended = 0;
    return drained;
  }
}

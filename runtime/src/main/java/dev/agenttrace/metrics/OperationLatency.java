package dev.agenttrace.metrics;

import dev.agenttrace.spi.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The latencies of one operation: everything since the start, and sliding windows of recent time
 * (by default the last minute, hour and day, each kept twice over so that it can be compared with
 * the one before). Obtained from {@link TracingMetrics#latency(OperationKey)}.
 */
public final class OperationLatency {
  private final OperationKey key;
  private final LatencyHistogram total = new LatencyHistogram();

  /**
   * An array, not a list: {@link #record} runs for every ended span, and iterating a list allocates
   * an iterator that the JIT does not always remove.
   */
  private final SlidingWindowHistogram[] windows;

  OperationLatency(OperationKey key, List<WindowSpec> specs, Clock clock) {
    this.key = key;
    List<SlidingWindowHistogram> built = new ArrayList<>(specs.size());
    for (WindowSpec spec : specs) {
      built.add(new SlidingWindowHistogram(spec.subWindow(), spec.subWindows(), clock));
    }
    this.windows = built.toArray(new SlidingWindowHistogram[0]);
  }

  /** How one sliding window is cut: {@code subWindows} of {@code subWindow} each. */
  record WindowSpec(Duration subWindow, int subWindows) {}

  /** Records a latency that ended at {@code nanoTime}, read once for every window. */
  void record(long nanos, long nanoTime) {
    total.record(nanos);
    for (int i = 0; i < windows.length; i++) {
      windows[i].record(nanos, nanoTime);
    }
  }

  /** The operation measured. */
  public OperationKey key() {
    return key;
  }

  /** Every latency recorded since the processor started. */
  public HistogramSnapshot total() {
    return total.snapshot();
  }

  /**
   * The latencies of the last {@code window}, such as {@code Duration.ofMinutes(1)}, from the
   * finest sliding window that keeps it; see {@link SlidingWindowHistogram} for the edge.
   *
   * @throws IllegalArgumentException if no configured window keeps that long
   */
  public HistogramSnapshot window(Duration window) {
    return finest(window, 1).snapshot(window);
  }

  /**
   * The last {@code window} against the one before it: for example the p95 of this hour against the
   * previous hour.
   *
   * @throws IllegalArgumentException if no configured window keeps twice that long
   */
  public PeriodComparison compare(Duration window) {
    return finest(window, 2).compare(window);
  }

  private SlidingWindowHistogram finest(Duration window, int times) {
    for (SlidingWindowHistogram candidate : windows) {
      if (candidate.fits(window, times)) {
        return candidate;
      }
    }
    throw new IllegalArgumentException(
        "no sliding window keeps "
            + (times > 1 ? "twice " : "")
            + window
            + "; configured: "
            + Arrays.toString(windows));
  }

  @Override
  public String toString() {
    return "OperationLatency{" + key + ", " + total.snapshot() + '}';
  }
}

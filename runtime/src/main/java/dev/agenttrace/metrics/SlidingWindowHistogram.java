package dev.agenttrace.metrics;

import static java.util.Objects.requireNonNull;

import dev.agenttrace.spi.Clock;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicReferenceArray;

/**
 * A histogram of recent values only: a ring of sub-window histograms, each covering {@code
 * subWindow} of time, the oldest replaced as time moves on. Memory is bounded by the ring size,
 * whatever the rate of values.
 *
 * <p>Window semantics, exactly: time is cut into sub-windows of {@code subWindow} starting when the
 * histogram is created. A window of {@code k} sub-windows covers the current (partly elapsed)
 * sub-window and the {@code k - 1} before it, so a value recorded at time {@code t} is in it while
 * {@code floor(now / subWindow) - floor(t / subWindow) < k}: it stays between {@code (k - 1) *
 * subWindow} and {@code k * subWindow}. Finer sub-windows make the edge sharper and cost more
 * memory.
 *
 * <pre>{@code
 * // the last minute in 10-second steps, keeping two minutes so minutes can be compared
 * SlidingWindowHistogram lastMinutes =
 *     new SlidingWindowHistogram(Duration.ofSeconds(10), 12, Clock.system());
 * lastMinutes.record(span.durationNanos());
 * PeriodComparison change = lastMinutes.compare(Duration.ofMinutes(1));
 * }</pre>
 *
 * <p>Recording is lock-free: it records into the current sub-window's {@link LatencyHistogram}; the
 * first value of a new sub-window swaps in a fresh histogram with one compare-and-set.
 */
public final class SlidingWindowHistogram {
  private final long subWindowNanos;
  private final Clock clock;
  private final long origin;
  private final AtomicReferenceArray<SubWindow> ring;

  /** One sub-window: its number since the origin, and its values. */
  private static final class SubWindow {
    final long index;
    final LatencyHistogram histogram = new LatencyHistogram();

    SubWindow(long index) {
      this.index = index;
    }
  }

  /**
   * A window of {@code subWindows} sub-windows of {@code subWindow} each, timed by {@code clock}'s
   * monotonic {@link Clock#nanoTime()}.
   */
  public SlidingWindowHistogram(Duration subWindow, int subWindows, Clock clock) {
    this.subWindowNanos = requireNonNull(subWindow, "subWindow").toNanos();
    if (subWindowNanos <= 0) {
      throw new IllegalArgumentException("subWindow must be positive, was " + subWindow);
    }
    if (subWindows < 1) {
      throw new IllegalArgumentException("subWindows must be at least 1, was " + subWindows);
    }
    this.clock = requireNonNull(clock, "clock");
    this.origin = clock.nanoTime();
    this.ring = new AtomicReferenceArray<>(subWindows);
  }

  /** The length of one sub-window. */
  public Duration subWindow() {
    return Duration.ofNanos(subWindowNanos);
  }

  /** How far back values are kept: the sub-window length times the number of sub-windows. */
  public Duration retention() {
    return Duration.ofNanos(subWindowNanos * ring.length());
  }

  private long currentIndex() {
    return indexAt(clock.nanoTime());
  }

  private long indexAt(long nanoTime) {
    return Math.floorDiv(nanoTime - origin, subWindowNanos);
  }

  /** Records {@code value} into the current sub-window. */
  public void record(long value) {
    record(value, clock.nanoTime());
  }

  /** Records {@code value} into the sub-window of {@code nanoTime}, a reading of the clock. */
  void record(long value, long nanoTime) {
    long index = indexAt(nanoTime);
    int slot = (int) Math.floorMod(index, (long) ring.length());
    SubWindow window = ring.get(slot);
    while (window == null || window.index < index) {
      ring.compareAndSet(slot, window, new SubWindow(index));
      window = ring.get(slot);
    }
    // A window newer than index means this thread read the clock just before another thread
    // moved on; the value lands in the newer sub-window, off by at most one sub-window.
    window.histogram.record(value);
  }

  /** The values of the last {@code window}, rounded up to whole sub-windows. */
  public HistogramSnapshot snapshot(Duration window) {
    int k = subWindowsIn(window, 1);
    long now = currentIndex();
    return snapshotOf(now - k + 1, now);
  }

  /** The values of every kept sub-window. */
  public HistogramSnapshot snapshot() {
    long now = currentIndex();
    return snapshotOf(now - ring.length() + 1, now);
  }

  /**
   * Compares the last {@code window} (rounded up to whole sub-windows) with the window just before
   * it, for example this minute against the previous one.
   *
   * @throws IllegalArgumentException if twice {@code window} exceeds the {@linkplain #retention()
   *     retention}
   */
  public PeriodComparison compare(Duration window) {
    int k = subWindowsIn(window, 2);
    long now = currentIndex();
    return new PeriodComparison(snapshotOf(now - 2 * k + 1, now - k), snapshotOf(now - k + 1, now));
  }

  private int subWindowsIn(Duration window, int times) {
    if (!fits(requireNonNull(window, "window"), times)) {
      throw new IllegalArgumentException(
          "a window of "
              + window
              + (times > 1 ? " (twice, to compare)" : "")
              + " does not fit the "
              + retention()
              + " this histogram keeps");
    }
    return (int) subWindowsCovering(window);
  }

  /** How many sub-windows {@code window} covers, rounded up, at least one. */
  private long subWindowsCovering(Duration window) {
    return Math.max(1, (window.toNanos() + subWindowNanos - 1) / subWindowNanos);
  }

  /** Merges the sub-windows numbered {@code from} to {@code to}, both included. */
  private HistogramSnapshot snapshotOf(long from, long to) {
    HistogramSnapshot merged = HistogramSnapshot.empty();
    for (int i = 0; i < ring.length(); i++) {
      SubWindow window = ring.get(i);
      if (window != null && window.index >= from && window.index <= to) {
        merged = merged.merge(window.histogram.snapshot());
      }
    }
    return merged;
  }

  /**
   * Whether {@code window} fits this histogram, {@code times} over: a window of the last hour fits
   * once in a histogram keeping an hour, but needs two hours to be compared.
   */
  boolean fits(Duration window, int times) {
    return subWindowsCovering(window) * times <= ring.length();
  }

  @Override
  public String toString() {
    return "SlidingWindowHistogram{" + subWindow() + " x " + ring.length() + '}';
  }
}

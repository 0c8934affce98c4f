package dev.agenttrace.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.agenttrace.testing.ManualClock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

class SlidingWindowHistogramTest {
  private static final Duration TEN_SECONDS = Duration.ofSeconds(10);
  private static final Duration MINUTE = Duration.ofMinutes(1);

  private final ManualClock clock = new ManualClock();

  /** A minute in six 10-second sub-windows, kept for two minutes. */
  private final SlidingWindowHistogram histogram =
      new SlidingWindowHistogram(TEN_SECONDS, 12, clock);

  @Test
  void aValueStaysInTheLastMinuteUntilItsSubWindowIsSixSubWindowsOld() {
    histogram.record(5_000);

    clock.set(Duration.ofMillis(59_999));
    assertThat(histogram.snapshot(MINUTE).count()).isEqualTo(1);

    clock.set(Duration.ofSeconds(60));
    assertThat(histogram.snapshot(MINUTE).count()).isZero();
    assertThat(histogram.snapshot().count()).isEqualTo(1);

    clock.set(Duration.ofSeconds(120));
    assertThat(histogram.snapshot().count()).isZero();
  }

  @Test
  void aValueRecordedLateInItsSubWindowLeavesWithItsSubWindow() {
    clock.set(Duration.ofMillis(9_999));
    histogram.record(5_000);

    clock.set(Duration.ofMillis(59_999));
    assertThat(histogram.snapshot(MINUTE).count()).isEqualTo(1);
    clock.set(Duration.ofSeconds(60));
    assertThat(histogram.snapshot(MINUTE).count()).isZero();
  }

  @Test
  void percentilesAtEachWindowBoundaryAreThoseOfExactlyTheValuesInTheWindow() {
    SplittableRandom random = new SplittableRandom(5);
    List<List<Long>> perSubWindow = new ArrayList<>();
    // Three minutes of values; each sub-window has its own level so a wrong edge shows.
    for (int s = 0; s < 18; s++) {
      clock.set(TEN_SECONDS.multipliedBy(s));
      List<Long> values = new ArrayList<>();
      for (int i = 0; i < 200; i++) {
        long value = (s + 1) * 1_000_000L + random.nextLong(500_000);
        values.add(value);
        histogram.record(value);
      }
      perSubWindow.add(values);

      // At the start of sub-window s, the last minute is sub-windows s-5 .. s.
      List<Long> inWindow = new ArrayList<>();
      for (int w = Math.max(0, s - 5); w <= s; w++) {
        inWindow.addAll(perSubWindow.get(w));
      }
      ExactStatistics exact = new ExactStatistics(inWindow);
      HistogramSnapshot snapshot = histogram.snapshot(MINUTE);
      assertThat(snapshot.count()).as("count at sub-window %s", s).isEqualTo(inWindow.size());
      assertThat(snapshot.min()).isEqualTo(exact.min());
      assertThat(snapshot.max()).isEqualTo(exact.max());
      assertThat(snapshot.mean()).isCloseTo(exact.mean(), within(1e-3));
      for (double p : new double[] {50, 95, 99}) {
        long expected = exact.percentile(p);
        assertThat((double) snapshot.percentile(p))
            .as("p%s at sub-window %s", p, s)
            .isCloseTo(expected, within(expected / 128.0));
      }
    }
  }

  @Test
  void comparesTheLastMinuteWithTheMinuteBefore() {
    for (int i = 0; i < 100; i++) {
      histogram.record(100_000_000L);
    }
    clock.set(Duration.ofSeconds(60));
    for (int i = 0; i < 100; i++) {
      histogram.record(i < 50 ? 100_000_000L : 300_000_000L);
    }

    PeriodComparison comparison = histogram.compare(MINUTE);

    assertThat(comparison.baseline().count()).isEqualTo(100);
    assertThat(comparison.current().count()).isEqualTo(100);
    // Each percentile is within 1/128 of the true one, so each change is within 2/128 of it.
    assertThat(comparison.p50Change()).isCloseTo(0L, within(2 * 100_000_000L / 128));
    assertThat(comparison.p95Change()).isCloseTo(200_000_000L, within(2 * 300_000_000L / 128));
    assertThat(comparison.relativeChange(95)).isCloseTo(2.0, within(0.05));
  }

  @Test
  void aComparisonWithAnEmptyPeriodHasNoRelativeChange() {
    histogram.record(1_000);

    assertThat(histogram.compare(MINUTE).relativeChange(50)).isNaN();
  }

  @Test
  void rejectsAWindowLongerThanWhatIsKept() {
    assertThatThrownBy(() -> histogram.snapshot(Duration.ofMinutes(3)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("PT2M");
    assertThatThrownBy(() -> histogram.compare(Duration.ofSeconds(90)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("twice");
  }

  @Test
  void memoryIsTheRingWhateverTheTimeSpan() {
    for (int minute = 0; minute < 10_000; minute++) {
      clock.set(Duration.ofMinutes(minute));
      histogram.record(minute);
    }

    // Two minutes are kept: the values of minutes 9998 and 9999.
    assertThat(histogram.snapshot().count()).isEqualTo(2);
    assertThat(histogram.snapshot().min()).isEqualTo(9_998);
    assertThat(histogram.snapshot(MINUTE).max()).isEqualTo(9_999);
  }

  @Test
  void valuesRecordedWhileSubWindowsRollOverAreNeverLost() throws Exception {
    SlidingWindowHistogram longRing =
        new SlidingWindowHistogram(Duration.ofSeconds(1), 20_000, clock);
    int threads = 3;
    int perThread = 300_000;
    AtomicBoolean recording = new AtomicBoolean(true);
    ExecutorService pool = Executors.newFixedThreadPool(threads + 1);
    try {
      Future<?> ticker =
          pool.submit(
              () -> {
                while (recording.get()) {
                  clock.advance(Duration.ofMillis(500));
                  Thread.sleep(1);
                }
                return null;
              });
      List<Future<?>> recorders = new ArrayList<>();
      for (int t = 0; t < threads; t++) {
        recorders.add(
            pool.submit(
                () -> {
                  for (int i = 0; i < perThread; i++) {
                    longRing.record(1_000 + i % 5_000);
                  }
                }));
      }
      for (Future<?> recorder : recorders) {
        recorder.get();
      }
      recording.set(false);
      ticker.get();
    } finally {
      pool.shutdown();
    }

    assertThat(clock.nanoTime())
        .isGreaterThan(Duration.ofSeconds(10).toNanos())
        .isLessThan(Duration.ofSeconds(20_000).toNanos());
    assertThat(longRing.snapshot().count()).isEqualTo((long) threads * perThread);
  }
}

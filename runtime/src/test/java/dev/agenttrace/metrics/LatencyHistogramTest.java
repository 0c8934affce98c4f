package dev.agenttrace.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;
import static org.assertj.core.api.Assertions.withinPercentage;

import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

class LatencyHistogramTest {
  private static final double[] PERCENTILES = {0, 1, 10, 25, 50, 75, 90, 95, 99, 99.9, 100};

  /** Durations spread over several powers of two, as real latencies are: 1 ms to about 20 s. */
  private static long[] logNormalLatencies(int n, long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    long[] values = new long[n];
    for (int i = 0; i < n; i++) {
      double gaussian =
          Math.sqrt(-2 * Math.log(1 - random.nextDouble()))
              * Math.cos(2 * Math.PI * random.nextDouble());
      values[i] = Math.max(1_000_000L, (long) Math.exp(Math.log(200e6) + 1.2 * gaussian));
    }
    return values;
  }

  private static HistogramSnapshot record(long... values) {
    LatencyHistogram histogram = new LatencyHistogram();
    for (long value : values) {
      histogram.record(value);
    }
    return histogram.snapshot();
  }

  private static void assertMatches(HistogramSnapshot snapshot, ExactStatistics exact) {
    assertThat(snapshot.sum()).isEqualTo(exact.sum());
    assertThat(snapshot.min()).isEqualTo(exact.min());
    assertThat(snapshot.max()).isEqualTo(exact.max());
    assertThat(snapshot.mean()).isCloseTo(exact.mean(), withinPercentage(1e-9));
    assertThat(snapshot.standardDeviation())
        .isCloseTo(exact.standardDeviation(), withinPercentage(1e-6));
    for (double p : PERCENTILES) {
      long expected = exact.percentile(p);
      assertThat((double) snapshot.percentile(p))
          .as("p%s", p)
          .isCloseTo(expected, within(expected / 128.0));
    }
  }

  @Test
  void reportsExactCountSumMinMaxMeanAndStandardDeviationOfOneToTenThousand() {
    long[] values = new long[10_000];
    for (int i = 0; i < values.length; i++) {
      values[i] = i + 1;
    }

    HistogramSnapshot snapshot = record(values);

    assertThat(snapshot.count()).isEqualTo(10_000);
    assertThat(snapshot.sum()).isEqualTo(50_005_000L);
    assertThat(snapshot.min()).isEqualTo(1);
    assertThat(snapshot.max()).isEqualTo(10_000);
    assertThat(snapshot.mean()).isEqualTo(5000.5);
    // Population standard deviation of 1..n is sqrt((n^2 - 1) / 12).
    assertThat(snapshot.standardDeviation())
        .isCloseTo(Math.sqrt((10_000.0 * 10_000 - 1) / 12), within(1e-6));
    assertMatches(snapshot, new ExactStatistics(values));
  }

  @Test
  void percentilesOfLogNormalLatenciesAreWithinOneIn128OfTheExactValues() {
    long[] values = logNormalLatencies(100_000, 42);

    assertMatches(record(values), new ExactStatistics(values));
  }

  @Test
  void smallValuesAreExact() {
    HistogramSnapshot snapshot = record(3, 7, 7, 40, 63);

    assertThat(snapshot.percentile(20)).isEqualTo(3);
    assertThat(snapshot.percentile(40)).isEqualTo(7);
    assertThat(snapshot.percentile(60)).isEqualTo(7);
    assertThat(snapshot.percentile(80)).isEqualTo(40);
    assertThat(snapshot.percentile(100)).isEqualTo(63);
  }

  @Test
  void percentileRanksFollowTheNearestRankDefinitionAtTheirBoundaries() {
    // 20 values 1..20: p95 is the 19th value, p95.0001 the 20th, p5 the 1st, p5.0001 the 2nd.
    long[] values = new long[20];
    for (int i = 0; i < 20; i++) {
      values[i] = i + 1;
    }
    HistogramSnapshot snapshot = record(values);

    assertThat(snapshot.percentile(95)).isEqualTo(19);
    assertThat(snapshot.percentile(95.0001)).isEqualTo(20);
    assertThat(snapshot.percentile(5)).isEqualTo(1);
    assertThat(snapshot.percentile(5.0001)).isEqualTo(2);
    assertThat(snapshot.p50()).isEqualTo(10);
  }

  @Test
  void mergedSnapshotsEqualOneHistogramOfAllValues() {
    long[] first = logNormalLatencies(5_000, 1);
    long[] second = logNormalLatencies(7_000, 2);
    long[] both = new long[first.length + second.length];
    System.arraycopy(first, 0, both, 0, first.length);
    System.arraycopy(second, 0, both, first.length, second.length);

    HistogramSnapshot merged = record(first).merge(record(second));
    HistogramSnapshot whole = record(both);

    assertThat(merged.count()).isEqualTo(whole.count());
    for (double p : PERCENTILES) {
      assertThat(merged.percentile(p)).isEqualTo(whole.percentile(p));
    }
    assertMatches(merged, new ExactStatistics(both));
  }

  @Test
  void valuesUpToLongMaxKeepTheBoundWithoutOverflow() {
    long[] values = new long[1_000];
    SplittableRandom random = new SplittableRandom(9);
    for (int i = 0; i < values.length; i++) {
      values[i] = Long.MAX_VALUE - random.nextLong(Long.MAX_VALUE / 4);
    }
    values[0] = Long.MAX_VALUE;
    HistogramSnapshot snapshot = record(values);
    ExactStatistics exact = new ExactStatistics(values);

    for (double p : PERCENTILES) {
      double expected = exact.percentile(p);
      assertThat((double) snapshot.percentile(p)).isCloseTo(expected, within(expected / 128));
    }
    assertThat(snapshot.max()).isEqualTo(Long.MAX_VALUE);
  }

  @Test
  void anEmptyHistogramReportsZeros() {
    HistogramSnapshot snapshot = new LatencyHistogram().snapshot();

    assertThat(snapshot.isEmpty()).isTrue();
    assertThat(snapshot.count()).isZero();
    assertThat(snapshot.mean()).isZero();
    assertThat(snapshot.standardDeviation()).isZero();
    assertThat(snapshot.p99()).isZero();
    assertThat(snapshot.max()).isZero();
  }

  @Test
  void negativeValuesCountAsZero() {
    HistogramSnapshot snapshot = record(-5, 10);

    assertThat(snapshot.min()).isZero();
    assertThat(snapshot.sum()).isEqualTo(10);
  }

  @Test
  void rejectsAPercentileOutsideZeroToHundred() {
    HistogramSnapshot snapshot = record(1, 2, 3);

    assertThatThrownBy(() -> snapshot.percentile(100.5))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("[0, 100]");
    assertThatThrownBy(() -> snapshot.percentile(-1)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void concurrentRecordingLosesNoValue() throws Exception {
    LatencyHistogram histogram = new LatencyHistogram();
    int threads = 4;
    int perThread = 250_000;
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    try {
      List<Future<?>> done = new ArrayList<>();
      for (int t = 0; t < threads; t++) {
        long seed = t;
        done.add(
            pool.submit(
                () -> {
                  for (long value : logNormalLatencies(perThread, seed)) {
                    histogram.record(value);
                  }
                }));
      }
      for (Future<?> future : done) {
        future.get();
      }
    } finally {
      pool.shutdown();
    }
    long[] all = new long[threads * perThread];
    for (int t = 0; t < threads; t++) {
      System.arraycopy(logNormalLatencies(perThread, t), 0, all, t * perThread, perThread);
    }

    HistogramSnapshot snapshot = histogram.snapshot();

    assertThat(snapshot.count()).isEqualTo(all.length);
    assertMatches(snapshot, new ExactStatistics(all));
  }

  @Test
  void memoryStaysBoundedHoweverManyValuesAreRecorded() {
    com.sun.management.ThreadMXBean threads =
        (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
    long thread = Thread.currentThread().getId();
    LatencyHistogram histogram = new LatencyHistogram();
    SplittableRandom random = new SplittableRandom(3);
    // Reach every power of two a long can hold, so every chunk there is gets allocated.
    for (int shift = 0; shift < 63; shift++) {
      histogram.record(1L << shift);
    }

    int values = 2_000_000;
    long before = threads.getThreadAllocatedBytes(thread);
    for (int i = 0; i < values; i++) {
      histogram.record(random.nextLong(Long.MAX_VALUE));
    }
    long allocated = threads.getThreadAllocatedBytes(thread) - before;

    assertThat(histogram.snapshot().count()).isEqualTo(values + 63);
    assertThat(allocated).isLessThan(64 * 1024);
  }
}

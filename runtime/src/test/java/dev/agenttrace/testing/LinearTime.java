package dev.agenttrace.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.function.Consumer;
import java.util.function.IntFunction;

/**
 * Checks that work on a 64 KiB input costs about what it costs on 64 inputs of 1 KiB: linear, not
 * quadratic, in the size of hostile input.
 *
 * <p>Both sides are measured in the same test, on the same thread, after a warm-up, as the minimum
 * of several rounds of <em>thread CPU time</em>: time the thread spent waiting for a core on a
 * loaded machine does not count, so the check holds on a busy 2-core CI runner. The bound is
 * generous: the 64 KiB input may cost up to {@value #FACTOR} times what 64 inputs of 1 KiB cost
 * together (so 512 times one 1 KiB input); a quadratic cost is 64 times, a cubic one thousands.
 * Below {@value #FLOOR_MILLIS} ms for the large input nothing is asserted: no quadratic algorithm
 * is that fast on 64 KiB, and clock granularity would dominate.
 */
public final class LinearTime {
  /** How many times the cost of the same volume in 1 KiB pieces the 64 KiB input may cost. */
  public static final int FACTOR = 8;

  /** Below this, the large input's cost is not compared. */
  public static final long FLOOR_MILLIS = 5;

  private static final int SMALL = 1024;
  private static final int LARGE = 64 * 1024;
  private static final int ROUNDS = 3;
  private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

  private LinearTime() {}

  /**
   * Asserts that {@code work} on {@code input.apply(65536)} costs at most {@value #FACTOR} times
   * {@code work} on {@code input.apply(1024)} run 64 times.
   *
   * @param what names the case in the failure message
   * @param input makes an input of the given length (in characters)
   */
  public static void assertLinear(String what, IntFunction<String> input, Consumer<String> work) {
    String small = input.apply(SMALL);
    String large = input.apply(LARGE);
    assertThat(large.length()).as(what + ": large input length").isGreaterThanOrEqualTo(LARGE);
    for (int i = 0; i < LARGE / SMALL; i++) {
      work.accept(small);
    }
    work.accept(large);
    long smallCost = Long.MAX_VALUE;
    long largeCost = Long.MAX_VALUE;
    for (int round = 0; round < ROUNDS; round++) {
      long start = now();
      for (int i = 0; i < LARGE / SMALL; i++) {
        work.accept(small);
      }
      smallCost = Math.min(smallCost, now() - start);
      start = now();
      work.accept(large);
      largeCost = Math.min(largeCost, now() - start);
    }
    if (largeCost < FLOOR_MILLIS * 1_000_000) {
      return;
    }
    assertThat(largeCost)
        .as(
            "%s: 64 KiB took %.2f ms, 64 x 1 KiB took %.2f ms (bound: %d times)",
            what, largeCost / 1e6, smallCost / 1e6, FACTOR)
        .isLessThanOrEqualTo(FACTOR * smallCost);
  }

  /** Inputs made of {@code unit} repeated to the length asked for. */
  public static IntFunction<String> repeat(String unit) {
    return length -> unit.repeat(length / unit.length() + 1).substring(0, length);
  }

  /** Inputs of {@code prefix}, then {@code unit} repeated, then {@code suffix}. */
  public static IntFunction<String> around(String prefix, String unit, String suffix) {
    return length -> prefix + repeat(unit).apply(length) + suffix;
  }

  private static long now() {
    return THREADS.isCurrentThreadCpuTimeSupported()
        ? THREADS.getCurrentThreadCpuTime()
        : System.nanoTime();
  }
}

package dev.agenttrace.proxy;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.LongAdder;

/**
 * Turns values read from a model call's arguments and result into GenAI attribute values, and
 * counts the values tracing had to skip or cut. Called by generated proxies, only when the span
 * records; never throws.
 *
 * <p>Counting: a value is <em>skipped</em> when reading it failed (an accessor threw); a value that
 * is simply absent ({@code null}, a negative token count) is not a failure and is not counted.
 * Captured content that exceeded its size bound is counted as <em>truncated</em>. The counts are
 * for the whole JVM, since the last start, and are what {@link #skippedCount()} and {@link
 * #truncatedCount()} report.
 */
public final class GenAiValues {
  /** String arrays keep at most this many elements, as spans do. */
  static final int MAX_ELEMENTS = 128;

  private static final LongAdder SKIPPED = new LongAdder();
  private static final LongAdder TRUNCATED = new LongAdder();

  private GenAiValues() {}

  /** Counts one attribute that was not recorded because reading it threw. */
  public static void skipped() {
    SKIPPED.increment();
  }

  /** Counts one captured value that was cut to its size bound. */
  public static void truncated() {
    TRUNCATED.increment();
  }

  /** Attributes not recorded because reading them threw, in this JVM so far. */
  public static long skippedCount() {
    return SKIPPED.sum();
  }

  /** Captured values cut to their size bound, in this JVM so far. */
  public static long truncatedCount() {
    return TRUNCATED.sum();
  }

  /**
   * An enum constant as a GenAI value: its name in lower case, since the conventions' values
   * ({@code stop}, {@code length}, {@code function}) are lower case.
   */
  public static String enumValue(Enum<?> constant) {
    return constant == null ? null : constant.name().toLowerCase(Locale.ROOT);
  }

  /**
   * A string array from what an accessor returned: an {@code Iterable} or array of strings, char
   * sequences or enums (null elements left out), or a single one of those as a one-element array.
   * At most {@value #MAX_ELEMENTS} elements; an element whose {@code toString()} throws is left out
   * and counted. Returns null (nothing to record) for null. Iterating a user's collection may
   * throw; the generated caller catches that and counts the attribute as skipped.
   */
  public static List<String> strings(Object value) {
    if (value == null) {
      return null;
    }
    List<String> strings = new ArrayList<>();
    if (value instanceof Iterable<?> iterable) {
      for (Object element : iterable) {
        if (strings.size() == MAX_ELEMENTS) {
          break;
        }
        add(strings, element);
      }
    } else if (value instanceof Object[] array) {
      for (int i = 0; i < array.length && strings.size() < MAX_ELEMENTS; i++) {
        add(strings, array[i]);
      }
    } else {
      add(strings, value);
    }
    return List.copyOf(strings);
  }

  private static void add(List<String> strings, Object element) {
    if (element == null) {
      return;
    }
    try {
      strings.add(element instanceof Enum<?> constant ? enumValue(constant) : element.toString());
    } catch (Throwable e) {
      // A failing toString() must not fail the traced call, nor cost the other elements.
      skipped();
    }
  }
}

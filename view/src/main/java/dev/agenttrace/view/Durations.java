package dev.agenttrace.view;

import java.util.Locale;

/** Formats durations for people: three significant digits at most, in the largest fitting unit. */
public final class Durations {
  private Durations() {}

  /** {@code 212 ms}, {@code 2.5 ms}, {@code 1.23 s}, {@code 840 µs}. */
  public static String format(long nanos) {
    if (nanos >= 1_000_000_000L) {
      return String.format(Locale.ROOT, "%.2f s", nanos / 1e9);
    }
    if (nanos >= 10_000_000L) {
      return (nanos / 1_000_000L) + " ms";
    }
    if (nanos >= 1_000_000L) {
      return String.format(Locale.ROOT, "%.1f ms", nanos / 1e6);
    }
    return (nanos / 1_000L) + " µs";
  }
}

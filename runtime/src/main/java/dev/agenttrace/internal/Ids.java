package dev.agenttrace.internal;

import java.util.concurrent.ThreadLocalRandom;

/**
 * W3C trace and span ids: made from random bits, kept as {@code long}s on the hot path, turned into
 * lowercase hex only when a span is exported or propagated.
 */
public final class Ids {
  private static final char[] HEX = "0123456789abcdef".toCharArray();

  /** The two hex characters of each byte value, at twice the value. */
  private static final char[] HEX_PAIRS = new char[512];

  static {
    for (int b = 0; b < 256; b++) {
      HEX_PAIRS[2 * b] = HEX[b >>> 4];
      HEX_PAIRS[2 * b + 1] = HEX[b & 0xF];
    }
  }

  /** The invalid span id, sixteen zeros. */
  public static final String INVALID_SPAN_ID = "0000000000000000";

  /** The invalid trace id, thirty-two zeros. */
  public static final String INVALID_TRACE_ID = "00000000000000000000000000000000";

  /**
   * Each thread's buffer for formatting ids: exporters format two or three ids per span, and a
   * buffer per call would be garbage as large as the strings themselves.
   */
  private static final ThreadLocal<char[]> HEX_BUFFER = ThreadLocal.withInitial(() -> new char[32]);

  private Ids() {}

  /**
   * A random, non-zero span id from {@code random}, the calling thread's generator (a tracer making
   * a trace id and a span id looks it up once).
   */
  public static long randomSpanId(ThreadLocalRandom random) {
    long id;
    do {
      id = random.nextLong();
    } while (id == 0);
    return id;
  }

  /** The 32-character lowercase hex form of a trace id. */
  public static String traceIdHex(long high, long low) {
    char[] chars = HEX_BUFFER.get();
    writeHex(high, chars, 0);
    writeHex(low, chars, 16);
    return new String(chars, 0, 32);
  }

  /** The 16-character lowercase hex form of a span id. */
  public static String spanIdHex(long id) {
    char[] chars = HEX_BUFFER.get();
    writeHex(id, chars, 0);
    return new String(chars, 0, 16);
  }

  /**
   * Appends the 16-character lowercase hex form of {@code value} to {@code out}, in one append of
   * the per-thread buffer (a character at a time costs a capacity check each).
   */
  public static void appendHex(long value, StringBuilder out) {
    char[] chars = HEX_BUFFER.get();
    writeHex(value, chars, 0);
    out.append(chars, 0, 16);
  }

  /** Appends the 32-character lowercase hex form of a trace id to {@code out}, in one append. */
  public static void appendTraceIdHex(long high, long low, StringBuilder out) {
    char[] chars = HEX_BUFFER.get();
    writeHex(high, chars, 0);
    writeHex(low, chars, 16);
    out.append(chars, 0, 32);
  }

  private static void writeHex(long value, char[] into, int offset) {
    // A byte at a time, two characters from the table: half the steps of a nibble at a time.
    for (int i = offset + 14; i >= offset; i -= 2) {
      int pair = ((int) value & 0xFF) << 1;
      into[i] = HEX_PAIRS[pair];
      into[i + 1] = HEX_PAIRS[pair + 1];
      value >>>= 8;
    }
  }

  /**
   * Parses 16 lowercase hex characters of {@code text} starting at {@code offset}.
   *
   * @throws IllegalArgumentException if any character is not lowercase hex
   */
  public static long parseHex16(CharSequence text, int offset) {
    long value = 0;
    for (int i = 0; i < 16; i++) {
      int digit = lowerHexDigit(text.charAt(offset + i));
      if (digit < 0) {
        throw new IllegalArgumentException("not lowercase hex at " + (offset + i) + ": " + text);
      }
      value = (value << 4) | digit;
    }
    return value;
  }

  /** The value of a lowercase hex digit, or -1 for anything else (uppercase included). */
  public static int lowerHexDigit(char c) {
    if (c >= '0' && c <= '9') {
      return c - '0';
    }
    if (c >= 'a' && c <= 'f') {
      return c - 'a' + 10;
    }
    return -1;
  }

  /** The value of an ASCII hex digit of either case, or -1 for anything else. */
  public static int hexDigit(char c) {
    int lower = lowerHexDigit(c);
    return lower >= 0 || c < 'A' || c > 'F' ? lower : c - 'A' + 10;
  }
}

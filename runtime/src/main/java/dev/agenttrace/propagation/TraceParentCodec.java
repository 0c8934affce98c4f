package dev.agenttrace.propagation;

import dev.agenttrace.SpanContext;
import dev.agenttrace.TraceState;
import dev.agenttrace.internal.Ids;

/**
 * Parses and formats the W3C {@code traceparent} header: {@code version-traceid-parentid-flags},
 * for example {@code 00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01}.
 *
 * <p>Parsing follows W3C Trace Context Level 2 (as Level 1) section "Versioning of traceparent" to
 * the letter:
 *
 * <ul>
 *   <li>surrounding optional white space (spaces, tabs) is ignored;
 *   <li>the version is two lowercase hex digits followed by {@code -}; {@code ff} is invalid;
 *   <li>version {@code 00} is exactly 55 characters, nothing may follow the flags;
 *   <li>a higher version is parsed by the {@code 00} layout if it has at least 55 characters and
 *       the flags are followed by the end or by {@code -}; what follows is not interpreted;
 *   <li>ids are lowercase hex and not all zero;
 *   <li>only the flags this implementation knows ({@code sampled} and the Level 2 {@code random})
 *       are kept, the others are zeroed as the specification requires of vendors.
 * </ul>
 *
 * Anything else is rejected: {@link #parse} returns {@link SpanContext#invalid()} and the trace
 * restarts. Formatting always writes version {@code 00}.
 */
final class TraceParentCodec {
  /** The length of a version {@code 00} header. */
  public static final int LENGTH = 55;

  private static final byte KNOWN_FLAGS = SpanContext.FLAG_SAMPLED | SpanContext.FLAG_RANDOM;
  private static final char[] HEX = "0123456789abcdef".toCharArray();

  private TraceParentCodec() {}

  /**
   * The remote span context {@code header} describes, with {@code traceState}; {@link
   * SpanContext#invalid()} if the header is missing or malformed. Never throws.
   */
  public static SpanContext parse(CharSequence header, TraceState traceState) {
    if (header == null) {
      return SpanContext.invalid();
    }
    int start = 0;
    int end = header.length();
    while (start < end && isOws(header.charAt(start))) {
      start++;
    }
    while (end > start && isOws(header.charAt(end - 1))) {
      end--;
    }
    int length = end - start;
    if (length < LENGTH) {
      return SpanContext.invalid();
    }
    int version = hexByte(header, start);
    if (version < 0 || version == 0xff || header.charAt(start + 2) != '-') {
      return SpanContext.invalid();
    }
    if (version == 0 && length != LENGTH) {
      return SpanContext.invalid();
    }
    if (length > LENGTH && header.charAt(start + LENGTH) != '-') {
      return SpanContext.invalid();
    }
    if (header.charAt(start + 35) != '-' || header.charAt(start + 52) != '-') {
      return SpanContext.invalid();
    }
    int flags = hexByte(header, start + 53);
    if (flags < 0 || !isLowerHex(header, start + 3, 32) || !isLowerHex(header, start + 36, 16)) {
      return SpanContext.invalid();
    }
    long traceIdHigh = Ids.parseHex16(header, start + 3);
    long traceIdLow = Ids.parseHex16(header, start + 19);
    long spanId = Ids.parseHex16(header, start + 36);
    if ((traceIdHigh == 0 && traceIdLow == 0) || spanId == 0) {
      return SpanContext.invalid();
    }
    return SpanContext.createFromRemoteParent(
        traceIdHigh, traceIdLow, spanId, (byte) (flags & KNOWN_FLAGS), traceState);
  }

  /**
   * The version {@code 00} header for {@code context}, or {@code null} when the context is not
   * valid (a header of zeros must never be sent).
   */
  public static String format(SpanContext context) {
    if (!context.isValid()) {
      return null;
    }
    int flags = context.flags() & KNOWN_FLAGS;
    return "00-"
        + context.traceId()
        + '-'
        + context.spanId()
        + '-'
        + HEX[flags >> 4]
        + HEX[flags & 0xf];
  }

  private static boolean isOws(char c) {
    return c == ' ' || c == '\t';
  }

  private static boolean isLowerHex(CharSequence text, int offset, int count) {
    for (int i = offset; i < offset + count; i++) {
      if (Ids.lowerHexDigit(text.charAt(i)) < 0) {
        return false;
      }
    }
    return true;
  }

  private static int hexByte(CharSequence text, int offset) {
    int high = Ids.lowerHexDigit(text.charAt(offset));
    int low = Ids.lowerHexDigit(text.charAt(offset + 1));
    return high < 0 || low < 0 ? -1 : high << 4 | low;
  }
}

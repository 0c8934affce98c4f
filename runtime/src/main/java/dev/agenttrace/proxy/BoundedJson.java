package dev.agenttrace.proxy;

import dev.agenttrace.internal.json.Json;

/**
 * Writes JSON text that never grows past {@link #LIMIT} characters and always stays valid: a string
 * that would not fit is cut and ends with {@link #MARKER}, and the writer keeps {@link #RESERVE}
 * characters free so that callers can close what they opened and add a marker element. Escapes what
 * JSON requires and replaces unpaired surrogates with U+FFFD, so any Java string becomes
 * well-formed JSON (and UTF-8).
 */
final class BoundedJson {
  /** The most characters an attribute may hold before the span cuts it (8 KiB). */
  static final int LIMIT = 8 * 1024;

  /**
   * Kept free for what may follow once the budget is used up: the fields of the element being
   * written (each cut to the marker), closing brackets and the marker element of omitted ones.
   */
  static final int RESERVE = 512;

  /** Ends a string that was cut. */
  static final String MARKER = "...[truncated]";

  private final StringBuilder out = new StringBuilder(256);
  private boolean truncated;

  /** Whether the content budget is used up: no further element should be started. */
  boolean full() {
    return out.length() >= LIMIT - RESERVE;
  }

  /** Whether anything was cut or left out. */
  boolean truncated() {
    return truncated;
  }

  /** Records that elements were left out. */
  void markTruncated() {
    truncated = true;
  }

  /** Appends JSON syntax (brackets, commas, names) that the caller knows to be short. */
  BoundedJson raw(String syntax) {
    out.append(syntax);
    return this;
  }

  /** Appends {@code "name":"value"} (with a leading comma unless {@code first}). */
  BoundedJson field(String name, String value, boolean first) {
    if (!first) {
      out.append(',');
    }
    out.append('"').append(name).append("\":");
    return string(value);
  }

  /**
   * Appends {@code json} as it is when it is valid JSON that fits, else as a string: tool-call
   * arguments are JSON objects in the conventions, but may arrive as any text.
   */
  BoundedJson jsonOrString(String json) {
    if (out.length() + json.length() < LIMIT - RESERVE && isJson(json)) {
      out.append(json.strip());
      return this;
    }
    return string(json);
  }

  /** Appends {@code value} as a JSON string, cut with {@link #MARKER} if it does not fit. */
  BoundedJson string(String value) {
    int room = LIMIT - RESERVE - MARKER.length() - 2;
    out.append('"');
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      int start = out.length();
      if (Character.isHighSurrogate(c)
          && i + 1 < value.length()
          && Character.isLowSurrogate(value.charAt(i + 1))) {
        out.append(c).append(value.charAt(++i));
      } else if (Character.isSurrogate(c)) {
        out.append('\uFFFD');
      } else {
        Json.escape(c, out);
      }
      if (out.length() > room) {
        out.setLength(start);
        out.append(MARKER);
        truncated = true;
        break;
      }
    }
    out.append('"');
    return this;
  }

  private static boolean isJson(String text) {
    try {
      Json.parse(text);
      return true;
    } catch (RuntimeException e) { // JsonException, or anything else the parser meets
      return false;
    }
  }

  @Override
  public String toString() {
    return out.toString();
  }
}

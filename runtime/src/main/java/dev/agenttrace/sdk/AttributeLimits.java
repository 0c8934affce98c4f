package dev.agenttrace.sdk;

import dev.agenttrace.AttributeKey;
import dev.agenttrace.Attributes;

/**
 * Bounds the length of string attribute values a recording span keeps, so that a captured tool
 * result or a huge argument cannot hold megabytes per span in memory and in every exporter.
 *
 * <p>A value longer than the limit keeps its first characters and ends with {@link #MARKER}; the
 * result is exactly the limit long (one less if the cut would split a surrogate pair). A value
 * within the limit is kept as it is, at the cost of one length check.
 */
final class AttributeLimits {
  /** Span attributes: at most 8 KiB characters per string value. */
  static final int MAX_SPAN_STRING_LENGTH = 8 * 1024;

  /** Event attributes (such as {@code exception.stacktrace}): at most 16 KiB characters. */
  static final int MAX_EVENT_STRING_LENGTH = 16 * 1024;

  /** Ends a truncated value. */
  static final String MARKER = "...[truncated]";

  private AttributeLimits() {}

  /** {@code value} cut to {@code max} characters, ending with {@link #MARKER}, if longer. */
  static String truncate(String value, int max) {
    if (value.length() <= max) {
      return value;
    }
    int keep = max - MARKER.length();
    if (Character.isHighSurrogate(value.charAt(keep - 1))) {
      keep--;
    }
    return value.substring(0, keep) + MARKER;
  }

  /** {@code attributes} with each string value cut to {@code max}; the same set if none is cut. */
  static Attributes limit(Attributes attributes, int max) {
    Attributes.Builder limited = null;
    for (AttributeKey<?> key : attributes.keys()) {
      if (attributes.get(key) instanceof String value && value.length() > max) {
        if (limited == null) {
          limited = attributes.toBuilder();
        }
        limited.put(key.name(), truncate(value, max));
      }
    }
    return limited == null ? attributes : limited.build();
  }
}

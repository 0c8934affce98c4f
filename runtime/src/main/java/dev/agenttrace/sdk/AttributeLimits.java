package dev.agenttrace.sdk;

import dev.agenttrace.AttributeKey;
import dev.agenttrace.Attributes;
import java.util.ArrayList;
import java.util.List;

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

  /** String arrays: at most this many elements; later ones are dropped. */
  static final int MAX_ARRAY_LENGTH = 128;

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

  /**
   * {@code value} within the limits: a string cut to {@code max}; a list (a string array) as an
   * immutable list of at most {@link #MAX_ARRAY_LENGTH} non-null strings, each cut to {@code max}.
   * Anything else, and a value within the limits, is returned as it is (an immutable list is not
   * copied).
   */
  static Object limitValue(Object value, int max) {
    if (value instanceof String text) {
      return text.length() > max ? truncate(text, max) : text;
    }
    if (value instanceof List<?> list) {
      return limitList(list, max);
    }
    return value;
  }

  private static List<String> limitList(List<?> list, int max) {
    boolean clean = list.size() <= MAX_ARRAY_LENGTH;
    for (int i = 0; clean && i < list.size(); i++) {
      clean = list.get(i) instanceof String text && text.length() <= max;
    }
    if (clean) {
      @SuppressWarnings("unchecked") // every element was checked to be a String
      List<String> strings = List.copyOf((List<String>) list);
      return strings;
    }
    List<String> limited = new ArrayList<>(Math.min(list.size(), MAX_ARRAY_LENGTH));
    for (Object element : list) {
      if (limited.size() == MAX_ARRAY_LENGTH) {
        break;
      }
      if (element != null) {
        limited.add(truncate(String.valueOf(element), max));
      }
    }
    return List.copyOf(limited);
  }

  /**
   * {@code attributes} with each value within the limits (see {@link #limitValue}); the same set if
   * nothing changed.
   */
  static Attributes limit(Attributes attributes, int max) {
    Attributes.Builder limited = null;
    for (AttributeKey<?> key : attributes.keys()) {
      Object value = attributes.get(key);
      Object within = limitValue(value, max);
      if (within != value) {
        if (limited == null) {
          limited = attributes.toBuilder();
        }
        putUnchecked(limited, key, within);
      }
    }
    return limited == null ? attributes : limited.build();
  }

  @SuppressWarnings("unchecked")
  private static <T> void putUnchecked(Attributes.Builder builder, AttributeKey<T> key, Object v) {
    builder.put(key, (T) v);
  }
}

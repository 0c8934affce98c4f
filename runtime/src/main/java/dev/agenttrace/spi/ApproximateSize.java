package dev.agenttrace.spi;

import dev.agenttrace.Attributes;
import dev.agenttrace.SpanLink;
import java.util.List;

/**
 * Rough estimates of the heap a span holds, for queues that bound what waits for export in bytes as
 * well as in spans (see {@link SpanData#approximateSize()}).
 *
 * <p>An estimate, not a measurement: strings count one byte per character (the JDK stores Latin-1
 * text that way) plus their headers, other values a fixed amount, and objects shared between spans
 * (a template's attributes, the resource) count nothing. It walks what it is given once and never
 * allocates.
 */
public final class ApproximateSize {
  /** A span object and its fixed fields, whatever their values. */
  public static final long SPAN = 128;

  private static final long STRING_HEADER = 40;
  private static final long BOXED_VALUE = 16;
  private static final long LIST_HEADER = 24;
  private static final long REFERENCE = 4;
  private static final long ENTRY = 32;

  private ApproximateSize() {}

  /** One attribute value: a string, a boxed primitive or a list of them (array attributes). */
  public static long ofValue(Object value) {
    if (value instanceof String text) {
      return STRING_HEADER + text.length();
    }
    if (value instanceof List<?> values) { // array attributes are lists; indexed, no iterator
      long size = LIST_HEADER;
      for (int i = 0, n = values.size(); i < n; i++) {
        size += REFERENCE + ofValue(values.get(i));
      }
      return size;
    }
    return BOXED_VALUE;
  }

  /** The values of {@code attributes} and one entry each. */
  public static long ofAttributes(Attributes attributes) {
    long size = 0;
    for (int i = 0, n = attributes.size(); i < n; i++) {
      size += ENTRY + ofValue(attributes.valueAt(i));
    }
    return size;
  }

  /** Events with their names and attributes. */
  public static long ofEvents(List<SpanEvent> events) {
    long size = 0;
    for (int i = 0, n = events.size(); i < n; i++) {
      SpanEvent event = events.get(i);
      size += ENTRY + ofValue(event.name()) + ofAttributes(event.attributes());
    }
    return size;
  }

  /** Links with their attributes. */
  public static long ofLinks(List<SpanLink> links) {
    long size = 0;
    for (int i = 0, n = links.size(); i < n; i++) {
      size += ENTRY + ofAttributes(links.get(i).attributes());
    }
    return size;
  }
}

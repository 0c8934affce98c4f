package dev.agenttrace.spi;

import static java.util.Objects.requireNonNull;

import dev.agenttrace.Attributes;

/**
 * Something that happened at a point in a span's life, such as an exception.
 *
 * @param name the event's name, such as {@code exception}
 * @param epochNanos when it happened, in nanoseconds since the epoch
 * @param attributes what is known about it
 */
public record SpanEvent(String name, long epochNanos, Attributes attributes) {
  public SpanEvent {
    requireNonNull(name, "name");
    requireNonNull(attributes, "attributes");
  }
}

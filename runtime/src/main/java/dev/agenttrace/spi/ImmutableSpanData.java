package dev.agenttrace.spi;

import static java.util.Objects.requireNonNull;

import dev.agenttrace.Attributes;
import dev.agenttrace.SpanContext;
import dev.agenttrace.SpanKind;
import dev.agenttrace.SpanLink;
import dev.agenttrace.StatusCode;
import java.util.List;

/**
 * Span data as a plain value: what processors that change spans (redaction) hand on, and what
 * readers of exported files rebuild.
 */
public record ImmutableSpanData(
    String name,
    SpanKind kind,
    SpanContext spanContext,
    SpanContext parentSpanContext,
    long startEpochNanos,
    long endEpochNanos,
    long durationNanos,
    Attributes attributes,
    List<SpanEvent> events,
    List<SpanLink> links,
    StatusCode statusCode,
    String statusDescription,
    boolean hasEnded,
    Resource resource)
    implements SpanData {

  public ImmutableSpanData {
    requireNonNull(name, "name");
    requireNonNull(kind, "kind");
    requireNonNull(spanContext, "spanContext");
    requireNonNull(parentSpanContext, "parentSpanContext");
    requireNonNull(attributes, "attributes");
    events = List.copyOf(events);
    links = List.copyOf(links);
    requireNonNull(statusCode, "statusCode");
    requireNonNull(resource, "resource");
  }

  /** A copy of any span data, detached from the span it came from. */
  public static ImmutableSpanData copyOf(SpanData span) {
    if (span instanceof ImmutableSpanData immutable) {
      return immutable;
    }
    return new ImmutableSpanData(
        span.name(),
        span.kind(),
        span.spanContext(),
        span.parentSpanContext(),
        span.startEpochNanos(),
        span.endEpochNanos(),
        span.durationNanos(),
        span.attributes(),
        span.events(),
        span.links(),
        span.statusCode(),
        span.statusDescription(),
        span.hasEnded(),
        span.resource());
  }
}

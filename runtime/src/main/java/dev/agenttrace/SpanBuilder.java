package dev.agenttrace;

/**
 * Configures a span before it starts. Builders are cheap, single-use and not thread-safe.
 *
 * <pre>{@code
 * Span run = tracer.spanBuilder("invoke_agent batch")
 *     .addLink(requestA.spanContext())
 *     .addLink(requestB.spanContext())
 *     .startSpan();
 * }</pre>
 */
public interface SpanBuilder {
  /** Uses {@code parent}'s span as the parent instead of the current one. */
  SpanBuilder setParent(Context parent);

  /** Starts a new trace even if a span is current. */
  SpanBuilder setNoParent();

  /** Sets the kind; {@code INTERNAL} by default. */
  SpanBuilder setSpanKind(SpanKind kind);

  /** Sets an attribute before the sampler sees the span. */
  <T> SpanBuilder setAttribute(AttributeKey<T> key, T value);

  /** Sets all of {@code attributes}. */
  SpanBuilder setAllAttributes(Attributes attributes);

  /** Links the span to another span. */
  default SpanBuilder addLink(SpanContext spanContext) {
    return addLink(spanContext, Attributes.empty());
  }

  /** Links the span to another span, saying what the link means. */
  SpanBuilder addLink(SpanContext spanContext, Attributes attributes);

  /** Starts the span at {@code epochNanos} instead of now. */
  SpanBuilder setStartTimestamp(long epochNanos);

  /** Starts the span. It is not made current; call {@link Span#makeCurrent()} for that. */
  Span startSpan();
}

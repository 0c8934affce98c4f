package dev.agenttrace;

/**
 * Starts spans. Generated proxies obtain the tracer from {@link AgentTrace#tracer()} on each call;
 * code that traces by hand may hold one.
 *
 * <p>The default tracer is a no-op: {@link #isEnabled()} is {@code false} and the proxies then call
 * straight through, allocating nothing.
 */
public interface Tracer {

  /** The tracer that records nothing. */
  static Tracer noop() {
    return NoopTracer.INSTANCE;
  }

  /**
   * Whether this tracer records anything. When {@code false}, callers may skip tracing entirely;
   * the generated proxies do.
   */
  boolean isEnabled();

  /**
   * Starts a span of {@code template} as a child of the current span (or as a new trace's root when
   * there is none). The fast path of the generated proxies: no string, attribute or builder work.
   */
  Span startSpan(SpanTemplate template);

  /**
   * Starts a span of {@code template} with one more attribute, {@code key} = {@code value}: the
   * same as {@link #startSpan(SpanTemplate)} followed, if the span records, by {@link
   * Span#setAttribute(AttributeKey, long)}. The generated proxies call it for a method's first
   * {@code @SpanAttribute}. The recording tracer sets the value before any other thread can see the
   * span, so it takes no lock, keeps the value unboxed, and the processors' {@code onStart} already
   * see it (samplers see the template's attributes only).
   */
  default Span startSpan(SpanTemplate template, AttributeKey<Long> key, long value) {
    Span span = startSpan(template);
    if (span.isRecording()) {
      span.setAttribute(key, value);
    }
    return span;
  }

  /**
   * Starts a span of {@code template} with one more attribute, as {@link #startSpan(SpanTemplate,
   * AttributeKey, long)} does; a span that does not record boxes nothing.
   */
  default Span startSpan(SpanTemplate template, AttributeKey<Double> key, double value) {
    Span span = startSpan(template);
    if (span.isRecording()) {
      span.setAttribute(key, value);
    }
    return span;
  }

  /**
   * Starts a span of {@code template} with one more attribute, as {@link #startSpan(SpanTemplate,
   * AttributeKey, long)} does; a null value sets nothing.
   */
  default <T> Span startSpan(SpanTemplate template, AttributeKey<T> key, T value) {
    Span span = startSpan(template);
    if (span.isRecording()) {
      span.setAttribute(key, value);
    }
    return span;
  }

  /** A builder for a span with a parent, links, attributes or start time of the caller's choice. */
  SpanBuilder spanBuilder(String name);

  /** A builder for a span of {@code template}, to add links or attributes before it starts. */
  default SpanBuilder spanBuilder(SpanTemplate template) {
    return spanBuilder(template.name())
        .setSpanKind(template.kind())
        .setAllAttributes(template.attributes());
  }
}

package dev.agenttrace;

/** The default tracer: records nothing, keeps any parent it is given so context still flows. */
enum NoopTracer implements Tracer {
  INSTANCE;

  @Override
  public boolean isEnabled() {
    return false;
  }

  @Override
  public Span startSpan(SpanTemplate template) {
    return Span.current();
  }

  @Override
  public SpanBuilder spanBuilder(String name) {
    return new NoopSpanBuilder();
  }

  private static final class NoopSpanBuilder implements SpanBuilder {
    private Span parent;

    @Override
    public SpanBuilder setParent(Context parent) {
      this.parent = parent == null ? null : parent.span();
      return this;
    }

    @Override
    public SpanBuilder setNoParent() {
      this.parent = Span.invalid();
      return this;
    }

    @Override
    public SpanBuilder setSpanKind(SpanKind kind) {
      return this;
    }

    @Override
    public <T> SpanBuilder setAttribute(AttributeKey<T> key, T value) {
      return this;
    }

    @Override
    public SpanBuilder setAllAttributes(Attributes attributes) {
      return this;
    }

    @Override
    public SpanBuilder addLink(SpanContext spanContext, Attributes attributes) {
      return this;
    }

    @Override
    public SpanBuilder setStartTimestamp(long epochNanos) {
      return this;
    }

    @Override
    public Span startSpan() {
      Span span = parent == null ? Span.current() : parent;
      return span.isRecording() ? Span.wrap(span.spanContext()) : span;
    }
  }
}

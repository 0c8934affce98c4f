package dev.agenttrace;

/**
 * A span that records nothing but carries a span context, so that a trace continues through code
 * that is not sampled or not traced (a remote parent, a sampled-out call).
 */
final class NonRecordingSpan implements Span {
  static final NonRecordingSpan INVALID = new NonRecordingSpan(SpanContext.invalid());

  private final SpanContext spanContext;

  NonRecordingSpan(SpanContext spanContext) {
    this.spanContext = spanContext;
  }

  @Override
  public SpanContext spanContext() {
    return spanContext;
  }

  @Override
  public boolean isRecording() {
    return false;
  }

  @Override
  public <T> Span setAttribute(AttributeKey<T> key, T value) {
    return this;
  }

  @Override
  public Span setAttribute(AttributeKey<Long> key, long value) {
    return this;
  }

  @Override
  public Span setAttribute(AttributeKey<Double> key, double value) {
    return this;
  }

  @Override
  public Span setAttribute(AttributeKey<Boolean> key, boolean value) {
    return this;
  }

  @Override
  public Span addEvent(String name, Attributes attributes) {
    return this;
  }

  @Override
  public Span setStatus(StatusCode code, String description) {
    return this;
  }

  @Override
  public Span recordException(Throwable exception) {
    return this;
  }

  @Override
  public Span recordError(Throwable error) {
    return this;
  }

  @Override
  public void end() {}

  @Override
  public void end(long epochNanos) {}

  @Override
  public String toString() {
    return "NonRecordingSpan{" + spanContext + '}';
  }
}

package dev.agenttrace;

/**
 * A span that records nothing but carries a span context, so that a trace continues through code
 * that is not sampled or not traced (a remote parent, a sampled-out call).
 */
final class NonRecordingSpan extends NonRecordingSpanBase {
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
  public String toString() {
    return "NonRecordingSpan{" + spanContext + '}';
  }
}

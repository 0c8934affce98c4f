package dev.agenttrace;

/**
 * A base for spans that record nothing and only carry an identity, so that a trace goes on through
 * code that is not sampled or not traced here: a remote parent, a sampled-out call, another tracing
 * library's span. Every recording method does nothing (a primitive attribute is not even boxed);
 * subclasses say only what their {@link #spanContext()} is.
 *
 * <p>Like every {@link SelfScopingSpan}, such a span is its own scope the first time the thread
 * that made it makes it current.
 */
public abstract class NonRecordingSpanBase extends SelfScopingSpan {
  /** For subclasses; the span belongs to the calling thread's context stack. */
  protected NonRecordingSpanBase() {}

  /** For subclasses whose tracer already looked up the calling thread's context stack. */
  protected NonRecordingSpanBase(ContextStack creator) {
    super(creator);
  }

  @Override
  public final boolean isRecording() {
    return false;
  }

  @Override
  public final <T> Span setAttribute(AttributeKey<T> key, T value) {
    return this;
  }

  @Override
  public final Span setAttribute(AttributeKey<Long> key, long value) {
    return this;
  }

  @Override
  public final Span setAttribute(AttributeKey<Double> key, double value) {
    return this;
  }

  @Override
  public final Span setAttribute(AttributeKey<Boolean> key, boolean value) {
    return this;
  }

  @Override
  public final Span addEvent(String name, Attributes attributes) {
    return this;
  }

  @Override
  public final Span setStatus(StatusCode code, String description) {
    return this;
  }

  @Override
  public final Span recordException(Throwable exception) {
    return this;
  }

  @Override
  public final Span recordError(Throwable error) {
    return this;
  }

  @Override
  public final void end() {}

  @Override
  public final void end(long epochNanos) {}
}

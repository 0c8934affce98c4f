package dev.agenttrace;

/**
 * One thread's stack of current contexts, as a handle for tracer and span implementations: a tracer
 * that looks the caller's stack up once ({@link #ofCurrentThread()}) reads the parent from it
 * ({@link #currentSpan()}) and hands it to the span it starts ({@link
 * SelfScopingSpan#SelfScopingSpan(ContextStack)}), so a traced call costs one thread-local lookup
 * instead of two (each is a hash-table probe through a weak reference). Users need none of it:
 * {@link Span#current()} and {@link Span#makeCurrent()} are the API.
 *
 * <p>Its fields sit between 64 bytes of padding on either side (about 150 bytes per thread), so
 * that no other object shares their cache line: the owning thread writes {@code top} twice per
 * traced call, and a line shared with an object the export worker writes for every span made both
 * threads about twice as slow (measured: JMH forks at 280-330 ns a call instead of 130-200 ns,
 * depending on where allocation and the collector had put the objects).
 */
public final class ContextStack extends ContextStackFields {
  // Padding after the fields (see ContextStackFields).
  long q0, q1, q2, q3, q4, q5, q6, q7;

  Scope push(Span span, Baggage baggage) {
    ContextFrame previous = top;
    // Making current what already is current changes nothing, so it needs no scope of its own:
    // this keeps a sampled-out child (which is its dropped parent) free of allocation.
    if (previous == null
        ? span == NonRecordingSpan.INVALID && baggage == Baggage.empty()
        : previous.span() == span && ContextFrame.baggageOf(previous) == baggage) {
      return NoopScope.INSTANCE;
    }
    ContextStorage.ContextScope scope =
        new ContextStorage.ContextScope(this, previous, span, baggage);
    top = scope;
    if (LogCorrelation.isEnabled()) {
      showChange(previous, scope);
    }
    return scope;
  }

  /** Shows the span of {@code pushed} in the MDC unless {@code previous} already showed it. */
  void showChange(ContextFrame previous, ContextFrame pushed) {
    Span shown = previous == null ? NonRecordingSpan.INVALID : previous.span();
    Span now = pushed.span();
    if (shown != now) {
      LogCorrelation.show(now.spanContext());
    }
  }

  ContextStack() {}

  /** The calling thread's stack. */
  public static ContextStack ofCurrentThread() {
    return ContextStorage.threadState();
  }

  /**
   * The span current on this stack's thread: {@link Span#current()}, when called on that thread (on
   * any other thread it answers for the calling thread, as {@link Span#current()} does).
   */
  public Span currentSpan() {
    if (thread != Thread.currentThread()) {
      return ContextStorage.currentSpan();
    }
    ContextFrame frame = top;
    return frame == null ? NonRecordingSpan.INVALID : frame.span();
  }
}

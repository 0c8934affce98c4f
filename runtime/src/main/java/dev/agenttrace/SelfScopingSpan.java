package dev.agenttrace;

/**
 * A base for span implementations (the SDK's recording span, spans that only carry an identity)
 * that serve as their own {@link Scope} the first time they are made current, on the thread that
 * created them: the common case of a traced call then allocates no scope object. Any other {@link
 * #makeCurrent()} (again after the first scope closed, or on another thread) gets an ordinary
 * scope, so the guarantees of {@link Span#makeCurrent()} hold unchanged: closing twice is harmless,
 * closing out of order is reported and repaired, closing on another thread is ignored there.
 *
 * <p>Users neither extend nor call this class: {@link #close()} closes the scope the first {@code
 * makeCurrent()} returned and nothing else (it does not end the span).
 */
public abstract class SelfScopingSpan extends ContextFrame implements Span, Scope {
  private static final byte UNUSED = 0;
  private static final byte OPEN = 1;
  private static final byte CLOSED = 2;

  /**
   * The context storage of the thread that created the span: only that thread may use the span as
   * its scope, and holding its storage spares the thread-local lookups of opening and closing it.
   */
  private final ContextStack creator;

  /** Whether the span served as its scope yet: UNUSED, OPEN, CLOSED; only the creator writes it. */
  private byte scopeState = UNUSED;

  /** For subclasses in the runtime; the span belongs to the calling thread's context stack. */
  protected SelfScopingSpan() {
    this(ContextStack.ofCurrentThread());
  }

  /**
   * For subclasses in the runtime whose tracer already looked up the calling thread's stack.
   *
   * @param creator the stack of the calling thread (the span's creator)
   * @throws IllegalArgumentException if {@code creator} belongs to another thread
   */
  protected SelfScopingSpan(ContextStack creator) {
    if (creator.thread != Thread.currentThread()) {
      throw new IllegalArgumentException("not the calling thread's context stack");
    }
    this.creator = creator;
  }

  /** Whether the calling thread created this span. */
  protected final boolean onCreatorThread() {
    return creator.thread == Thread.currentThread();
  }

  @Override
  public final Scope makeCurrent() {
    if (!onCreatorThread()) {
      return ContextStorage.attach(this);
    }
    // On the creating thread its stack is at hand: no thread-local lookup.
    return scopeState == UNUSED
        ? ContextStorage.attachSelf(creator, this)
        : ContextStorage.attach(creator, this);
  }

  /**
   * Closes the scope that the first {@link #makeCurrent()} on the creating thread returned (this
   * span), restoring what was current before. Closing twice is harmless; never throws; does not end
   * the span.
   */
  @Override
  public final void close() {
    if (scopeState != OPEN) {
      return;
    }
    if (!onCreatorThread()) {
      ContextStorage.reportClosedOnOtherThread(this);
      return;
    }
    ContextStorage.close(creator, this);
  }

  @Override
  final Span span() {
    return this;
  }

  @Override
  final Baggage ownBaggage() {
    return null;
  }

  @Override
  final boolean isClosed() {
    return scopeState == CLOSED;
  }

  @Override
  final void markClosed() {
    scopeState = CLOSED;
  }

  /** Marks the span as its own open scope; called by the storage of the creating thread. */
  final void markOpen() {
    scopeState = OPEN;
  }

  /** Whether the span may still become its own scope (never made current by its creator yet). */
  final boolean isUnused() {
    return scopeState == UNUSED;
  }
}

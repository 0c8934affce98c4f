package dev.agenttrace;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Where each thread keeps its current context: a stack of open scopes, the top one current.
 *
 * <p>Making a span current allocates one scope and touches one thread-local (nothing at all when
 * the span and baggage already are current); reading the current span allocates nothing. A {@link
 * Context} object is only built when someone asks for the whole context, for example to carry it to
 * another thread.
 *
 * <p>When {@link LogCorrelation} is enabled, the MDC follows the current span: set when a scope
 * changes the current span, restored when it closes.
 *
 * <p>Closing a scope that is not the innermost open one (a scope leaked or closed out of order) is
 * reported and closes the scopes opened inside it too, so that a leak cannot leave a stale span
 * current on a pooled thread for the requests that follow.
 */
final class ContextStorage {
  private static final Logger logger = LoggerFactory.getLogger(ContextStorage.class);

  private static final ThreadLocal<ContextStack> STATE = ThreadLocal.withInitial(ContextStack::new);

  private ContextStorage() {}

  static Span currentSpan() {
    ContextFrame top = STATE.get().top;
    return top == null ? NonRecordingSpan.INVALID : top.span();
  }

  static Baggage currentBaggage() {
    return ContextFrame.baggageOf(STATE.get().top);
  }

  static Context current() {
    ContextFrame top = STATE.get().top;
    return top == null ? Context.root() : Context.of(top.span(), ContextFrame.baggageOf(top));
  }

  /** Makes {@code span} current, keeping the current baggage. */
  static Scope attach(Span span) {
    return attach(STATE.get(), span);
  }

  /**
   * Makes {@code span} current on {@code state}, the calling thread's stack, keeping its baggage.
   */
  static Scope attach(ContextStack state, Span span) {
    return state.push(
        span == null ? NonRecordingSpan.INVALID : span, ContextFrame.baggageOf(state.top));
  }

  /** Makes {@code span} and {@code baggage} current. */
  static Scope attach(Span span, Baggage baggage) {
    return STATE.get().push(span, baggage);
  }

  /**
   * Makes {@code span} current with itself as the scope, keeping the current baggage; the caller
   * has checked that this thread created the span and that it never served as its scope before.
   */
  static Scope attachSelf(ContextStack state, SelfScopingSpan span) {
    ContextFrame previous = state.top;
    if (previous == null ? span == NonRecordingSpan.INVALID : previous.span() == span) {
      return NoopScope.INSTANCE;
    }
    span.previous = previous;
    span.markOpen();
    state.top = span;
    if (LogCorrelation.isEnabled()) {
      state.showChange(previous, span);
    }
    return span;
  }

  /** The calling thread's storage. */
  static ContextStack threadState() {
    return STATE.get();
  }

  static void reportClosedOnOtherThread(ContextFrame frame) {
    // Not marked closed: the owner thread must still be able to close it and restore.
    logger.warn(
        "A scope of span {} was closed on a thread other than the one that opened it; it is"
            + " ignored there. Close scopes on the thread that opened them.",
        frame.span().spanContext());
  }

  /**
   * Closes {@code frame} on the thread owning {@code owner}; the frame is on that thread's stack,
   * or was closed already by an out-of-order close.
   */
  static void close(ContextStack owner, ContextFrame frame) {
    // Span contexts are looked at only for log correlation: a span makes its context lazily.
    boolean correlating = LogCorrelation.isEnabled();
    Span shown = correlating ? shownBy(owner.top) : null;
    if (owner.top != frame) {
      reportOutOfOrder(owner, frame);
    }
    frame.markClosed();
    ContextFrame restored = frame.previous;
    while (restored != null && restored.isClosed()) {
      restored = restored.previous;
    }
    // A closed entry is never read again: letting go of the one below keeps an ended span (which
    // may be its own entry and wait in an export queue) from holding the spans below it.
    frame.previous = null;
    owner.top = restored;
    if (correlating) {
      Span now = shownBy(restored);
      if (now != shown) {
        LogCorrelation.show(now.spanContext());
      }
    }
  }

  private static Span shownBy(ContextFrame top) {
    return top == null ? NonRecordingSpan.INVALID : top.span();
  }

  private static void reportOutOfOrder(ContextStack owner, ContextFrame frame) {
    StringBuilder leaked = new StringBuilder();
    for (ContextFrame open = owner.top; open != null && open != frame; open = open.previous) {
      if (!open.isClosed()) {
        open.markClosed();
        if (leaked.length() > 0) {
          leaked.append(", ");
        }
        leaked.append(open.span().spanContext());
      }
    }
    if (leaked.length() > 0) {
      logger.warn(
          "A scope of span {} was closed while scopes opened after it were still open ({}); those"
              + " were closed too. Close scopes in reverse order, with try-with-resources.",
          frame.span().spanContext(),
          leaked);
    }
  }

  /** An entry made when a span or baggage is made current by any other means than its own. */
  static final class ContextScope extends ContextFrame implements Scope {
    private final ContextStack owner;
    private final Span span;
    private final Baggage baggage;
    private boolean closed;

    ContextScope(ContextStack owner, ContextFrame previous, Span span, Baggage baggage) {
      this.owner = owner;
      this.previous = previous;
      this.span = span;
      this.baggage = baggage;
    }

    @Override
    Span span() {
      return span;
    }

    @Override
    Baggage ownBaggage() {
      return baggage;
    }

    @Override
    boolean isClosed() {
      return closed;
    }

    @Override
    void markClosed() {
      closed = true;
    }

    @Override
    public void close() {
      if (closed) {
        return;
      }
      if (Thread.currentThread() != owner.thread) {
        reportClosedOnOtherThread(this);
        return;
      }
      ContextStorage.close(owner, this);
    }
  }
}

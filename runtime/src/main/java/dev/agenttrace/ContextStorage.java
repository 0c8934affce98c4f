package dev.agenttrace;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Where each thread keeps its current context: a stack of open scopes, the top one current.
 *
 * <p>Making a span current allocates one scope and touches one thread-local; reading the current
 * span allocates nothing. A {@link Context} object is only built when someone asks for the whole
 * context, for example to carry it to another thread.
 *
 * <p>Closing a scope that is not the innermost open one (a scope leaked or closed out of order)
 * is reported and closes the scopes opened inside it too, so that a leak cannot leave a stale span
 * current on a pooled thread for the requests that follow.
 */
final class ContextStorage {
  private static final Logger logger = LoggerFactory.getLogger(ContextStorage.class);

  private static final ThreadLocal<ThreadState> STATE = ThreadLocal.withInitial(ThreadState::new);

  private ContextStorage() {}

  static Span currentSpan() {
    ContextScope top = STATE.get().top();
    return top == null ? NonRecordingSpan.INVALID : top.span;
  }

  static Baggage currentBaggage() {
    ContextScope top = STATE.get().top();
    return top == null ? Baggage.empty() : top.baggage;
  }

  static Context current() {
    ContextScope top = STATE.get().top();
    return top == null ? Context.root() : Context.of(top.span, top.baggage);
  }

  /** Makes {@code span} current, keeping the current baggage. */
  static Scope attach(Span span) {
    ThreadState state = STATE.get();
    ContextScope top = state.top();
    Baggage baggage = top == null ? Baggage.empty() : top.baggage;
    return state.push(span == null ? NonRecordingSpan.INVALID : span, baggage);
  }

  /** Makes {@code span} and {@code baggage} current. */
  static Scope attach(Span span, Baggage baggage) {
    return STATE.get().push(span, baggage);
  }

  private static final class ThreadState {
    ContextScope top;

    /** The innermost open scope, dropping any closed meanwhile from another thread. */
    ContextScope top() {
      ContextScope scope = top;
      if (scope != null && scope.closed) {
        while (scope != null && scope.closed) {
          scope = scope.previous;
        }
        top = scope;
      }
      return scope;
    }

    ContextScope push(Span span, Baggage baggage) {
      ContextScope scope = new ContextScope(this, top(), span, baggage);
      top = scope;
      return scope;
    }
  }

  private static final class ContextScope implements Scope {
    private final ThreadState owner;
    private final ContextScope previous;
    private final Span span;
    private final Baggage baggage;
    private boolean closed;

    ContextScope(ThreadState owner, ContextScope previous, Span span, Baggage baggage) {
      this.owner = owner;
      this.previous = previous;
      this.span = span;
      this.baggage = baggage;
    }

    @Override
    public void close() {
      if (closed) {
        return;
      }
      if (STATE.get() != owner) {
        // Marked closed only: the owning thread drops it the next time it reads its context.
        closed = true;
        logger.warn(
            "A scope of span {} was closed on a thread other than the one that opened it; it is"
                + " ignored there and dropped on its own thread. Close scopes on the thread that"
            + " opened them.",
            span.spanContext());
        return;
      }
      if (owner.top != this) {
        reportOutOfOrder();
      }
      closed = true;
      ContextScope restored = previous;
      while (restored != null && restored.closed) {
        restored = restored.previous;
      }
      owner.top = restored;
    }

    private void reportOutOfOrder() {
      StringBuilder leaked = new StringBuilder();
      for (ContextScope open = owner.top; open != null && open != this; open = open.previous) {
        if (!open.closed) {
          open.closed = true;
          if (leaked.length() > 0) {
            leaked.append(", ");
          }
          leaked.append(open.span.spanContext());
        }
      }
      if (leaked.length() > 0) {
        logger.warn(
            "A scope of span {} was closed while scopes opened after it were still open ({}); those"
                + " were closed too. Close scopes in reverse order, with try-with-resources.",
            span.spanContext(),
            leaked);
      }
    }
  }
}

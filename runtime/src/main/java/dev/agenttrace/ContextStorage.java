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

  private static final ThreadLocal<ThreadState> STATE = ThreadLocal.withInitial(ThreadState::new);

  private ContextStorage() {}

  static Span currentSpan() {
    ContextScope top = STATE.get().top;
    return top == null ? NonRecordingSpan.INVALID : top.span;
  }

  static Baggage currentBaggage() {
    ContextScope top = STATE.get().top;
    return top == null ? Baggage.empty() : top.baggage;
  }

  static Context current() {
    ContextScope top = STATE.get().top;
    return top == null ? Context.root() : Context.of(top.span, top.baggage);
  }

  /** Makes {@code span} current, keeping the current baggage. */
  static Scope attach(Span span) {
    ThreadState state = STATE.get();
    ContextScope top = state.top;
    Baggage baggage = top == null ? Baggage.empty() : top.baggage;
    return state.push(span == null ? NonRecordingSpan.INVALID : span, baggage);
  }

  /** Makes {@code span} and {@code baggage} current. */
  static Scope attach(Span span, Baggage baggage) {
    return STATE.get().push(span, baggage);
  }

  private static final class ThreadState {
    /** The thread owning this state: comparing threads is cheaper than another lookup. */
    final Thread thread = Thread.currentThread();

    ContextScope top;

    Scope push(Span span, Baggage baggage) {
      ContextScope previous = top;
      // Making current what already is current changes nothing, so it needs no scope of its own:
      // this keeps a sampled-out child (which is its dropped parent) free of allocation.
      if (previous == null
          ? span == NonRecordingSpan.INVALID && baggage == Baggage.empty()
          : previous.span == span && previous.baggage == baggage) {
        return NoopScope.INSTANCE;
      }
      ContextScope scope = new ContextScope(this, previous, span, baggage);
      top = scope;
      if (LogCorrelation.isEnabled()) {
        SpanContext shown = previous == null ? SpanContext.invalid() : previous.span.spanContext();
        if (shown != span.spanContext()) {
          LogCorrelation.show(span.spanContext());
        }
      }
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
      if (Thread.currentThread() != owner.thread) {
        // Not marked closed: the owner thread must still be able to close it and restore.
        logger.warn(
            "A scope of span {} was closed on a thread other than the one that opened it; it is"
                + " ignored there. Close scopes on the thread that opened them.",
            span.spanContext());
        return;
      }
      // Span contexts are looked at only for log correlation: a span makes its context lazily.
      boolean correlating = LogCorrelation.isEnabled();
      SpanContext shown = correlating ? shownBy(owner.top) : null;
      if (owner.top != this) {
        reportOutOfOrder();
      }
      closed = true;
      ContextScope restored = previous;
      while (restored != null && restored.closed) {
        restored = restored.previous;
      }
      owner.top = restored;
      if (correlating) {
        SpanContext now = shownBy(restored);
        if (now != shown) {
          LogCorrelation.show(now);
        }
      }
    }

    private static SpanContext shownBy(ContextScope top) {
      return top == null ? SpanContext.invalid() : top.span.spanContext();
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

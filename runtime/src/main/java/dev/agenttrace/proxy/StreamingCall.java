package dev.agenttrace.proxy;

import dev.agenttrace.SemanticAttributes;
import dev.agenttrace.Span;
import dev.agenttrace.StatusCode;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The span of a traced call whose outcome arrives after the call returns: through a handler the
 * caller passed (LangChain4j's {@code StreamingChatResponseHandler}), a {@link
 * java.util.concurrent.Flow.Publisher} or a {@link java.util.stream.Stream}. For generated code.
 *
 * <p>Guarantees:
 *
 * <ul>
 *   <li>The span ends exactly once, at the first of {@link #complete()}, {@link #fail}, {@link
 *       #cancel()} or the watchdog's timeout, whatever threads these arrive on and in whatever
 *       order; later signals record nothing.
 *   <li>The first {@link #chunk()} adds the event {@value #FIRST_CHUNK_EVENT} and {@code
 *       gen_ai.response.time_to_first_chunk} (seconds since {@link #start}); later chunks cost one
 *       volatile read.
 *   <li>A call that never completes does not hold its span forever: the runtime watches at most
 *       {@value StreamWatchdog#MAX_WATCHED} open calls and ends each that is still open after the
 *       timeout (system property {@value StreamWatchdog#TIMEOUT_PROPERTY}, an ISO-8601 duration,
 *       default {@code PT10M}) with status ERROR and {@code error.type=timeout}. Calls beyond that
 *       bound are not watched: their span is dropped, unexported, when nothing references the
 *       handler, publisher or stream any more.
 *   <li>No method throws.
 * </ul>
 */
public final class StreamingCall {
  /** The event marking the first streamed chunk. */
  public static final String FIRST_CHUNK_EVENT = "first_chunk";

  /** The event marking a stream the consumer cancelled or closed before its end. */
  public static final String CANCELLED_EVENT = "cancelled";

  private static final int CHUNKED = 1;
  private static final int ENDED = 2;

  private final Span span;
  private final long startNanos;
  private final AtomicInteger state = new AtomicInteger();
  private final StreamWatchdog watchdog;

  private StreamingCall(Span span, StreamWatchdog watchdog) {
    this.span = span;
    this.startNanos = System.nanoTime();
    this.watchdog = watchdog;
  }

  /** Starts following the call of {@code span}, which has just started. */
  public static StreamingCall start(Span span) {
    return start(span, StreamWatchdog.shared());
  }

  static StreamingCall start(Span span, StreamWatchdog watchdog) {
    StreamingCall call = new StreamingCall(span, watchdog);
    watchdog.watch(call);
    return call;
  }

  /** The call's span, to record attributes of the outcome on. */
  public Span span() {
    return span;
  }

  /** A chunk of the result arrived. */
  public void chunk() {
    int current = state.get();
    if ((current & (CHUNKED | ENDED)) != 0 || !state.compareAndSet(current, current | CHUNKED)) {
      return;
    }
    double seconds = (System.nanoTime() - startNanos) / 1e9;
    span.addEvent(FIRST_CHUNK_EVENT);
    span.setAttribute(SemanticAttributes.GEN_AI_RESPONSE_TIME_TO_FIRST_CHUNK, seconds);
  }

  /** The result is complete: the span ends (status left unset, as for a successful call). */
  public void complete() {
    if (end()) {
      span.end();
    }
  }

  /** The call failed with {@code error}: the span records it and ends with status ERROR. */
  public void fail(Throwable error) {
    if (end()) {
      span.recordError(error);
      span.end();
    }
  }

  /** The consumer stopped before the end (cancelled, closed): the span ends with an event. */
  public void cancel() {
    if (end()) {
      span.addEvent(CANCELLED_EVENT);
      span.end();
    }
  }

  /** Ends a call still open after {@code timeout}; called by the watchdog. */
  void abandon(Duration timeout) {
    if (end()) {
      span.setAttribute(SemanticAttributes.ERROR_TYPE, "timeout");
      span.setStatus(
          StatusCode.ERROR,
          "no completion, error or cancellation within " + timeout + "; ended by AgentTrace");
      span.end();
    }
  }

  long startNanos() {
    return startNanos;
  }

  boolean isEnded() {
    return (state.get() & ENDED) != 0;
  }

  /** Marks the call ended; true for the one caller that did. */
  private boolean end() {
    int current;
    do {
      current = state.get();
      if ((current & ENDED) != 0) {
        return false;
      }
    } while (!state.compareAndSet(current, current | ENDED));
    watchdog.unwatch(this);
    return true;
  }
}

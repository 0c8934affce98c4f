package dev.agenttrace;

import org.slf4j.MDC;
import org.slf4j.helpers.NOPMDCAdapter;

/**
 * Puts the current span's ids into the slf4j {@link MDC} so that every log line written inside a
 * span can be joined to its trace: {@value #TRACE_ID} (32 hex characters) and {@value #SPAN_ID} (16
 * hex characters), for example with the logback pattern {@code %X{trace_id} %X{span_id}}.
 *
 * <p>Guarantees: while a scope of a valid span is open on a thread, the thread's MDC holds that
 * span's ids; when the scope closes, the ids of the span current again are restored, or the keys
 * are removed when no span is current. Tasks run through {@code ContextExecutors} get the ids of
 * the submitter's span and leave the pooled thread's MDC as they found it.
 *
 * <p>Cost: only when the current span changes, two hex strings and two {@code MDC.put} calls on
 * {@code makeCurrent()}, and two puts (or removes) on close. It is on by default, except when the
 * slf4j binding has no MDC (slf4j-simple, slf4j-nop), where it would only cost. Turn it off with
 * {@link #setEnabled(boolean)} or the system property {@code -Dagenttrace.mdc=false}.
 */
public final class LogCorrelation {
  /** The MDC key of the current trace id. */
  public static final String TRACE_ID = "trace_id";

  /** The MDC key of the current span id. */
  public static final String SPAN_ID = "span_id";

  private static volatile boolean enabled =
      !"false".equalsIgnoreCase(System.getProperty("agenttrace.mdc"))
          && !(MDC.getMDCAdapter() instanceof NOPMDCAdapter);

  private LogCorrelation() {}

  /** Whether the ids of the current span are put into the MDC. */
  public static boolean isEnabled() {
    return enabled;
  }

  /**
   * Turns MDC correlation on or off for scopes opened from now on. Scopes already open restore the
   * MDC when closed only while it is on.
   */
  public static void setEnabled(boolean enabled) {
    LogCorrelation.enabled = enabled;
  }

  /** Makes the MDC show {@code spanContext}, or nothing for an invalid one. */
  static void show(SpanContext spanContext) {
    if (spanContext.isValid()) {
      MDC.put(TRACE_ID, spanContext.traceId());
      MDC.put(SPAN_ID, spanContext.spanId());
    } else {
      MDC.remove(TRACE_ID);
      MDC.remove(SPAN_ID);
    }
  }
}

package dev.agenttrace.processing;

import dev.agenttrace.spi.SpanData;
import java.util.List;

/**
 * Callbacks for whole traces, for code that thinks in agent runs rather than single spans: a trace
 * starts when its local root span starts (a span without parent, or whose parent came from another
 * process) and ends when that root span ends. Register one with {@link
 * TraceListenerProcessor#create}.
 *
 * <p>Called on the thread that starts or ends the root span: keep it quick, hand slow work to an
 * executor. Exceptions are logged and ignored.
 */
public interface TraceListener {

  /** The local root span of a trace has started. */
  default void traceStarted(SpanData root) {}

  /**
   * The local root span has ended.
   *
   * @param root the root span
   * @param spans every span of the trace that ended in this process up to now, root last, in the
   *     order they ended (spans still running, for example on another thread, are not included)
   */
  void traceEnded(SpanData root, List<SpanData> spans);
}

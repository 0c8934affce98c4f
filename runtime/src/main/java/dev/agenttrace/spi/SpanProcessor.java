package dev.agenttrace.spi;

import java.time.Duration;

/**
 * Sees every recorded span as it starts and ends: the hook for collecting, batching, sampling on
 * whole traces, measuring and redacting.
 *
 * <p>{@link #onStart} and {@link #onEnd} run on the thread of the traced call, so they must be
 * quick, must not block and must not throw; a processor that exports does so from its own thread.
 */
public interface SpanProcessor {

  /** Called when a recorded span starts, on the starting thread. May add attributes. */
  default void onStart(ReadWriteSpan span) {}

  /**
   * Whether {@link #onStart} does anything. A tracer asks once, when it is built, and never calls
   * {@code onStart} of a processor that answers false, which spares every recorded span a call
   * (OpenTelemetry's {@code SpanProcessor} has the same question). The answer must not change.
   */
  default boolean isStartRequired() {
    return true;
  }

  /** Called once when a recorded span ends, on the ending thread. The span no longer changes. */
  void onEnd(SpanData span);

  /**
   * Hands on everything this processor holds, waiting at most {@code timeout}.
   *
   * @return whether everything was handed on in time
   */
  default boolean forceFlush(Duration timeout) {
    return true;
  }

  /**
   * Flushes and releases resources, waiting at most {@code timeout}. Spans ending afterwards are
   * ignored.
   *
   * @return whether everything was handed on in time
   */
  default boolean shutdown(Duration timeout) {
    return forceFlush(timeout);
  }

  /** A processor that hands each call to each of {@code processors}, in order. */
  static SpanProcessor composite(SpanProcessor... processors) {
    return CompositeSpanProcessor.of(processors);
  }
}

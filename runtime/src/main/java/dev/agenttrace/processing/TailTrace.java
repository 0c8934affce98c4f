package dev.agenttrace.processing;

import dev.agenttrace.spi.SpanData;
import java.util.ArrayList;
import java.util.List;

/**
 * One trace as the {@link TailSamplingProcessor} holds it, guarded by its own lock. It moves
 * through three states, never back:
 *
 * <ol>
 *   <li><b>undecided</b>: its spans are buffered ({@link #spans} not null), since a failure may
 *       still keep it;
 *   <li><b>kept, not yet counted</b>: its spans were handed on and later ones are handed on as they
 *       end, but its reason may still change (a failure ending later makes it {@code ERROR});
 *   <li><b>counted</b>: its reason was counted once and for all; only its id and the verdict stay,
 *       so that late spans follow it.
 * </ol>
 *
 * A trace whose id falls in the probabilistic share starts out kept: nothing can make it dropped,
 * so it never buffers a span.
 */
final class TailTrace {
  static final long NOT_DUE = Long.MIN_VALUE;

  /** Why a trace is kept, best reason first; the order is the priority. */
  enum Reason {
    ERROR,
    LATENCY,
    TRUNCATED,
    PROBABILITY
  }

  final long idHigh;
  final long idLow;
  final boolean inShare;

  // Guarded by this.
  List<SpanData> spans;
  int started;
  int ended;
  boolean hasError;
  boolean rootEnded;
  long rootNanos;
  long longestNanos;
  boolean kept;
  Reason reason;
  boolean forgotten;

  /** When the wait for late spans ends (root ended, spans still running); written once. */
  long lateDueNanos = NOT_DUE;

  /** When the wait for a trace rooted in another service ends; written once. */
  long remoteDueNanos = NOT_DUE;

  /** Whether the trace's reason was counted; read without the lock to tidy up queues. */
  volatile boolean counted;

  TailTrace(long idHigh, long idLow, boolean inShare) {
    this.idHigh = idHigh;
    this.idLow = idLow;
    this.inShare = inShare;
    if (inShare) {
      kept = true;
      reason = Reason.PROBABILITY;
    } else {
      spans = new ArrayList<>(4);
    }
  }

  boolean isUndecided() {
    return spans != null;
  }

  /** Whether every span started here has ended; false if no start was seen. */
  boolean isComplete() {
    return started > 0 && ended >= started;
  }

  /** The best reason to keep the trace as it stands, or null. */
  Reason reasonNow(long slowerThanNanos) {
    if (hasError) {
      return Reason.ERROR;
    }
    long latency = rootEnded ? rootNanos : longestNanos;
    if (latency > slowerThanNanos) {
      return Reason.LATENCY;
    }
    return inShare ? Reason.PROBABILITY : null;
  }

  /** Keeps an undecided trace for {@code why}; returns its buffered spans to hand on. */
  List<SpanData> keep(Reason why) {
    List<SpanData> buffered = spans;
    spans = null;
    kept = true;
    reason = why;
    return buffered;
  }

  /** Raises the reason of a kept trace to {@code better} if it ranks higher. */
  void upgrade(Reason better) {
    if (better != null && better.ordinal() < reason.ordinal()) {
      reason = better;
    }
  }
}

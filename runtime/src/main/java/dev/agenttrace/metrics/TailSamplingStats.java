package dev.agenttrace.metrics;

import dev.agenttrace.processing.TailSamplingProcessor;

/**
 * What a {@link TailSamplingProcessor} did with the spans and traces it received. Two sums hold at
 * every moment:
 *
 * <ul>
 *   <li>every span received is exactly one of forwarded, dropped or still buffered: {@code
 *       spansReceived == spansForwarded + spansDropped + spansBuffered};
 *   <li>every trace seen is counted once, under one decision, or is still pending: {@code
 *       tracesSeen == tracesKeptForError + tracesKeptForLatency + tracesKeptByProbability +
 *       tracesTruncated + tracesDropped + tracesPending} (see {@link #decidedTraces()}).
 * </ul>
 *
 * @param spansReceived spans handed to the processor
 * @param spansForwarded spans handed on downstream
 * @param spansDropped spans of traces the processor decided not to keep
 * @param spansBuffered spans waiting for their trace's decision
 * @param tracesSeen traces the processor saw a span of (a trace whose decision was forgotten and
 *     that shows up again counts again)
 * @param tracesPending traces whose decision is not yet counted: running, held after the root for
 *     spans still running, or waiting because their root is elsewhere
 * @param tracesKeptForError traces kept because a span had status {@code ERROR}, including a
 *     failure that ended after the root while the trace was pending
 * @param tracesKeptForLatency traces kept because their root was slower than the threshold
 * @param tracesKeptByProbability traces kept by the probabilistic share and for no better reason
 * @param tracesDropped traces decided against
 * @param tracesTimedOut traces rooted in another service, decided when their wait ran out; also
 *     counted by their decision
 * @param tracesEvicted traces decided early, by the usual rules, because {@code maxTraces} were
 *     pending; also counted by their decision
 * @param tracesTruncated traces kept because they reached {@code maxSpansPerTrace}, for no better
 *     reason
 * @param lateSpans spans that arrived after their trace was counted and followed its decision
 * @param tracesRescuedByLateError dropped traces switched to kept because an {@code ERROR} span
 *     arrived after they were counted; they stay counted as dropped, and their spans dropped before
 *     stay dropped
 */
public record TailSamplingStats(
    long spansReceived,
    long spansForwarded,
    long spansDropped,
    long spansBuffered,
    long tracesSeen,
    long tracesPending,
    long tracesKeptForError,
    long tracesKeptForLatency,
    long tracesKeptByProbability,
    long tracesDropped,
    long tracesTimedOut,
    long tracesEvicted,
    long tracesTruncated,
    long lateSpans,
    long tracesRescuedByLateError) {

  /** Traces counted under a decision: every reason to keep, and dropped. */
  public long decidedTraces() {
    return tracesKeptForError
        + tracesKeptForLatency
        + tracesKeptByProbability
        + tracesTruncated
        + tracesDropped;
  }
}

package dev.agenttrace.metrics;

import dev.agenttrace.processing.TailSamplingProcessor;

/**
 * What a {@link TailSamplingProcessor} did with the spans it received. Every span received is
 * exactly one of forwarded, dropped or still buffered: {@code spansReceived == spansForwarded +
 * spansDropped + spansBuffered}.
 *
 * @param spansReceived spans handed to the processor
 * @param spansForwarded spans handed on downstream
 * @param spansDropped spans of traces the processor decided not to keep
 * @param spansBuffered spans waiting for their trace's decision
 * @param tracesPending traces waiting for a decision
 * @param tracesKeptForError traces kept because a span had status {@code ERROR}
 * @param tracesKeptForLatency traces kept because their root was slower than the threshold
 * @param tracesKeptByProbability traces kept by the probabilistic share
 * @param tracesDropped traces decided against
 * @param tracesTimedOut traces rooted in another service, decided when their wait ran out; also
 *     counted by their outcome above
 * @param tracesEvicted traces kept early, unjudged, to make room because {@code maxTraces} were
 *     pending
 * @param tracesTruncated traces kept early, unjudged, because they reached {@code maxSpansPerTrace}
 * @param lateSpans spans that arrived after their trace was decided and followed that decision
 * @param tracesRescuedByLateError dropped traces switched to kept because an {@code ERROR} span
 *     arrived late; their spans dropped before that stay dropped (and counted)
 */
public record TailSamplingStats(
    long spansReceived,
    long spansForwarded,
    long spansDropped,
    long spansBuffered,
    long tracesPending,
    long tracesKeptForError,
    long tracesKeptForLatency,
    long tracesKeptByProbability,
    long tracesDropped,
    long tracesTimedOut,
    long tracesEvicted,
    long tracesTruncated,
    long lateSpans,
    long tracesRescuedByLateError) {}

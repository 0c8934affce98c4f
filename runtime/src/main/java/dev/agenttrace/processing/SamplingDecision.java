package dev.agenttrace.processing;

/** What a {@link Sampler} decided for a new span. */
public enum SamplingDecision {
  /** Record nothing; the span only carries the context on (sampled flag unset). */
  DROP,
  /** Record the span for local processors, but do not set the sampled flag or export it. */
  RECORD_ONLY,
  /** Record the span and set the sampled flag, so it is exported and downstream follows. */
  RECORD_AND_SAMPLE
}

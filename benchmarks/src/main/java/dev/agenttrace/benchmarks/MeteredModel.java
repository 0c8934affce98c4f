package dev.agenttrace.benchmarks;

import dev.agenttrace.TokenUsage;
import dev.agenttrace.annotations.LlmCall;

/** A model call that reports token usage, measured by {@link MetricsBenchmark}. */
@LlmCall(model = "bench-model", provider = "bench")
public interface MeteredModel {
  /** The reply to prompt {@code promptId}. */
  Reply complete(int promptId);

  /** A reply with token counts, as a client library's response type would carry them. */
  record Reply(int text, long inputTokens, long outputTokens) implements TokenUsage {}
}

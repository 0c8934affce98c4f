package dev.agenttrace.benchmarks;

import dev.agenttrace.annotations.LlmCall;

/** The inner level of the nested benchmark. */
@LlmCall(model = "bench-model", provider = "bench")
public interface NestedModel {
  int complete(int promptId);
}

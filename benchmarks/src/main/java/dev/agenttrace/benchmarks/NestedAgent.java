package dev.agenttrace.benchmarks;

import dev.agenttrace.annotations.AgentRun;

/** The outer level of the nested benchmark: agent -> tool -> model, three spans a call. */
@AgentRun(name = "bench-agent")
public interface NestedAgent {
  int run(int requestId);
}

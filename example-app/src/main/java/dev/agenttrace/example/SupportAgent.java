package dev.agenttrace.example;

import dev.agenttrace.annotations.AgentRun;

/** The agent customers talk to. It answers itself or hands off to a specialist. */
@AgentRun(name = "orchestrator", description = "Answers customers and routes to specialists")
public interface SupportAgent {
  /** The answer to a customer's question. */
  String answer(String question);
}

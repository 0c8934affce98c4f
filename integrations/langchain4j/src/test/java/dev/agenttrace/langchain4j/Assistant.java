package dev.agenttrace.langchain4j;

import dev.agenttrace.annotations.AgentRun;

/** A user's AI service interface, traced as an agent by the project's own processor. */
@AgentRun(name = "support", description = "Answers questions about orders")
public interface Assistant {
  String answer(String question);
}

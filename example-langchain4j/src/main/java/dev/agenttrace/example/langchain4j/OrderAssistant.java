package dev.agenttrace.example.langchain4j;

import dev.agenttrace.annotations.AgentRun;

/**
 * The application's AI service: LangChain4j implements it ({@code AiServices}), AgentTrace's
 * processor generates {@code OrderAssistantTraced}, which makes each question one {@code
 * invoke_agent order-assistant} span with the model and tool calls under it.
 */
@AgentRun(name = "order-assistant", description = "Answers questions about orders")
public interface OrderAssistant {
  String answer(String question);
}

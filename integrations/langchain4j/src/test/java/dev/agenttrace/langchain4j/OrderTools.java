package dev.agenttrace.langchain4j;

import dev.langchain4j.agent.tool.P;
import dev.langchain4j.agent.tool.Tool;

/** A user's tools, as LangChain4j's AI services find them: {@code @Tool} methods. */
public final class OrderTools {
  @Tool("Looks up the status of an order")
  public String lookupOrder(@P(name = "orderId", value = "the order number") long orderId) {
    if (orderId == 404) {
      throw new IllegalArgumentException("no order 404");
    }
    return "order " + orderId + ": shipped";
  }
}

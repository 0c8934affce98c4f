package dev.agenttrace.example.langchain4j;

import dev.langchain4j.agent.tool.P;
import dev.langchain4j.agent.tool.Tool;
import java.util.Map;

/** The assistant's tool: the status of an order, from a small in-memory table. */
public final class OrderTools {
  private static final Map<Long, String> STATUS = Map.of(42L, "shipped", 7L, "being packed");

  @Tool("Looks up the status of an order by its number")
  public String lookupOrder(@P(name = "orderId", value = "the order number") long orderId) {
    String status = STATUS.get(orderId);
    if (status == null) {
      throw new IllegalArgumentException("no order " + orderId);
    }
    return "order " + orderId + " is " + status;
  }
}

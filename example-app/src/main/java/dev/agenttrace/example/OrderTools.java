package dev.agenttrace.example;

import dev.agenttrace.annotations.SpanAttribute;
import dev.agenttrace.annotations.Tool;

/** The tools agents use on the order database. Each call is an {@code execute_tool} span. */
@Tool
public interface OrderTools {
  @Tool(name = "lookup_order", description = "Find an order by id")
  Order lookupOrder(@SpanAttribute("order.id") String orderId) throws OrderNotFoundException;

  @Tool(name = "update_order", description = "Change the status of an order")
  Order updateOrder(
      @SpanAttribute("order.id") String orderId, @SpanAttribute("order.status") OrderStatus status)
      throws OrderNotFoundException;
}

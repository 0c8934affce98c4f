package dev.agenttrace.benchmarks;

import dev.agenttrace.annotations.SpanAttribute;
import dev.agenttrace.annotations.Tool;

/** The tiny tool every call benchmark measures. */
public interface OrderLookup {
  @Tool(name = "lookup_order", description = "Find an order by id")
  int lookup(@SpanAttribute("order.id") int orderId);
}

package dev.agenttrace.benchmarks;

import dev.agenttrace.annotations.Tool;

/** The middle level of the nested benchmark. */
@Tool
public interface NestedTool {
  @Tool(name = "lookup_order")
  int lookup(int orderId);
}

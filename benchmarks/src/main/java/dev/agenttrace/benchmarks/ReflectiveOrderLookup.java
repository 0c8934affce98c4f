package dev.agenttrace.benchmarks;

/** {@link OrderLookup} as a reflection-based framework sees it: a runtime-annotated method. */
public interface ReflectiveOrderLookup {
  @RuntimeTool(name = "lookup_order")
  int lookup(int orderId);
}

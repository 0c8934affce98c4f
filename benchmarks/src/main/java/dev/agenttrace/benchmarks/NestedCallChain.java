package dev.agenttrace.benchmarks;

/** The implementations of the nested benchmark: each level calls the next. */
final class NestedCallChain {
  private NestedCallChain() {}

  static NestedAgent agent(NestedTool tool) {
    return requestId -> tool.lookup(requestId) + 1;
  }

  static NestedTool tool(NestedModel model) {
    return orderId -> model.complete(orderId) * 31;
  }

  static NestedModel model() {
    return promptId -> promptId + 7;
  }

  /** The chain without tracing: the floor of the nested case. */
  static NestedAgent direct() {
    return agent(tool(model()));
  }

  /** The chain with every level wrapped in its generated proxy. */
  static NestedAgent traced() {
    return NestedAgentTraced.wrap(
        agent(NestedToolTraced.wrap(tool(NestedModelTraced.wrap(model())))));
  }
}

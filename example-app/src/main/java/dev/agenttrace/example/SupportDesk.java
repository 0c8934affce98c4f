package dev.agenttrace.example;

/**
 * Wires the example's agents, tools and model, each wrapped in its generated tracing proxy. This is
 * all a user writes to trace an agent system: one {@code wrap} call per component.
 */
public final class SupportDesk {
  private SupportDesk() {}

  /** The orchestrator, ready to answer, with every component traced, all in this process. */
  public static SupportAgent create(ChatModel model) {
    OrderTools orders = new InMemoryOrders();
    return orchestrator(model, orders, billing(model, orders));
  }

  /** The traced orchestrator, handing billing questions to {@code billing}. */
  public static SupportAgent orchestrator(
      ChatModel model, OrderTools orders, BillingAgent billing) {
    return SupportAgentTraced.wrap(
        new Orchestrator(ChatModelTraced.wrap(model), OrderToolsTraced.wrap(orders), billing));
  }

  /** The traced billing specialist. */
  public static BillingAgent billing(ChatModel model, OrderTools orders) {
    return BillingAgentTraced.wrap(
        new BillingSpecialist(ChatModelTraced.wrap(model), OrderToolsTraced.wrap(orders)));
  }
}

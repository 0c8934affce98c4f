package dev.agenttrace.example;

/**
 * Wires the example's agents, tools and model, each wrapped in its generated tracing proxy. This
 * is all a user writes to trace an agent system: one {@code wrap} call per component.
 */
public final class SupportDesk {
  private SupportDesk() {}

  /** The orchestrator, ready to answer, with every component traced. */
  public static SupportAgent create(ChatModel model) {
    ChatModel tracedModel = ChatModelTraced.wrap(model);
    OrderTools tools = OrderToolsTraced.wrap(new InMemoryOrders());
    BillingAgent billing = BillingAgentTraced.wrap(new BillingSpecialist(tracedModel, tools));
    return SupportAgentTraced.wrap(new Orchestrator(tracedModel, tools, billing));
  }
}

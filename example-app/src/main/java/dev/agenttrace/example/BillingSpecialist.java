package dev.agenttrace.example;

/** Decides refunds with the model and carries them out with the order tools. */
public final class BillingSpecialist implements BillingAgent {
  private final ChatModel model;
  private final OrderTools tools;

  public BillingSpecialist(ChatModel model, OrderTools tools) {
    this.model = model;
    this.tools = tools;
  }

  @Override
  public String handle(String orderId, String request) {
    try {
      Order order = tools.lookupOrder(orderId);
      String decision =
          model.complete("decide: refund " + order.status() + " order " + orderId).text();
      if (decision.equals("refund")) {
        Order refunded = tools.updateOrder(orderId, OrderStatus.REFUNDED);
        return "Refunded " + refunded.amountCents() / 100.0 + " EUR for " + refunded.item() + ".";
      }
      return "Order " + orderId + " cannot be refunded before it ships.";
    } catch (OrderNotFoundException e) {
      return "I could not find order " + orderId + ".";
    }
  }
}

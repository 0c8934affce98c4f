package dev.agenttrace.example;

/**
 * Routes each question with the model: billing questions go to the billing agent, the rest are
 * answered from the order itself.
 */
public final class Orchestrator implements SupportAgent {
  private final ChatModel model;
  private final OrderTools tools;
  private final BillingAgent billing;

  public Orchestrator(ChatModel model, OrderTools tools, BillingAgent billing) {
    this.model = model;
    this.tools = tools;
    this.billing = billing;
  }

  @Override
  public String answer(String question) {
    String[] route = model.complete("route: " + question).text().split(" ");
    String orderId = route[1];
    String outcome;
    if (route[0].equals("billing")) {
      outcome = billing.handle(orderId, question);
    } else {
      try {
        Order order = tools.lookupOrder(orderId);
        outcome = "Order " + order.id() + " (" + order.item() + ") is " + order.status() + ".";
      } catch (OrderNotFoundException e) {
        outcome = "I could not find order " + orderId + ".";
      }
    }
    return model.complete("reply: " + outcome).text();
  }
}

package dev.agenttrace.example;

/** No order has the id asked for. Checked, so agents must decide what to tell the customer. */
public final class OrderNotFoundException extends Exception {
  private static final long serialVersionUID = 1L;

  public OrderNotFoundException(String orderId) {
    super("No order " + orderId);
  }
}

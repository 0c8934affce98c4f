package dev.agenttrace.example;

/**
 * An order of the example shop.
 *
 * @param id the order id, such as {@code ORD-1001}
 * @param customer who placed it
 * @param item what was bought
 * @param amountCents what it cost, in cents
 * @param status where it stands
 */
public record Order(String id, String customer, String item, long amountCents, OrderStatus status) {
  Order withStatus(OrderStatus newStatus) {
    return new Order(id, customer, item, amountCents, newStatus);
  }
}

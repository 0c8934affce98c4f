package dev.agenttrace.example;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** The order database: a few orders in memory. */
public final class InMemoryOrders implements OrderTools {
  private final Map<String, Order> orders = new ConcurrentHashMap<>();

  public InMemoryOrders() {
    add(new Order("ORD-1001", "Ada", "Mechanical keyboard", 12_900, OrderStatus.DELIVERED));
    add(new Order("ORD-1002", "Grace", "USB-C dock", 8_900, OrderStatus.SHIPPED));
    add(new Order("ORD-1003", "Linus", "Monitor arm", 4_500, OrderStatus.PLACED));
  }

  private void add(Order order) {
    orders.put(order.id(), order);
  }

  @Override
  public Order lookupOrder(String orderId) throws OrderNotFoundException {
    Order order = orders.get(orderId);
    if (order == null) {
      throw new OrderNotFoundException(orderId);
    }
    return order;
  }

  @Override
  public Order updateOrder(String orderId, OrderStatus status) throws OrderNotFoundException {
    Order updated = lookupOrder(orderId).withStatus(status);
    orders.put(orderId, updated);
    return updated;
  }
}

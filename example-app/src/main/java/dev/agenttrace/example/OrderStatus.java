package dev.agenttrace.example;

/** Where an order stands. */
public enum OrderStatus {
  PLACED,
  SHIPPED,
  DELIVERED,
  REFUNDED
}

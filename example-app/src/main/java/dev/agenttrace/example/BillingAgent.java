package dev.agenttrace.example;

import dev.agenttrace.annotations.AgentRun;
import dev.agenttrace.annotations.SpanAttribute;

/** The specialist for refunds and charges. */
@AgentRun(name = "billing", description = "Handles refunds and charges")
public interface BillingAgent {
  /** Handles a billing request about an order and says what was done. */
  String handle(@SpanAttribute("order.id") String orderId, String request);
}

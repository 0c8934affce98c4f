package dev.agenttrace.example;

import dev.agenttrace.internal.json.Json;
import dev.agenttrace.internal.json.JsonException;
import dev.agenttrace.propagation.HttpServerPropagation;
import java.io.IOException;
import java.util.Map;
import java.util.concurrent.ExecutorService;

/**
 * The billing specialist as its own HTTP service: {@code POST /billing} with {@code {"orderId":
 * ..., "request": ...}} answers {@code {"outcome": ...}}.
 *
 * <p>The request's {@code traceparent}, {@code tracestate} and {@code baggage} are made current by
 * {@link HttpServerPropagation#filter()}, so the billing agent's span is a child of the
 * orchestrator's span, in the caller's trace and conversation.
 */
final class BillingService {
  private BillingService() {}

  /** Starts the service on an ephemeral port of 127.0.0.1, serving on {@code executor}. */
  static LoopbackService start(BillingAgent agent, ExecutorService executor) throws IOException {
    return LoopbackService.start(
        0,
        "/billing",
        "application/json",
        body -> handle(agent, body),
        HttpServerPropagation.filter(),
        executor);
  }

  private static String handle(BillingAgent agent, String body) {
    Object orderId;
    Object request;
    try {
      Map<?, ?> json = (Map<?, ?>) Json.parse(body);
      orderId = json.get("orderId");
      request = json.get("request");
    } catch (JsonException | ClassCastException e) {
      throw new IllegalArgumentException("expected {\"orderId\": ..., \"request\": ...}", e);
    }
    if (!(orderId instanceof String) || !(request instanceof String)) {
      throw new IllegalArgumentException("expected {\"orderId\": ..., \"request\": ...}");
    }
    return Json.write(Map.of("outcome", agent.handle((String) orderId, (String) request)));
  }
}

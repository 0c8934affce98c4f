package dev.agenttrace.example;

import dev.agenttrace.propagation.HttpServerPropagation;
import java.io.IOException;
import java.util.concurrent.ExecutorService;

/**
 * The orchestrator as an HTTP service: {@code POST /support} with the customer's question as plain
 * text answers with the agent's reply. A caller that sends W3C trace context (a traced front end)
 * gets the agent's spans in its trace; otherwise each question starts a trace. The caller's baggage
 * (such as the conversation id) is current while the agent runs.
 */
final class SupportService {
  private SupportService() {}

  /** Starts the service on an ephemeral port of 127.0.0.1, serving on {@code executor}. */
  static LoopbackService start(SupportAgent agent, ExecutorService executor) throws IOException {
    return LoopbackService.start(
        0, "/support", "text/plain", agent::answer, HttpServerPropagation.filter(), executor);
  }
}

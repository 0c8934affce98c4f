package dev.agenttrace.example;

import dev.agenttrace.AgentTrace;
import dev.agenttrace.processing.InMemorySpanCollector;
import dev.agenttrace.sdk.TracerSdk;
import dev.agenttrace.view.TreeRenderer;
import java.io.PrintStream;
import java.util.List;

/**
 * The example: two customer questions to the support agents, then the trace of each as a tree.
 * The first is a refund the orchestrator hands to the billing agent; in the second the order does
 * not exist, so the {@code lookup_order} tool fails and the tree shows the error.
 */
public final class SupportApp {
  static final List<String> QUESTIONS =
      List.of(
          "I want a refund for order ORD-1001, the keyboard arrived broken.",
          "Where is my order ORD-4040?");

  private SupportApp() {}

  public static void main(String[] args) {
    run(new ScriptedChatModel(20), System.out);
  }

  /** Answers {@link #QUESTIONS} with tracing on and prints the answers and the traces to {@code out}. */
  static void run(ChatModel model, PrintStream out) {
    InMemorySpanCollector collector = new InMemorySpanCollector();
    TracerSdk tracer =
        TracerSdk.builder().serviceName("support-desk").addSpanProcessor(collector).build();
    AgentTrace.install(tracer);
    try {
      SupportAgent agent = SupportDesk.create(model);
      for (String question : QUESTIONS) {
        out.println("Customer: " + question);
        out.println("Agent:    " + agent.answer(question));
        out.println();
      }
      out.print(TreeRenderer.render(collector.finishedSpans()));
    } finally {
      AgentTrace.uninstall();
      tracer.close();
    }
  }
}

package dev.agenttrace.example.langchain4j;

import dev.agenttrace.AgentTrace;
import dev.agenttrace.langchain4j.AgentTraceAiServices;
import dev.agenttrace.langchain4j.AgentTraceLangChain4j;
import dev.agenttrace.processing.InMemorySpanCollector;
import dev.agenttrace.sdk.TracerSdk;
import dev.agenttrace.spi.SpanData;
import dev.agenttrace.view.TreeRenderer;
import dev.langchain4j.service.AiServices;
import java.io.PrintStream;
import java.util.List;

/**
 * A LangChain4j agent traced with AgentTrace: an AI service with one tool over a scripted model.
 * Each wrapped part takes one line; the printed trees show {@code invoke_agent}, {@code chat
 * gpt-4o-mini} (with token counts) and {@code execute_tool lookupOrder} spans, the second
 * question's tool call failing.
 */
public final class LangChain4jAgentApp {
  static final List<String> QUESTIONS = List.of("Where is order 42?", "Where is order 99?");

  private LangChain4jAgentApp() {}

  public static void main(String[] args) {
    run(System.out);
  }

  /** Asks {@link #QUESTIONS}, prints the answers and the traces, and returns the spans. */
  static List<SpanData> run(PrintStream out) {
    InMemorySpanCollector spans = new InMemorySpanCollector();
    try (TracerSdk tracer =
        TracerSdk.builder().serviceName("order-assistant").addSpanProcessor(spans).build()) {
      AgentTrace.install(tracer);
      OrderAssistant assistant =
          OrderAssistantTraced.wrap(
              AiServices.builder(OrderAssistant.class)
                  .chatModel(AgentTraceLangChain4j.chatModel(new ScriptedOrderModel()))
                  .tools(AgentTraceAiServices.tools(new OrderTools()))
                  .build());
      for (String question : QUESTIONS) {
        out.println("Customer:  " + question);
        out.println("Assistant: " + assistant.answer(question));
        out.println();
      }
      out.print(TreeRenderer.render(spans.finishedSpans()));
      return spans.finishedSpans();
    } finally {
      AgentTrace.uninstall();
    }
  }
}

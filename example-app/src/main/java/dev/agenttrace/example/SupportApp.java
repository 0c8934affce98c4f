package dev.agenttrace.example;

import dev.agenttrace.AgentTrace;
import dev.agenttrace.SpanData;
import dev.agenttrace.config.ConfiguredTracing;
import dev.agenttrace.config.TracingConfig;
import dev.agenttrace.export.zipkin.ZipkinSpanExporter;
import dev.agenttrace.processing.InMemorySpanCollector;
import dev.agenttrace.view.TreeRenderer;
import java.io.PrintStream;
import java.time.Duration;
import java.util.List;

/**
 * The example: two customer questions to the support agents, then the trace of each as a tree. The
 * first is a refund the orchestrator hands to the billing agent; in the second the order does not
 * exist, so the {@code lookup_order} tool fails and the tree shows the error.
 *
 * <p>Where else the spans go is configured as for any program, for example {@code
 * OTEL_TRACES_EXPORTER=zipkin} sends them to a Zipkin server on localhost; the run then also lists
 * where to find each trace.
 */
public final class SupportApp {
  static final List<String> QUESTIONS =
      List.of(
          "I want a refund for order ORD-1001, the keyboard arrived broken.",
          "Where is my order ORD-4040?");

  private SupportApp() {}

  public static void main(String[] args) {
    run(new ScriptedChatModel(20), System.out, config().readEnvironment());
  }

  /**
   * Answers {@link #QUESTIONS} with tracing on and prints the answers and the traces to {@code
   * out}.
   */
  static void run(ChatModel model, PrintStream out) {
    run(model, out, config());
  }

  /** The example's configuration before the environment has its say. */
  static TracingConfig.Builder config() {
    return TracingConfig.builder().serviceName("support-desk");
  }

  /**
   * As {@link #run(ChatModel, PrintStream)}, with spans also going where {@code config} (built on
   * {@link #config()}) says; when it names exporters, lines saying where the traces went follow the
   * trees.
   */
  static void run(ChatModel model, PrintStream out, TracingConfig.Builder config) {
    InMemorySpanCollector collector = new InMemorySpanCollector();
    ConfiguredTracing tracing =
        config.console(false).shutdownHook(false).addSpanProcessor(collector).build();
    AgentTrace.install(tracing.tracer());
    try {
      SupportAgent agent = SupportDesk.create(model);
      for (String question : QUESTIONS) {
        out.println("Customer: " + question);
        out.println("Agent:    " + agent.answer(question));
        out.println();
      }
      out.print(TreeRenderer.render(collector.finishedSpans()));
      if (!tracing.exporters().isEmpty()) {
        tracing.forceFlush(Duration.ofSeconds(30));
        printWhereTracesWent(tracing, collector.finishedSpans(), out);
      }
    } finally {
      AgentTrace.uninstall();
      tracing.close();
    }
  }

  private static void printWhereTracesWent(
      ConfiguredTracing tracing, List<SpanData> spans, PrintStream out) {
    out.println();
    out.println("Exported with " + tracing.exporterNames() + ": " + tracing.metrics());
    String zipkinUi =
        tracing.exporters().stream()
            .filter(ZipkinSpanExporter.class::isInstance)
            .map(e -> ((ZipkinSpanExporter) e).endpoint().resolve("/zipkin/traces/").toString())
            .findFirst()
            .orElse(null);
    for (SpanData span : spans) {
      if (span.parentSpanId() == null) {
        String where = zipkinUi == null ? "trace " + span.traceId() : zipkinUi + span.traceId();
        out.println("  " + where + "  " + span.name());
      }
    }
  }
}

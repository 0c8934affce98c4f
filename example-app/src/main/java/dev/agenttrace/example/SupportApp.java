package dev.agenttrace.example;

import dev.agenttrace.AgentTrace;
import dev.agenttrace.SpanData;
import dev.agenttrace.export.json.SpanJson;
import dev.agenttrace.processing.InMemorySpanCollector;
import dev.agenttrace.sdk.TracerSdk;
import dev.agenttrace.view.TreeRenderer;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
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

  /**
   * Runs the example. The traces also go to the JSON Lines file named by the first argument
   * (default {@code traces.jsonl}; {@code exec:java} passes {@code
   * example-app/target/traces.jsonl}), ready for the view command.
   */
  public static void main(String[] args) throws IOException {
    Path traces = Path.of(args.length > 0 ? args[0] : "traces.jsonl");
    Path here = Path.of("").toAbsolutePath();
    if (traces.isAbsolute() && traces.startsWith(here)) {
      traces = here.relativize(traces);
    }
    List<SpanData> spans = run(new ScriptedChatModel(20), System.out);
    writeJsonLines(spans, traces);
    System.out.println();
    System.out.println("Traces written to " + traces + " (one span per line). See them with:");
    System.out.println(
        "  java -jar runtime/target/agenttrace-runtime-*.jar view "
            + traces
            + " --format html -o trace.html");
  }

  /** Writes {@code spans} to {@code file}, one {@link SpanJson} object per line. */
  static void writeJsonLines(List<SpanData> spans, Path file) throws IOException {
    StringBuilder lines = new StringBuilder();
    for (SpanData span : spans) {
      SpanJson.write(span, lines);
      lines.append('\n');
    }
    Path parent = file.toAbsolutePath().getParent();
    if (parent != null) {
      Files.createDirectories(parent);
    }
    Files.writeString(file, lines, StandardCharsets.UTF_8);
  }

  /**
   * Answers {@link #QUESTIONS} with tracing on, prints the answers and the traces to {@code out}
   * and returns the spans recorded.
   */
  static List<SpanData> run(ChatModel model, PrintStream out) {
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
      List<SpanData> spans = collector.finishedSpans();
      out.print(TreeRenderer.render(spans));
      return spans;
    } finally {
      AgentTrace.uninstall();
      tracer.close();
    }
  }
}

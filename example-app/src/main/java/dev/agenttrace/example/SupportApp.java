package dev.agenttrace.example;

import dev.agenttrace.AgentTrace;
import dev.agenttrace.Context;
import dev.agenttrace.Tracer;
import dev.agenttrace.config.ConfiguredTracing;
import dev.agenttrace.config.TracingConfig;
import dev.agenttrace.context.Conversation;
import dev.agenttrace.export.json.SpanJson;
import dev.agenttrace.export.zipkin.ZipkinSpanExporter;
import dev.agenttrace.metrics.GenAiConventions;
import dev.agenttrace.metrics.PrometheusTextFormat;
import dev.agenttrace.metrics.TracingMetrics;
import dev.agenttrace.processing.InMemorySpanCollector;
import dev.agenttrace.propagation.HttpClientPropagation;
import dev.agenttrace.spi.SpanData;
import dev.agenttrace.view.TreeRenderer;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.function.BiConsumer;

/**
 * The example: two customer questions to the support agents, then the trace of each as a tree. The
 * first is a refund the orchestrator hands to the billing agent; in the second the order does not
 * exist, so the {@code lookup_order} tool fails and the tree shows the error.
 *
 * <p>The orchestrator ({@code support-desk}) and the billing specialist ({@code billing-service})
 * run as two HTTP services on 127.0.0.1; the hand-off is an HTTP call carrying W3C {@code
 * traceparent}, {@code tracestate} and {@code baggage}, so the refund is one trace with spans from
 * both services. Each question is its own conversation, whose id travels as baggage and is set on
 * every span as {@code gen_ai.conversation.id}.
 *
 * <p>After the traces the run prints the GenAI metrics each service measured (model calls, tokens,
 * agent and tool runs), as lines of the Prometheus text format.
 *
 * <p>Where else the spans go is configured as for any program, for example {@code
 * OTEL_TRACES_EXPORTER=zipkin} sends them to a Zipkin server on localhost; the run then also lists
 * where to find each trace.
 *
 * <p>With {@code --conformance [port]} it instead serves the W3C trace-context test suite (see
 * {@link TraceContextConformanceService}).
 */
public final class SupportApp {
  static final List<String> QUESTIONS =
      List.of(
          "I want a refund for order ORD-1001, the keyboard arrived broken.",
          "Where is my order ORD-4040?");

  static final String SUPPORT_SERVICE = "support-desk";
  static final String BILLING_SERVICE = "billing-service";

  private SupportApp() {}

  /**
   * Runs the example. The traces also go to the JSON Lines file named by the first argument
   * (default {@code traces.jsonl}; {@code exec:java} passes {@code
   * example-app/target/traces.jsonl}), ready for the view command. With {@code --conformance
   * [port]} it serves the W3C trace-context test suite instead.
   */
  public static void main(String[] args) throws Exception {
    if (args.length > 0 && args[0].equals("--conformance")) {
      int port;
      try {
        port = args.length > 1 ? Integer.parseInt(args[1]) : 5000;
      } catch (NumberFormatException e) {
        System.err.println("Usage: SupportApp [--conformance [port]]; not a port: " + args[1]);
        System.exit(2);
        return;
      }
      TraceContextConformanceService.serveUntilStopped(port, System.out);
      return;
    }
    Path traces = Path.of(args.length > 0 ? args[0] : "traces.jsonl");
    Path here = Path.of("").toAbsolutePath();
    if (traces.isAbsolute() && traces.startsWith(here)) {
      traces = here.relativize(traces);
    }
    List<SpanData> spans = run(new ScriptedChatModel(20), System.out, config().readEnvironment());
    writeJsonLines(spans, traces);
    System.out.println();
    System.out.println("Traces written to " + traces + " (one span per line). See them with:");
    System.out.println(
        "  java -jar view/target/agenttrace-view-*-cli.jar view "
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
   * Answers {@link #QUESTIONS} with tracing on, prints the answers and the traces to {@code out},
   * and returns the recorded spans.
   */
  static List<SpanData> run(ChatModel model, PrintStream out) {
    return run(model, out, config());
  }

  /** The example's configuration before the environment has its say. */
  static TracingConfig.Builder config() {
    return TracingConfig.builder();
  }

  /**
   * As {@link #run(ChatModel, PrintStream)}, with spans also going where {@code config} (built on
   * {@link #config()}) says; when it names exporters, lines saying where the traces went follow the
   * trees. Each service gets its own tracing from the same configuration, under its own name.
   */
  static List<SpanData> run(ChatModel model, PrintStream out, TracingConfig.Builder config) {
    return run(model, out, config, (service, metrics) -> {});
  }

  /**
   * As {@link #run(ChatModel, PrintStream, TracingConfig.Builder)}, handing each service's name and
   * metrics to {@code measured} once the conversations are over.
   */
  static List<SpanData> run(
      ChatModel model,
      PrintStream out,
      TracingConfig.Builder config,
      BiConsumer<String, TracingMetrics> measured) {
    InMemorySpanCollector collector = new InMemorySpanCollector();
    config
        .console(false)
        .shutdownHook(false)
        .addSpanProcessor(Conversation.spanProcessor())
        .addSpanProcessor(collector);
    ConfiguredTracing supportTracing = config.serviceName(SUPPORT_SERVICE).build();
    ConfiguredTracing billingTracing = config.serviceName(BILLING_SERVICE).build();
    PerServiceTracer tracer = new PerServiceTracer(Tracer.noop());
    ExecutorService supportThreads = tracer.executorFor(SUPPORT_SERVICE, supportTracing.tracer());
    ExecutorService billingThreads = tracer.executorFor(BILLING_SERVICE, billingTracing.tracer());
    HttpClient client = HttpClient.newHttpClient();
    OrderTools orders = new InMemoryOrders();
    AgentTrace.install(tracer);
    try (LoopbackService billing =
            BillingService.start(SupportDesk.billing(model, orders), billingThreads);
        LoopbackService support =
            SupportService.start(
                SupportDesk.orchestrator(
                    model, orders, new RemoteBillingAgent(client, billing.uri())),
                supportThreads)) {
      int conversation = 0;
      for (String question : QUESTIONS) {
        out.println("Customer: " + question);
        out.println("Agent:    " + ask(client, support.uri(), question, ++conversation));
        out.println();
      }
      List<SpanData> spans = collector.finishedSpans();
      out.print(TreeRenderer.render(spans));
      out.println();
      out.println(
          "GenAI metrics (OpenTelemetry conventions "
              + GenAiConventions.VERSION
              + "), counts and token sums; a scrape adds buckets and AgentTrace's own counters:");
      for (ConfiguredTracing tracing : List.of(supportTracing, billingTracing)) {
        String service = tracing.tracer().resource().serviceName();
        printGenAiMetrics(service, tracing.tracingMetrics(), out);
        measured.accept(service, tracing.tracingMetrics());
      }
      if (!supportTracing.exporters().isEmpty()) {
        supportTracing.forceFlush(Duration.ofSeconds(30));
        billingTracing.forceFlush(Duration.ofSeconds(30));
        printWhereTracesWent(List.of(supportTracing, billingTracing), spans, out);
      }
      return spans;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } finally {
      AgentTrace.uninstall();
      supportTracing.close();
      billingTracing.close();
      supportThreads.shutdownNow();
      billingThreads.shutdownNow();
    }
  }

  /**
   * The counts of the GenAI metrics and the token sums, as lines of the Prometheus text format; a
   * scrape of {@link PrometheusTextFormat#write(TracingMetrics)} has these and more.
   */
  private static void printGenAiMetrics(String service, TracingMetrics metrics, PrintStream out) {
    out.println("# " + service);
    PrometheusTextFormat.write(metrics.snapshot())
        .lines()
        .filter(line -> line.startsWith("gen_ai_"))
        .filter(
            line -> line.contains("_count{") || line.startsWith("gen_ai_client_token_usage_sum"))
        .forEach(out::println);
  }

  private static void printWhereTracesWent(
      List<ConfiguredTracing> services, List<SpanData> spans, PrintStream out) {
    out.println();
    String zipkinUi = null;
    for (ConfiguredTracing tracing : services) {
      out.println(
          "Exported from "
              + tracing.tracer().resource().serviceName()
              + " with "
              + tracing.exporterNames()
              + ": "
              + tracing.metrics());
      for (Object exporter : tracing.exporters()) {
        if (zipkinUi == null && exporter instanceof ZipkinSpanExporter zipkin) {
          zipkinUi = zipkin.endpoint().resolve("/zipkin/traces/").toString();
        }
      }
    }
    for (SpanData span : spans) {
      if (span.parentSpanId() == null) {
        String where = zipkinUi == null ? "trace " + span.traceId() : zipkinUi + span.traceId();
        out.println("  " + where + "  " + span.name());
      }
    }
  }

  /** What a customer's chat front end does: post the question, in its conversation. */
  private static String ask(HttpClient client, URI support, String question, int conversation)
      throws IOException {
    Context context = Conversation.with(Context.current(), "conversation-" + conversation);
    try {
      HttpRequest request =
          HttpClientPropagation.inject(context, HttpRequest.newBuilder(support))
              .header("Content-Type", "text/plain; charset=utf-8")
              .POST(HttpRequest.BodyPublishers.ofString(question))
              .build();
      HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
      if (response.statusCode() != 200) {
        throw new IOException(
            "support service answered " + response.statusCode() + ": " + response.body());
      }
      return response.body();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted while waiting for the support service", e);
    }
  }
}

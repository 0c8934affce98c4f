package dev.agenttrace.example;

import dev.agenttrace.Context;
import dev.agenttrace.Span;
import dev.agenttrace.SpanKind;
import dev.agenttrace.StatusCode;
import dev.agenttrace.Tracer;
import dev.agenttrace.internal.json.Json;
import dev.agenttrace.internal.json.JsonException;
import dev.agenttrace.propagation.HttpClientPropagation;
import dev.agenttrace.propagation.HttpServerPropagation;
import dev.agenttrace.sdk.TracerSdk;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.regex.Pattern;

/**
 * The "service under test" of the official W3C trace-context test suite ({@code
 * github.com/w3c/trace-context}, folder {@code test}).
 *
 * <p>The suite's harness sends {@code POST /test} carrying {@code traceparent}/{@code tracestate}
 * headers and a JSON array of {@code {"url": ..., "arguments": [...]}}; for each entry this service
 * posts {@code arguments} as JSON to {@code url}, and the harness checks the headers of those
 * callbacks. The service does what any AgentTrace-instrumented service does: the request is a
 * {@link SpanKind#SERVER} span continuing the caller's trace (or a new trace if the headers are
 * missing or invalid), and each callback is a {@link SpanKind#CLIENT} span whose context is
 * injected, so every callback carries a new parent id, the caller's trace id and trace state.
 *
 * <p>It listens on 127.0.0.1 only and calls back only loopback URLs, as a test endpoint should.
 */
final class TraceContextConformanceService {
  private static final Pattern LOOPBACK_IPV4 = Pattern.compile("127(\\.\\d{1,3}){3}");

  private final Tracer tracer;
  private final HttpClient client =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  private TraceContextConformanceService(Tracer tracer) {
    this.tracer = tracer;
  }

  /**
   * Starts serving {@code POST /test} on 127.0.0.1:{@code port} (0 for any free port), recording
   * with {@code tracer}.
   */
  static LoopbackService start(int port, Tracer tracer) throws IOException {
    TraceContextConformanceService service = new TraceContextConformanceService(tracer);
    return LoopbackService.start(
        port,
        "/test",
        "application/json",
        service::handle,
        HttpServerPropagation.serverSpanFilter(tracer),
        Executors.newCachedThreadPool(
            task -> {
              Thread thread = new Thread(task, "trace-context-conformance");
              thread.setDaemon(true);
              return thread;
            }));
  }

  /** Runs the service until the JVM is stopped (Ctrl-C). */
  static void serveUntilStopped(int port, PrintStream out)
      throws IOException, InterruptedException {
    TracerSdk tracer = TracerSdk.builder().serviceName("trace-context-conformance").build();
    CountDownLatch stopped = new CountDownLatch(1);
    try (LoopbackService service = start(port, tracer)) {
      Runtime.getRuntime().addShutdownHook(new Thread(stopped::countDown));
      out.println("W3C trace-context service under test listening on " + service.uri());
      out.println("Run the suite with: python test.py " + service.uri());
      stopped.await();
    }
  }

  private String handle(String body) {
    List<Map<?, ?>> calls;
    try {
      calls = callbacks(Json.parse(body));
    } catch (JsonException e) {
      throw new IllegalArgumentException(e.getMessage(), e);
    }
    for (Map<?, ?> call : calls) {
      callBack(URI.create((String) call.get("url")), call.get("arguments"));
    }
    return "{}";
  }

  /** The entries of the request, checked: each an object with a loopback http {@code url}. */
  private static List<Map<?, ?>> callbacks(Object body) {
    if (!(body instanceof List<?> entries)) {
      throw new IllegalArgumentException("expected a JSON array of {\"url\", \"arguments\"}");
    }
    List<Map<?, ?>> calls = new ArrayList<>();
    for (Object entry : entries) {
      if (!(entry instanceof Map<?, ?> call) || !(call.get("url") instanceof String url)) {
        throw new IllegalArgumentException("each entry needs a \"url\" string");
      }
      URI uri = URI.create(url);
      if (!"http".equals(uri.getScheme()) || !isLoopback(uri.getHost())) {
        throw new IllegalArgumentException("only loopback http URLs are called back: " + url);
      }
      calls.add(call);
    }
    return calls;
  }

  /** Whether {@code host} names the loopback interface, decided without a DNS lookup. */
  private static boolean isLoopback(String host) {
    return host != null
        && (host.equals("localhost")
            || host.equals("[::1]")
            || LOOPBACK_IPV4.matcher(host).matches());
  }

  private void callBack(URI uri, Object arguments) {
    Span span = tracer.spanBuilder("POST").setSpanKind(SpanKind.CLIENT).startSpan();
    HttpRequest request =
        HttpClientPropagation.inject(Context.current().with(span), HttpRequest.newBuilder(uri))
            .timeout(Duration.ofSeconds(5))
            .header("Content-Type", "application/json")
            .POST(
                HttpRequest.BodyPublishers.ofString(
                    Json.write(arguments == null ? List.of() : arguments)))
            .build();
    try {
      HttpResponse<Void> response = client.send(request, HttpResponse.BodyHandlers.discarding());
      span.setAttribute("http.response.status_code", (long) response.statusCode());
    } catch (IOException e) {
      span.recordError(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      span.setStatus(StatusCode.ERROR, "interrupted");
    } finally {
      span.end();
    }
  }
}

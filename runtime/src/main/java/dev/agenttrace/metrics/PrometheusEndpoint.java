package dev.agenttrace.metrics;

import static java.util.Objects.requireNonNull;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A small HTTP endpoint that serves metrics in the Prometheus text format at {@code GET /metrics},
 * on the address the caller chooses, with the JDK's own HTTP server ({@code jdk.httpserver}, no
 * library). Each scrape takes a fresh snapshot; nothing is computed between scrapes.
 *
 * <pre>{@code
 * try (PrometheusEndpoint endpoint =
 *     PrometheusEndpoint.start(metrics, new InetSocketAddress("127.0.0.1", 9464))) {
 *   // scrape http://127.0.0.1:9464/metrics
 * }
 * }</pre>
 *
 * <p>Bind it to a loopback address unless the network in front of the service is trusted: the
 * metrics name models, tools and agents. {@code HEAD} is answered like {@code GET} without a body,
 * other methods get 405, other paths 404. Requests are served one at a time on one daemon thread,
 * so a flood of scrapes cannot take more than that thread. To serve from a server of your own,
 * return {@link PrometheusTextFormat#write(TracingMetrics)} with {@link
 * PrometheusTextFormat#CONTENT_TYPE} instead.
 */
public final class PrometheusEndpoint implements AutoCloseable {
  private static final Logger logger = LoggerFactory.getLogger(PrometheusEndpoint.class);

  /** The path the metrics are served at. */
  public static final String PATH = "/metrics";

  private final HttpServer server;
  private final ExecutorService executor;
  private final Supplier<String> body;

  private PrometheusEndpoint(HttpServer server, ExecutorService executor, Supplier<String> body) {
    this.server = server;
    this.executor = executor;
    this.body = body;
  }

  /**
   * Serves {@code metrics} on {@code address} (port 0 picks a free port; see {@link #uri()}).
   *
   * @throws UncheckedIOException if the address cannot be bound
   */
  public static PrometheusEndpoint start(TracingMetrics metrics, InetSocketAddress address) {
    requireNonNull(metrics, "metrics");
    return start(() -> PrometheusTextFormat.write(metrics), address);
  }

  /**
   * Serves what {@code body} returns at each scrape, such as several {@link PrometheusTextFormat}
   * outputs joined, on {@code address}.
   *
   * @throws UncheckedIOException if the address cannot be bound
   */
  public static PrometheusEndpoint start(Supplier<String> body, InetSocketAddress address) {
    requireNonNull(body, "body");
    requireNonNull(address, "address");
    HttpServer server;
    try {
      server = HttpServer.create(address, 16);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot serve metrics on " + address + ": " + e, e);
    }
    ExecutorService executor =
        Executors.newSingleThreadExecutor(
            task -> {
              Thread thread = new Thread(task, "agenttrace-prometheus-endpoint");
              thread.setDaemon(true);
              return thread;
            });
    server.setExecutor(executor);
    PrometheusEndpoint endpoint = new PrometheusEndpoint(server, executor, body);
    server.createContext("/", endpoint::handle);
    server.start();
    logger.debug("Serving metrics at {}", endpoint.uri());
    return endpoint;
  }

  private void handle(HttpExchange exchange) throws IOException {
    try (exchange) {
      String method = exchange.getRequestMethod();
      if (!exchange.getRequestURI().getPath().equals(PATH)) {
        respond(exchange, 404, "Not found; metrics are at " + PATH + "\n", true);
      } else if (!method.equals("GET") && !method.equals("HEAD")) {
        exchange.getResponseHeaders().set("Allow", "GET, HEAD");
        respond(exchange, 405, "Use GET\n", true);
      } else {
        String text;
        try {
          text = body.get();
        } catch (RuntimeException e) {
          logger.warn("Could not write the metrics", e);
          respond(exchange, 500, "Could not write the metrics: " + e + "\n", true);
          return;
        }
        exchange.getResponseHeaders().set("Content-Type", PrometheusTextFormat.CONTENT_TYPE);
        respond(exchange, 200, text, method.equals("GET"));
      }
    }
  }

  private static void respond(HttpExchange exchange, int status, String text, boolean withBody)
      throws IOException {
    byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
    if (!exchange.getResponseHeaders().containsKey("Content-Type")) {
      exchange.getResponseHeaders().set("Content-Type", "text/plain; charset=utf-8");
    }
    if (withBody) {
      exchange.sendResponseHeaders(status, bytes.length);
      try (OutputStream out = exchange.getResponseBody()) {
        out.write(bytes);
      }
    } else {
      exchange.sendResponseHeaders(status, -1);
    }
  }

  /** The address served, with the port chosen if 0 was asked for. */
  public InetSocketAddress address() {
    return server.getAddress();
  }

  /** The URI to scrape, such as {@code http://127.0.0.1:9464/metrics}. */
  public URI uri() {
    InetSocketAddress address = address();
    String host = address.getAddress().getHostAddress();
    if (host.contains(":")) {
      host = "[" + host + "]";
    }
    return URI.create("http://" + host + ":" + address.getPort() + PATH);
  }

  /** Stops serving, at once. */
  @Override
  public void close() {
    server.stop(0);
    executor.shutdownNow();
  }

  @Override
  public String toString() {
    return "PrometheusEndpoint{" + uri() + '}';
  }
}

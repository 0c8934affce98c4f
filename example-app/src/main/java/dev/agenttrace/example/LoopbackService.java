package dev.agenttrace.example;

import com.sun.net.httpserver.Filter;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ExecutorService;

/**
 * One {@code POST} endpoint of the JDK HTTP server on 127.0.0.1, as the example's services use it:
 * the body goes in as text, the handler's answer comes back as {@code contentType}. A handler that
 * throws {@link IllegalArgumentException} answers 400 with the message, any other runtime exception
 * 500; other methods get 405.
 */
final class LoopbackService implements AutoCloseable {
  /** Answers a request body. */
  @FunctionalInterface
  interface BodyHandler {
    String handle(String body);
  }

  private final HttpServer server;
  private final String path;

  private LoopbackService(HttpServer server, String path) {
    this.server = server;
    this.path = path;
  }

  /**
   * Starts serving {@code path} on 127.0.0.1:{@code port} (0 for any free port), running {@code
   * filter} (the trace-context filter) around {@code handler} on {@code executor}'s threads.
   */
  static LoopbackService start(
      int port,
      String path,
      String contentType,
      BodyHandler handler,
      Filter filter,
      ExecutorService executor)
      throws IOException {
    HttpServer server =
        HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 0);
    server
        .createContext(path, exchange -> serve(exchange, contentType, handler))
        .getFilters()
        .add(filter);
    server.setExecutor(executor);
    server.start();
    return new LoopbackService(server, path);
  }

  /** The endpoint's address. */
  URI uri() {
    return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + path);
  }

  private static void serve(HttpExchange exchange, String contentType, BodyHandler handler)
      throws IOException {
    if (!exchange.getRequestMethod().equals("POST")) {
      respond(exchange, 405, "text/plain", "POST only");
      return;
    }
    String body;
    try (InputStream in = exchange.getRequestBody()) {
      body = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
    String answer;
    try {
      answer = handler.handle(body);
    } catch (IllegalArgumentException e) {
      respond(exchange, 400, "text/plain", String.valueOf(e.getMessage()));
      return;
    } catch (RuntimeException e) {
      respond(exchange, 500, "text/plain", e.toString());
      return;
    }
    respond(exchange, 200, contentType, answer);
  }

  private static void respond(HttpExchange exchange, int status, String contentType, String body)
      throws IOException {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().set("Content-Type", contentType + "; charset=utf-8");
    exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(bytes);
    }
  }

  @Override
  public void close() {
    server.stop(0);
  }
}

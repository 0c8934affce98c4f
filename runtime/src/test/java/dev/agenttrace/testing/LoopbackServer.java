package dev.agenttrace.testing;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.zip.GZIPInputStream;

/**
 * A real HTTP server on 127.0.0.1 standing in for a span backend, whose answers a test controls:
 * status code and delay. It keeps each request's decoded body and headers.
 */
public final class LoopbackServer implements AutoCloseable {
  private final HttpServer server;
  private final List<Request> requests = new ArrayList<>();
  private final AtomicInteger attempts = new AtomicInteger();
  private volatile int status = 202;
  private volatile long delayMillis;
  private volatile int failFirst;
  private volatile int failFirstStatus;

  /** One request as received. */
  public record Request(String contentEncoding, String contentType, byte[] rawBody, String body) {}

  private LoopbackServer(int port) throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 0);
    server.setExecutor(Executors.newCachedThreadPool());
    server.createContext("/", this::handle);
    server.start();
  }

  /** A server on a free port. */
  public static LoopbackServer start() throws IOException {
    return new LoopbackServer(0);
  }

  /** A server on {@code port}, for a backend that comes back where it was. */
  public static LoopbackServer startOn(int port) throws IOException {
    return new LoopbackServer(port);
  }

  private void handle(HttpExchange exchange) throws IOException {
    int attempt = attempts.incrementAndGet();
    try (exchange) {
      byte[] raw = exchange.getRequestBody().readAllBytes();
      String encoding = exchange.getRequestHeaders().getFirst("Content-Encoding");
      byte[] decoded = raw;
      if ("gzip".equals(encoding)) {
        try (InputStream in = new GZIPInputStream(new java.io.ByteArrayInputStream(raw))) {
          decoded = in.readAllBytes();
        }
      }
      long delay = delayMillis;
      if (delay > 0) {
        try {
          Thread.sleep(delay);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
      }
      int answer = attempt <= failFirst ? failFirstStatus : status;
      if (answer / 100 == 2) {
        synchronized (this) {
          requests.add(
              new Request(
                  encoding,
                  exchange.getRequestHeaders().getFirst("Content-Type"),
                  decoded,
                  new String(decoded, StandardCharsets.UTF_8)));
          notifyAll();
        }
      }
      byte[] body = (answer / 100 == 2 ? "" : "failure " + answer).getBytes(StandardCharsets.UTF_8);
      exchange.sendResponseHeaders(answer, body.length == 0 ? -1 : body.length);
      if (body.length > 0) {
        exchange.getResponseBody().write(body);
      }
    }
  }

  /** Answers every later request with {@code status}. */
  public void answer(int status) {
    this.status = status;
  }

  /** Answers the first {@code count} requests with {@code status}, later ones as usual. */
  public void failFirst(int count, int status) {
    this.failFirstStatus = status;
    this.failFirst = count;
  }

  /** Waits {@code millis} before answering each later request. */
  public void delay(long millis) {
    this.delayMillis = millis;
  }

  public int port() {
    return server.getAddress().getPort();
  }

  public URI uri(String path) {
    return URI.create("http://127.0.0.1:" + port() + path);
  }

  /** Requests that were answered with success. */
  public synchronized List<Request> accepted() {
    return List.copyOf(requests);
  }

  /** All requests that arrived, answered or not. */
  public int attempts() {
    return attempts.get();
  }

  @Override
  public void close() {
    server.stop(0);
    ((java.util.concurrent.ExecutorService) server.getExecutor()).shutdownNow();
  }
}

package dev.agenttrace.example;

import dev.agenttrace.internal.json.Json;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The real Zipkin server (the exec jar from Maven Central, copied by the build), run with {@code
 * java -jar} on a free 127.0.0.1 port with in-memory storage, and its query API.
 */
final class ZipkinServer implements AutoCloseable {
  private static final Duration STARTUP_LIMIT = Duration.ofMinutes(4);

  private final Process process;
  private final int port;
  private final HttpClient http = HttpClient.newHttpClient();

  private ZipkinServer(Process process, int port) {
    this.process = process;
    this.port = port;
  }

  /** Starts Zipkin and waits until {@code /health} says it is up. */
  static ZipkinServer start() throws IOException, InterruptedException {
    Path jar = Path.of(System.getProperty("zipkin.jar", "target/zipkin/zipkin-server.jar"));
    if (!Files.isRegularFile(jar)) {
      throw new IllegalStateException(
          "No Zipkin server jar at " + jar + "; run through Maven (mvn verify), which copies it");
    }
    int port = freePort();
    Path log = jar.resolveSibling("zipkin-" + port + ".log");
    ProcessBuilder builder =
        new ProcessBuilder(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-XX:TieredStopAtLevel=1",
                "-Xmx256m",
                "-jar",
                jar.toString(),
                "--server.address=127.0.0.1",
                "--server.port=" + port)
            .redirectErrorStream(true)
            .redirectOutput(log.toFile());
    builder.environment().put("STORAGE_TYPE", "mem");
    ZipkinServer server = new ZipkinServer(builder.start(), port);
    try {
      server.awaitHealthy(log);
    } catch (IOException | InterruptedException | RuntimeException e) {
      server.close();
      throw e;
    }
    return server;
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    }
  }

  private void awaitHealthy(Path log) throws IOException, InterruptedException {
    long deadline = System.nanoTime() + STARTUP_LIMIT.toNanos();
    HttpRequest health =
        HttpRequest.newBuilder(uri("/health")).timeout(Duration.ofSeconds(2)).build();
    while (System.nanoTime() < deadline) {
      if (!process.isAlive()) {
        throw new IllegalStateException("Zipkin exited at startup; see " + log);
      }
      try {
        HttpResponse<String> response = http.send(health, HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() == 200 && response.body().contains("UP")) {
          return;
        }
      } catch (IOException notYet) {
        // Not listening yet.
      }
      Thread.sleep(250);
    }
    throw new IllegalStateException("Zipkin not healthy within " + STARTUP_LIMIT + "; see " + log);
  }

  URI uri(String path) {
    return URI.create("http://127.0.0.1:" + port + path);
  }

  /** Where spans are posted. */
  String spansEndpoint() {
    return uri("/api/v2/spans").toString();
  }

  /**
   * The spans of {@code traceId} once Zipkin has {@code count} of them (it stores asynchronously).
   */
  @SuppressWarnings("unchecked")
  List<Map<String, Object>> trace(String traceId, int count)
      throws IOException, InterruptedException {
    HttpRequest request = HttpRequest.newBuilder(uri("/api/v2/trace/" + traceId)).build();
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
    List<Map<String, Object>> spans = List.of();
    while (System.nanoTime() < deadline) {
      HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
      if (response.statusCode() == 200) {
        spans = (List<Map<String, Object>>) Json.parse(response.body());
        if (spans.size() >= count) {
          return spans;
        }
      }
      Thread.sleep(100);
    }
    return spans;
  }

  @Override
  public void close() {
    process.destroy();
    try {
      if (!process.waitFor(20, TimeUnit.SECONDS)) {
        process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
      }
    } catch (InterruptedException e) {
      process.destroyForcibly();
      Thread.currentThread().interrupt();
    }
  }
}

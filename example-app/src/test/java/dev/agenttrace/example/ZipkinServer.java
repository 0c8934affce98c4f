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
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The real Zipkin server (the exec jar from Maven Central, copied by the build), run with {@code
 * java -jar} on a free port of 127.0.0.1 only, with in-memory storage, and its query API.
 */
final class ZipkinServer implements AutoCloseable {
  private static final Duration STARTUP_LIMIT = Duration.ofMinutes(4);

  /** The state of a listening socket in /proc/net/tcp. */
  private static final String LISTEN = "0A";

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
                // Zipkin 3 serves through Armeria, which ignores --server.address and would
                // listen on every interface: bind the one port to loopback explicitly.
                "--armeria.ports[0].ip=127.0.0.1",
                "--armeria.ports[0].port=" + port,
                "--armeria.ports[0].protocols[0]=http")
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

  /**
   * The local addresses on which Zipkin's port is listening, as the kernel reports them in {@code
   * /proc/net/tcp} and {@code /proc/net/tcp6} (Linux): a check that needs no traffic at all.
   */
  List<InetAddress> listeningAddresses() throws IOException {
    List<InetAddress> addresses = new ArrayList<>();
    for (String table : List.of("/proc/net/tcp", "/proc/net/tcp6")) {
      Path file = Path.of(table);
      if (!Files.isReadable(file)) {
        continue;
      }
      for (String line : Files.readAllLines(file)) {
        String[] fields = line.trim().split("\\s+");
        if (fields.length < 4 || !fields[3].equals(LISTEN) || !fields[1].contains(":")) {
          continue;
        }
        String[] local = fields[1].split(":");
        if (Integer.parseInt(local[1], 16) == port) {
          addresses.add(InetAddress.getByAddress(kernelAddressBytes(local[0])));
        }
      }
    }
    return addresses;
  }

  /** The kernel prints an address as 32-bit words in host (little-endian) byte order. */
  private static byte[] kernelAddressBytes(String hex) {
    byte[] bytes = new byte[hex.length() / 2];
    for (int word = 0; word < bytes.length / 4; word++) {
      for (int i = 0; i < 4; i++) {
        int at = (word * 4 + 3 - i) * 2;
        bytes[word * 4 + i] = (byte) Integer.parseInt(hex.substring(at, at + 2), 16);
      }
    }
    return bytes;
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

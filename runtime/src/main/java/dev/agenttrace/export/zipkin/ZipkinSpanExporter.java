package dev.agenttrace.export.zipkin;

import static java.util.Objects.requireNonNull;

import dev.agenttrace.spi.ExportResult;
import dev.agenttrace.spi.SpanData;
import dev.agenttrace.spi.SpanExporter;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Collection;
import java.util.concurrent.ThreadLocalRandom;
import java.util.zip.GZIPOutputStream;

/**
 * Posts spans to a Zipkin server as v2 JSON, with {@code java.net.http}: no dependency.
 *
 * <p>Each batch is one gzip-compressed POST. A server error (5xx, 429) or a connection problem is
 * retried up to {@code maxRetries} times with exponential backoff and jitter; a client error (other
 * 4xx) is not, since sending the same spans again cannot help. Every attempt is bounded by {@code
 * timeout}, so a dead or slow server costs the worker thread at most about {@code (maxRetries + 1)
 * * timeout} plus backoff, and never touches the traced calls.
 *
 * <pre>{@code
 * SpanExporter zipkin = ZipkinSpanExporter.builder()
 *     .endpoint(URI.create("http://localhost:9411/api/v2/spans"))
 *     .build();
 * }</pre>
 */
public final class ZipkinSpanExporter implements SpanExporter {
  /** Where a local Zipkin server takes spans. */
  public static final URI DEFAULT_ENDPOINT = URI.create("http://localhost:9411/api/v2/spans");

  private final URI endpoint;
  private final Duration timeout;
  private final int maxRetries;
  private final Duration initialBackoff;
  private final Duration maxBackoff;
  private final boolean gzip;
  private final HttpClient client;
  private volatile boolean shutdown;

  private ZipkinSpanExporter(Builder builder) {
    this.endpoint = builder.endpoint;
    this.timeout = builder.timeout;
    this.maxRetries = builder.maxRetries;
    this.initialBackoff = builder.initialBackoff;
    this.maxBackoff = builder.maxBackoff;
    this.gzip = builder.gzip;
    this.client =
        HttpClient.newBuilder()
            .connectTimeout(builder.timeout)
            .version(HttpClient.Version.HTTP_1_1)
            .build();
  }

  /** A builder with the defaults: local endpoint, 10 s timeout, 3 retries, gzip on. */
  public static Builder builder() {
    return new Builder();
  }

  /** Where spans are posted. */
  public URI endpoint() {
    return endpoint;
  }

  @Override
  public ExportResult export(Collection<SpanData> spans) {
    if (shutdown) {
      return ExportResult.failure("exporter is shut down");
    }
    if (spans.isEmpty()) {
      return ExportResult.success();
    }
    byte[] body;
    try {
      body = body(ZipkinJsonEncoder.encode(spans));
    } catch (IOException | RuntimeException e) {
      return ExportResult.failure("could not encode spans: " + e, e);
    }
    HttpRequest.Builder request =
        HttpRequest.newBuilder(endpoint)
            .timeout(timeout)
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofByteArray(body));
    if (gzip) {
      request.header("Content-Encoding", "gzip");
    }
    HttpRequest built = request.build();
    String lastProblem = null;
    Exception lastException = null;
    for (int attempt = 0; attempt <= maxRetries; attempt++) {
      if (attempt > 0 && !sleepBackoff(attempt)) {
        return ExportResult.failure("interrupted while waiting to retry: " + lastProblem);
      }
      try {
        HttpResponse<String> response = client.send(built, HttpResponse.BodyHandlers.ofString());
        int status = response.statusCode();
        if (status / 100 == 2) {
          return ExportResult.success();
        }
        lastProblem = endpoint + " answered " + status + " " + abbreviate(response.body());
        lastException = null;
        if (status / 100 == 4 && status != 429 && status != 408) {
          return ExportResult.failure(lastProblem + " (not retried)");
        }
      } catch (HttpTimeoutException e) {
        lastProblem = endpoint + " did not answer within " + timeout;
        lastException = e;
      } catch (IOException e) {
        lastProblem = "could not reach " + endpoint + ": " + e;
        lastException = e;
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return ExportResult.failure("interrupted while posting to " + endpoint, e);
      }
    }
    String reason = lastProblem + " (after " + (maxRetries + 1) + " attempts)";
    return lastException == null
        ? ExportResult.failure(reason)
        : ExportResult.failure(reason, lastException);
  }

  private boolean sleepBackoff(int attempt) {
    long base = initialBackoff.toMillis() << Math.min(attempt - 1, 16);
    long capped = Math.min(base, maxBackoff.toMillis());
    long jittered = capped / 2 + ThreadLocalRandom.current().nextLong(capped / 2 + 1);
    try {
      Thread.sleep(jittered);
      return true;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  private byte[] body(String json) throws IOException {
    byte[] raw = json.getBytes(StandardCharsets.UTF_8);
    if (!gzip) {
      return raw;
    }
    ByteArrayOutputStream compressed = new ByteArrayOutputStream(raw.length / 4 + 64);
    try (GZIPOutputStream out = new GZIPOutputStream(compressed)) {
      out.write(raw);
    }
    return compressed.toByteArray();
  }

  private static String abbreviate(String body) {
    if (body == null || body.isEmpty()) {
      return "";
    }
    String oneLine = body.replace('\n', ' ').strip();
    return oneLine.length() <= 200 ? oneLine : oneLine.substring(0, 200) + "...";
  }

  @Override
  public ExportResult shutdown() {
    shutdown = true;
    return ExportResult.success();
  }

  @Override
  public String toString() {
    return "ZipkinSpanExporter{" + endpoint + '}';
  }

  /** Builds a {@link ZipkinSpanExporter}. */
  public static final class Builder {
    private URI endpoint = DEFAULT_ENDPOINT;
    private Duration timeout = Duration.ofSeconds(10);
    private int maxRetries = 3;
    private Duration initialBackoff = Duration.ofMillis(100);
    private Duration maxBackoff = Duration.ofSeconds(2);
    private boolean gzip = true;

    private Builder() {}

    /** The span endpoint, such as {@code http://zipkin:9411/api/v2/spans}. */
    public Builder endpoint(URI endpoint) {
      requireNonNull(endpoint, "endpoint");
      if (!"http".equals(endpoint.getScheme()) && !"https".equals(endpoint.getScheme())) {
        throw new IllegalArgumentException("Zipkin endpoint must be http or https: " + endpoint);
      }
      this.endpoint = endpoint;
      return this;
    }

    /** The endpoint as text; see {@link #endpoint(URI)}. */
    public Builder endpoint(String endpoint) {
      return endpoint(URI.create(requireNonNull(endpoint, "endpoint")));
    }

    /** How long one attempt (connect plus answer) may take; default 10 s. */
    public Builder timeout(Duration timeout) {
      requireNonNull(timeout, "timeout");
      if (timeout.isNegative() || timeout.isZero()) {
        throw new IllegalArgumentException("timeout must be positive: " + timeout);
      }
      this.timeout = timeout;
      return this;
    }

    /** Retries after a server error or connection problem; default 3, 0 for none. */
    public Builder maxRetries(int maxRetries) {
      if (maxRetries < 0) {
        throw new IllegalArgumentException("maxRetries must not be negative: " + maxRetries);
      }
      this.maxRetries = maxRetries;
      return this;
    }

    /** The wait before the first retry, doubled for each further one up to {@code max}. */
    public Builder backoff(Duration initial, Duration max) {
      this.initialBackoff = requireNonNull(initial, "initial");
      this.maxBackoff = requireNonNull(max, "max");
      return this;
    }

    /** Whether bodies are gzip-compressed; on by default. */
    public Builder gzip(boolean gzip) {
      this.gzip = gzip;
      return this;
    }

    /** The exporter. */
    public ZipkinSpanExporter build() {
      return new ZipkinSpanExporter(this);
    }
  }
}

package dev.agenttrace.opentelemetry;

import static java.util.Objects.requireNonNull;

import dev.agenttrace.spi.ExportResult;
import dev.agenttrace.spi.SpanData;
import dev.agenttrace.spi.SpanExporter;
import io.opentelemetry.sdk.common.CompletableResultCode;
import io.opentelemetry.sdk.common.InstrumentationScopeInfo;
import io.opentelemetry.sdk.resources.Resource;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Hands AgentTrace spans to any OpenTelemetry {@link
 * io.opentelemetry.sdk.trace.export.SpanExporter} (OTLP over gRPC or HTTP/protobuf, logging,
 * in-memory, vendor exporters), so that spans reach every backend OpenTelemetry reaches: an
 * OpenTelemetry Collector, Jaeger, Tempo, Langfuse.
 *
 * <p>Each span is mapped faithfully: ids, trace flags and trace state, parent (remote or not),
 * kind, status code and description, events, links and attributes with their types (string,
 * boolean, long, double), the tracer's resource, and the instrumentation scope {@value
 * #SCOPE_NAME}.
 *
 * <pre>{@code
 * SpanExporter otlp = OpenTelemetrySpanExporter.create(
 *     OtlpHttpSpanExporter.builder().setEndpoint("http://collector:4318/v1/traces").build());
 * TracerSdk tracer = TracerSdk.builder()
 *     .addSpanProcessor(BatchSpanProcessor.builder(otlp).build())
 *     .build();
 * }</pre>
 */
public final class OpenTelemetrySpanExporter implements SpanExporter {
  /** The instrumentation scope name every exported span carries. */
  public static final String SCOPE_NAME = "dev.agenttrace";

  private static final InstrumentationScopeInfo SCOPE =
      InstrumentationScopeInfo.builder(SCOPE_NAME).setVersion(version()).build();

  private final io.opentelemetry.sdk.trace.export.SpanExporter delegate;
  private final Duration timeout;

  private OpenTelemetrySpanExporter(
      io.opentelemetry.sdk.trace.export.SpanExporter delegate, Duration timeout) {
    this.delegate = delegate;
    this.timeout = timeout;
  }

  /** Exports through {@code delegate}, waiting up to 30 s for each call. */
  public static OpenTelemetrySpanExporter create(
      io.opentelemetry.sdk.trace.export.SpanExporter delegate) {
    return create(delegate, Duration.ofSeconds(30));
  }

  /** Exports through {@code delegate}, waiting up to {@code timeout} for each call. */
  public static OpenTelemetrySpanExporter create(
      io.opentelemetry.sdk.trace.export.SpanExporter delegate, Duration timeout) {
    return new OpenTelemetrySpanExporter(
        requireNonNull(delegate, "delegate"), requireNonNull(timeout, "timeout"));
  }

  /** One AgentTrace span as OpenTelemetry span data. */
  public static io.opentelemetry.sdk.trace.data.SpanData toSpanData(SpanData span) {
    return new AgentTraceSpanData(span, OpenTelemetryMapping.toOtel(span.resource()), SCOPE);
  }

  private static String version() {
    String version = OpenTelemetrySpanExporter.class.getPackage().getImplementationVersion();
    return version == null ? "unknown" : version;
  }

  @Override
  public ExportResult export(Collection<SpanData> spans) {
    List<io.opentelemetry.sdk.trace.data.SpanData> converted = new ArrayList<>(spans.size());
    // Spans of one tracer share a resource: convert it once per batch.
    Map<dev.agenttrace.spi.Resource, Resource> resources = new IdentityHashMap<>();
    try {
      for (SpanData span : spans) {
        Resource resource =
            resources.computeIfAbsent(span.resource(), OpenTelemetryMapping::toOtel);
        converted.add(new AgentTraceSpanData(span, resource, SCOPE));
      }
    } catch (RuntimeException e) {
      return ExportResult.failure("could not convert spans for OpenTelemetry: " + e, e);
    }
    return await(delegate.export(converted), "export");
  }

  @Override
  public ExportResult flush() {
    return await(delegate.flush(), "flush");
  }

  @Override
  public ExportResult shutdown() {
    return await(delegate.shutdown(), "shutdown");
  }

  private ExportResult await(CompletableResultCode result, String what) {
    result.join(timeout.toNanos(), TimeUnit.NANOSECONDS);
    if (result.isSuccess()) {
      return ExportResult.success();
    }
    if (!result.isDone()) {
      return ExportResult.failure(delegate + " did not " + what + " within " + timeout);
    }
    Throwable cause = result.getFailureThrowable();
    return cause == null
        ? ExportResult.failure(delegate + " reported failure of " + what)
        : ExportResult.failure(delegate + " failed to " + what + ": " + cause, cause);
  }

  @Override
  public String toString() {
    return "OpenTelemetrySpanExporter{" + delegate + '}';
  }
}

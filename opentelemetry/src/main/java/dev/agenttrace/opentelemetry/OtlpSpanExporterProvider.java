package dev.agenttrace.opentelemetry;

import dev.agenttrace.config.ConfigProperties;
import dev.agenttrace.config.ConfigurationException;
import dev.agenttrace.config.SpanExporterProvider;
import dev.agenttrace.spi.SpanExporter;
import io.opentelemetry.exporter.otlp.http.trace.OtlpHttpSpanExporter;
import io.opentelemetry.exporter.otlp.http.trace.OtlpHttpSpanExporterBuilder;
import io.opentelemetry.exporter.otlp.trace.OtlpGrpcSpanExporter;
import io.opentelemetry.exporter.otlp.trace.OtlpGrpcSpanExporterBuilder;
import java.time.Duration;
import java.util.Locale;

/**
 * {@code otel.traces.exporter=otlp}: OpenTelemetry's OTLP exporter behind the bridge, configured
 * with OpenTelemetry's names: {@code otel.exporter.otlp.protocol} ({@code http/protobuf}, the
 * default, or {@code grpc}), {@code otel.exporter.otlp.traces.endpoint} or {@code
 * otel.exporter.otlp.endpoint} (for HTTP, {@code /v1/traces} is appended to the latter), {@code
 * otel.exporter.otlp.timeout} in milliseconds and {@code otel.exporter.otlp.compression} ({@code
 * gzip} or {@code none}).
 */
public final class OtlpSpanExporterProvider implements SpanExporterProvider {

  @Override
  public String name() {
    return "otlp";
  }

  @Override
  public SpanExporter create(ConfigProperties config) {
    String protocol =
        config
            .get(
                "otel.exporter.otlp.traces.protocol",
                config.get("otel.exporter.otlp.protocol", "http/protobuf"))
            .toLowerCase(Locale.ROOT);
    String tracesEndpoint = config.get("otel.exporter.otlp.traces.endpoint");
    String endpoint = config.get("otel.exporter.otlp.endpoint");
    Duration timeout = config.getMillis("otel.exporter.otlp.timeout");
    String compression = config.get("otel.exporter.otlp.compression");
    io.opentelemetry.sdk.trace.export.SpanExporter otlp;
    switch (protocol) {
      case "http/protobuf" -> {
        OtlpHttpSpanExporterBuilder builder = OtlpHttpSpanExporter.builder();
        if (tracesEndpoint != null) {
          builder.setEndpoint(tracesEndpoint);
        } else if (endpoint != null) {
          builder.setEndpoint(endpoint.replaceAll("/+$", "") + "/v1/traces");
        }
        if (timeout != null) {
          builder.setTimeout(timeout);
        }
        if (compression != null) {
          builder.setCompression(compression);
        }
        otlp = builder.build();
      }
      case "grpc" -> {
        OtlpGrpcSpanExporterBuilder builder = OtlpGrpcSpanExporter.builder();
        String grpcEndpoint = tracesEndpoint != null ? tracesEndpoint : endpoint;
        if (grpcEndpoint != null) {
          builder.setEndpoint(grpcEndpoint);
        }
        if (timeout != null) {
          builder.setTimeout(timeout);
        }
        if (compression != null) {
          builder.setCompression(compression);
        }
        otlp = builder.build();
      }
      default ->
          throw new ConfigurationException(
              "otel.exporter.otlp.protocol", protocol, "http/protobuf or grpc");
    }
    return OpenTelemetrySpanExporter.create(otlp);
  }
}

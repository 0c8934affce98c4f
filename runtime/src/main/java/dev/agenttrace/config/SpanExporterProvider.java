package dev.agenttrace.config;

import dev.agenttrace.spi.SpanExporter;

/**
 * Makes an exporter chosen by name in {@code otel.traces.exporter}, for exporters that live in
 * other modules (the OpenTelemetry bridge provides {@code otlp}). Found with {@link
 * java.util.ServiceLoader}: list the implementation in {@code
 * META-INF/services/dev.agenttrace.config.SpanExporterProvider}.
 */
public interface SpanExporterProvider {

  /** The name users give in {@code otel.traces.exporter}, such as {@code otlp}. */
  String name();

  /** A new exporter configured from {@code config}. */
  SpanExporter create(ConfigProperties config);
}

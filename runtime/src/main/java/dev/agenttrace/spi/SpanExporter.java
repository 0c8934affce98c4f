package dev.agenttrace.spi;

import java.util.Collection;

/**
 * Sends finished spans to a backend: a log, a file, Zipkin, an OpenTelemetry exporter.
 *
 * <p>Exporters are called by a {@link dev.agenttrace.processing.BatchSpanProcessor} from its own
 * worker thread, one call at a time, never from the traced call's thread; so an exporter may block
 * on I/O, but it should give up within its own timeout. It must not throw: a failure is reported as
 * {@link ExportResult#failure}. The spans handed over are immutable and only sampled ones.
 *
 * <p>Keep what is written for every span (an encoding buffer, a visitor's running state) in objects
 * made for each {@link #export} call rather than in fields of the exporter. An object as long-lived
 * as the exporter can share a cache line with one the traced threads read on every call, and then
 * each of the worker's writes costs those threads a cache miss; one buffer per batch costs next to
 * nothing.
 *
 * <pre>{@code
 * SpanExporter zipkin = ZipkinSpanExporter.builder()
 *     .endpoint(URI.create("http://localhost:9411/api/v2/spans"))
 *     .build();
 * TracerSdk tracer = TracerSdk.builder()
 *     .addSpanProcessor(BatchSpanProcessor.builder(zipkin).build())
 *     .build();
 * }</pre>
 */
public interface SpanExporter {

  /** Sends {@code spans}; returns whether they reached the backend. */
  ExportResult export(Collection<SpanData> spans);

  /** Sends anything the exporter itself buffers (for example unflushed file output). */
  default ExportResult flush() {
    return ExportResult.success();
  }

  /** Flushes and releases resources (connections, files). Later exports fail. */
  default ExportResult shutdown() {
    return flush();
  }

  /** An exporter that hands every batch to each of {@code exporters}; fails if any fails. */
  static SpanExporter composite(SpanExporter... exporters) {
    return new CompositeSpanExporter(java.util.List.of(exporters));
  }
}

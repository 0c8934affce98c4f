package dev.agenttrace.benchmarks;

import dev.agenttrace.spi.ExportResult;
import dev.agenttrace.spi.SpanData;
import dev.agenttrace.spi.SpanEvent;
import dev.agenttrace.spi.SpanExporter;
import java.util.Collection;
import java.util.concurrent.atomic.LongAdder;

/**
 * An AgentTrace exporter that reads every span the way a real encoder does (ids as hex, as {@code
 * ZipkinJsonEncoder} reads them, name, kind, times, every attribute, events, status, and the
 * resource as a per-batch cache key) and keeps none, so that work deferred to export time is paid
 * in the benchmark as it would be in production. {@link ReadingOtelExporter} reads the same fields
 * of OpenTelemetry's spans.
 */
final class ReadingSpanExporter implements SpanExporter {
  final LongAdder exported = new LongAdder();

  /** Folds everything read, so that the JIT cannot drop the reads. */
  volatile long checksum;

  @Override
  public ExportResult export(Collection<SpanData> spans) {
    long sum = 0;
    for (SpanData span : spans) {
      sum += span.traceId().length() + span.spanId().length();
      String parentId = span.parentSpanId();
      sum += parentId == null ? 0 : parentId.length();
      sum += span.name().length() + span.kind().ordinal();
      sum += span.startEpochNanos() ^ span.endEpochNanos();
      sum += span.resource().hashCode();
      long[] attributes = {0};
      span.attributes()
          .forEach((key, value) -> attributes[0] += key.name().length() + value.hashCode());
      sum += attributes[0];
      for (SpanEvent event : span.events()) {
        sum += event.name().length() + event.epochNanos() + event.attributes().size();
      }
      String description = span.statusDescription();
      sum += span.statusCode().ordinal() + (description == null ? 0 : description.length());
    }
    checksum += sum;
    exported.add(spans.size());
    return ExportResult.success();
  }
}

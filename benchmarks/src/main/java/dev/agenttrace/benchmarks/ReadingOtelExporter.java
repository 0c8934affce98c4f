package dev.agenttrace.benchmarks;

import io.opentelemetry.sdk.common.CompletableResultCode;
import io.opentelemetry.sdk.trace.data.EventData;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.SpanExporter;
import java.util.Collection;
import java.util.concurrent.atomic.LongAdder;

/**
 * An OpenTelemetry exporter that reads what {@link ReadingSpanExporter} reads of AgentTrace's spans
 * (ids as hex, name, kind, times, every attribute, events, status, the resource as a cache key) and
 * keeps none: the two sides of the comparison pay the same export-time work.
 */
final class ReadingOtelExporter implements SpanExporter {
  final LongAdder exported = new LongAdder();

  /** Folds everything read, so that the JIT cannot drop the reads. */
  volatile long checksum;

  @Override
  public CompletableResultCode export(Collection<SpanData> spans) {
    long sum = 0;
    for (SpanData span : spans) {
      sum += span.getTraceId().length() + span.getSpanId().length();
      sum += span.getParentSpanContext().isValid() ? span.getParentSpanId().length() : 0;
      sum += span.getName().length() + span.getKind().ordinal();
      sum += span.getStartEpochNanos() ^ span.getEndEpochNanos();
      sum += span.getResource().hashCode();
      long[] attributes = {0};
      span.getAttributes()
          .forEach((key, value) -> attributes[0] += key.getKey().length() + value.hashCode());
      sum += attributes[0];
      for (EventData event : span.getEvents()) {
        sum += event.getName().length() + event.getEpochNanos() + event.getAttributes().size();
      }
      sum +=
          span.getStatus().getStatusCode().ordinal() + span.getStatus().getDescription().length();
    }
    checksum += sum;
    exported.add(spans.size());
    return CompletableResultCode.ofSuccess();
  }

  @Override
  public CompletableResultCode flush() {
    return CompletableResultCode.ofSuccess();
  }

  @Override
  public CompletableResultCode shutdown() {
    return CompletableResultCode.ofSuccess();
  }
}

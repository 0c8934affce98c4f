package dev.agenttrace.benchmarks;

import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.sdk.common.CompletableResultCode;
import io.opentelemetry.sdk.trace.data.EventData;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.SpanExporter;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.BiConsumer;

/**
 * An OpenTelemetry exporter that reads what {@link ReadingSpanExporter} reads of AgentTrace's
 * spans, the way a streaming encoder would with this SDK's API: ids (which its span context already
 * holds as hex strings) appended to a buffer, name, kind, times, every attribute through a {@link
 * BiConsumer}, events, status, the resource as a cache key. It keeps none: the two sides of the
 * comparison pay the same export-time work. Like {@link ReadingSpanExporter}, it makes the buffer
 * and the consumer for each batch.
 */
final class ReadingOtelExporter implements SpanExporter {
  final LongAdder exported = new LongAdder();

  /** Folds everything read, so that the JIT cannot drop the reads. */
  volatile long checksum;

  @Override
  public CompletableResultCode export(Collection<SpanData> spans) {
    Scratch scratch = new Scratch();
    StringBuilder buffer = scratch.buffer;
    long sum = 0;
    for (SpanData span : spans) {
      buffer.setLength(0);
      buffer.append(span.getTraceId()).append(span.getSpanId());
      if (span.getParentSpanContext().isValid()) {
        buffer.append(span.getParentSpanId());
      }
      sum += buffer.length() + buffer.charAt(buffer.length() - 1);
      sum += span.getName().length() + span.getKind().ordinal();
      sum += span.getStartEpochNanos() ^ span.getEndEpochNanos();
      sum += span.getResource().hashCode();
      scratch.attributeSum = 0;
      span.getAttributes().forEach(scratch);
      sum += scratch.attributeSum;
      List<EventData> events = span.getEvents();
      for (int i = 0;
          i < events.size();
          i++) { // indexed: an iterator would be the reader's garbage
        EventData event = events.get(i);
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

  /**
   * What the worker writes for every span, made for each batch (see {@link ReadingSpanExporter}).
   */
  private static final class Scratch implements BiConsumer<AttributeKey<?>, Object> {
    final StringBuilder buffer = new StringBuilder(256);
    long attributeSum;

    @Override
    public void accept(AttributeKey<?> key, Object value) {
      attributeSum += key.getKey().length() + value.hashCode();
    }
  }
}

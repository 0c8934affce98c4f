package dev.agenttrace.benchmarks;

import dev.agenttrace.AttributeKey;
import dev.agenttrace.AttributeVisitor;
import dev.agenttrace.spi.ExportResult;
import dev.agenttrace.spi.SpanData;
import dev.agenttrace.spi.SpanEvent;
import dev.agenttrace.spi.SpanExporter;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.atomic.LongAdder;

/**
 * An AgentTrace exporter that reads every span the way a streaming encoder does and keeps none: ids
 * written as hex into one reused buffer (where a Zipkin or JSON encoder writes them), name, kind,
 * times, every attribute through one reused {@link AttributeVisitor}, events, status, and the
 * resource as a per-batch cache key. Work deferred to export time (formatting the ids, reading the
 * attributes) is so paid in the benchmark as it would be in production. {@link ReadingOtelExporter}
 * reads the same fields of OpenTelemetry's spans through that SDK's equivalents.
 *
 * <p>Export runs on the one batch worker thread, so the buffer and the visitor need no locking.
 */
final class ReadingSpanExporter implements SpanExporter, AttributeVisitor {
  final LongAdder exported = new LongAdder();

  /** Folds everything read, so that the JIT cannot drop the reads. */
  volatile long checksum;

  private final StringBuilder buffer = new StringBuilder(256);
  private long attributeSum;

  @Override
  public ExportResult export(Collection<SpanData> spans) {
    long sum = 0;
    for (SpanData span : spans) {
      buffer.setLength(0);
      span.appendTraceId(buffer);
      span.appendSpanId(buffer);
      span.appendParentSpanId(buffer);
      sum += buffer.length() + buffer.charAt(buffer.length() - 1);
      sum += span.name().length() + span.kind().ordinal();
      sum += span.startEpochNanos() ^ span.endEpochNanos();
      sum += span.resource().hashCode();
      attributeSum = 0;
      span.forEachAttribute(this);
      sum += attributeSum;
      List<SpanEvent> events = span.events();
      for (int i = 0;
          i < events.size();
          i++) { // indexed: an iterator would be the reader's garbage
        SpanEvent event = events.get(i);
        sum += event.name().length() + event.epochNanos() + event.attributes().size();
      }
      String description = span.statusDescription();
      sum += span.statusCode().ordinal() + (description == null ? 0 : description.length());
    }
    checksum += sum;
    exported.add(spans.size());
    return ExportResult.success();
  }

  @Override
  public void visit(AttributeKey<?> key, Object value) {
    attributeSum += key.name().length() + value.hashCode();
  }

  @Override
  public void visitLong(AttributeKey<?> key, long value) {
    attributeSum += key.name().length() + Long.hashCode(value);
  }
}

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
 * written as hex into a buffer (where a Zipkin or JSON encoder writes them), name, kind, times,
 * every attribute through an {@link AttributeVisitor}, events, status, and the resource as a
 * per-batch cache key. Work deferred to export time (formatting the ids, reading the attributes) is
 * so paid in the benchmark as it would be in production. {@link ReadingOtelExporter} reads the same
 * fields of OpenTelemetry's spans through that SDK's equivalents.
 *
 * <p>The buffer and the visitor are made for each batch, as the library's Zipkin and JSON Lines
 * exporters make their buffers: they are written for every span, and an object that lives as long
 * as the exporter can end up (where the garbage collector copies it) on a cache line that the
 * traced threads read on every call, which then slows them (see {@link Scratch}).
 */
final class ReadingSpanExporter implements SpanExporter {
  final LongAdder exported = new LongAdder();

  /** Folds everything read, so that the JIT cannot drop the reads. */
  volatile long checksum;

  @Override
  public ExportResult export(Collection<SpanData> spans) {
    Scratch scratch = new Scratch();
    StringBuilder buffer = scratch.buffer;
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
      scratch.attributeSum = 0;
      span.forEachAttribute(scratch);
      sum += scratch.attributeSum;
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

  /**
   * What the worker writes for every span, made for each batch so that it lives in the worker's own
   * allocation buffer and dies young. Kept in fields of the exporter instead, it made some JMH
   * forks (two in sixteen, up to three in eight) 1.5-2 times slower on JDK 17, both threads slowed:
   * false sharing with whichever long-lived object, read by the caller, the collector had copied
   * next to it (docs/performance.md, "The slow forks").
   */
  private static final class Scratch implements AttributeVisitor {
    final StringBuilder buffer = new StringBuilder(256);
    long attributeSum;

    @Override
    public void visit(AttributeKey<?> key, Object value) {
      attributeSum += key.name().length() + value.hashCode();
    }

    @Override
    public void visitLong(AttributeKey<?> key, long value) {
      attributeSum += key.name().length() + Long.hashCode(value);
    }
  }
}

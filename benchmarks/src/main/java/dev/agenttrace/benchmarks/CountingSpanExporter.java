package dev.agenttrace.benchmarks;

import dev.agenttrace.spi.ExportResult;
import dev.agenttrace.spi.SpanData;
import dev.agenttrace.spi.SpanExporter;
import java.util.Collection;
import java.util.concurrent.atomic.LongAdder;

/** An AgentTrace exporter that counts spans and keeps none. */
final class CountingSpanExporter implements SpanExporter {
  final LongAdder exported = new LongAdder();

  @Override
  public ExportResult export(Collection<SpanData> spans) {
    exported.add(spans.size());
    return ExportResult.success();
  }
}

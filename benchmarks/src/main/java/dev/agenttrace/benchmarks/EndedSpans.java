package dev.agenttrace.benchmarks;

import dev.agenttrace.AgentTrace;
import dev.agenttrace.Span;
import dev.agenttrace.processing.InMemorySpanCollector;
import dev.agenttrace.proxy.SpanTemplates;
import dev.agenttrace.sdk.TracerSdk;
import dev.agenttrace.spi.SpanData;

/**
 * Ended spans as the export pipeline receives them, for benchmarks that start behind the tracer.
 */
final class EndedSpans {
  private EndedSpans() {}

  /** A sampled, ended tool span as a generated proxy records it. */
  static SpanData toolCall() {
    InMemorySpanCollector collector = new InMemorySpanCollector();
    try (TracerSdk tracer =
        TracerSdk.builder().serviceName("bench").addSpanProcessor(collector).build()) {
      Span ended = tracer.startSpan(SpanTemplates.tool("lookup_order", "", ""));
      ended.end();
    }
    AgentTrace.uninstall();
    return collector.finishedSpans().get(0);
  }
}

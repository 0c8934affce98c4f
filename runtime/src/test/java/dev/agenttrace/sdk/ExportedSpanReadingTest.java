package dev.agenttrace.sdk;

import static org.assertj.core.api.Assertions.assertThat;

import dev.agenttrace.AttributeKey;
import dev.agenttrace.SemanticAttributes;
import dev.agenttrace.Span;
import dev.agenttrace.SpanTemplate;
import dev.agenttrace.processing.InMemorySpanCollector;
import dev.agenttrace.spi.Resource;
import dev.agenttrace.spi.SpanData;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * What an exporter reads of an ended span: the same identity however it asks, the attributes in
 * order, and a resource that costs nothing per span to read.
 */
class ExportedSpanReadingTest {
  private static final SpanTemplate TOOL =
      SpanTemplate.builder("execute_tool lookup_order")
          .attribute(SemanticAttributes.GEN_AI_OPERATION_NAME, "execute_tool")
          .attribute(SemanticAttributes.GEN_AI_TOOL_NAME, "lookup_order")
          .build();
  private static final AttributeKey<Long> ORDER_ID = AttributeKey.longKey("order.id");

  private final InMemorySpanCollector collector = new InMemorySpanCollector(100_000);
  private final TracerSdk tracer =
      TracerSdk.builder().serviceName("support-desk").addSpanProcessor(collector).build();

  private SpanData endedToolCall(long orderId) {
    Span span = tracer.startSpan(TOOL);
    span.setAttribute(ORDER_ID, orderId);
    span.end();
    List<SpanData> spans = collector.finishedSpans();
    return spans.get(spans.size() - 1);
  }

  @Test
  void idsReadFromTheSpanAreThoseOfItsContext() {
    Span parent = tracer.startSpan(TOOL);
    Span child;
    try (dev.agenttrace.Scope scope = parent.makeCurrent()) {
      child = tracer.startSpan(TOOL);
      child.end();
    }
    SpanData ended = collector.finishedSpans().get(0);

    assertThat(ended.traceId()).isEqualTo(ended.spanContext().traceId()).hasSize(32);
    assertThat(ended.spanId()).isEqualTo(ended.spanContext().spanId()).hasSize(16);
    assertThat(ended.isSampled()).isEqualTo(ended.spanContext().isSampled()).isTrue();
    assertThat(ended.parentSpanId()).isEqualTo(parent.spanContext().spanId());
    assertThat(ended.spanContext()).isEqualTo(child.spanContext());
  }

  @Test
  void attributesSetAtRunTimeFollowTheTemplatesAndReplaceThemInPlace() {
    Span span = tracer.startSpan(TOOL);
    span.setAttribute(ORDER_ID, 42L);
    span.setAttribute(SemanticAttributes.GEN_AI_TOOL_NAME, "find_order");
    span.end();

    SpanData ended = collector.finishedSpans().get(0);
    List<String> read = new ArrayList<>();
    ended.attributes().forEach((key, value) -> read.add(key.name() + "=" + value));

    assertThat(read)
        .containsExactly(
            "gen_ai.operation.name=execute_tool", "gen_ai.tool.name=find_order", "order.id=42");
  }

  @Test
  void readingTheResourceOfEndedSpansAllocatesNothingPerSpan() {
    com.sun.management.ThreadMXBean threads =
        (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
    long thread = Thread.currentThread().getId();
    int spans = 20_000;
    List<SpanData> ended = new ArrayList<>(spans);
    for (int i = 0; i < spans; i++) {
      ended.add(endedToolCall(i));
    }
    // Steady state means compiled code: the least any round allocated, so that a round run before
    // the JIT got to it (on a loaded machine) does not count.
    long sum = 0;
    long allocated = Long.MAX_VALUE;
    for (int round = 0; round < 6; round++) {
      long before = threads.getThreadAllocatedBytes(thread);
      sum += readResources(ended);
      allocated = Math.min(allocated, threads.getThreadAllocatedBytes(thread) - before);
    }

    assertThat(sum).isNotZero();
    // Less than one byte per span read: only the measurement itself may allocate.
    assertThat(allocated).isLessThan(spans);
  }

  /** What exporters read of the resource: a per-batch cache key, the service name, the size. */
  private static long readResources(List<SpanData> spans) {
    long sum = 0;
    for (SpanData span : spans) {
      Resource resource = span.resource();
      sum += resource.hashCode() + resource.serviceName().length() + resource.attributes().size();
    }
    return sum;
  }
}

package dev.agenttrace.sdk;

import static org.assertj.core.api.Assertions.assertThat;

import dev.agenttrace.AttributeKey;
import dev.agenttrace.AttributeVisitor;
import dev.agenttrace.SemanticAttributes;
import dev.agenttrace.Span;
import dev.agenttrace.SpanTemplate;
import dev.agenttrace.processing.InMemorySpanCollector;
import dev.agenttrace.spi.Resource;
import dev.agenttrace.spi.SpanData;
import dev.agenttrace.testing.Fuzz;
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
  private static final int SPANS = 20_000;

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
    List<SpanData> ended = endedToolCalls(SPANS);
    long[] sum = {0};

    long allocated = leastAllocatedInSixRounds(() -> sum[0] += readResources(ended));

    assertThat(sum[0]).isNotZero();
    // Less than one byte per span read: only the measurement itself may allocate.
    assertThat(allocated).isLessThan(SPANS);
  }

  private List<SpanData> endedToolCalls(int count) {
    List<SpanData> ended = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      ended.add(endedToolCall(1_000 + i));
    }
    return ended;
  }

  /**
   * Bytes this thread allocated running {@code reading}, the least of six rounds: steady state
   * means compiled code, so a round run before the JIT got to it (on a loaded machine) does not
   * count.
   */
  private static long leastAllocatedInSixRounds(Runnable reading) {
    com.sun.management.ThreadMXBean threads =
        (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
    long thread = Thread.currentThread().getId();
    long allocated = Long.MAX_VALUE;
    for (int round = 0; round < 6; round++) {
      long before = threads.getThreadAllocatedBytes(thread);
      reading.run();
      allocated = Math.min(allocated, threads.getThreadAllocatedBytes(thread) - before);
    }
    return allocated;
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

  @Test
  void attributesVisitedArriveAsAttributesListsThem() {
    Span span = tracer.startSpan(TOOL);
    span.setAttribute(ORDER_ID, 42L);
    span.setAttribute(SemanticAttributes.GEN_AI_TOOL_NAME, "find_order");
    span.setAttribute(SemanticAttributes.GEN_AI_TOOL_CALL_ID, "call-7");
    span.end();
    SpanData ended = collector.finishedSpans().get(0);
    List<String> listed = new ArrayList<>();
    ended.attributes().forEach((key, value) -> listed.add(key.name() + "=" + value));

    List<String> visited = new ArrayList<>();
    ended.forEachAttribute((key, value) -> visited.add(key.name() + "=" + value));

    assertThat(visited)
        .containsExactlyElementsOf(listed)
        .containsExactly(
            "gen_ai.operation.name=execute_tool",
            "gen_ai.tool.name=find_order",
            "order.id=42",
            "gen_ai.tool.call.id=call-7");
  }

  @Test
  void anyMixOfTemplateAndRunTimeAttributesVisitsAsAttributesListsThem() {
    // Names from a small pool, so that run-time attributes replace template ones and each other.
    String[] names = {"a", "b", "c", "d", "gen_ai.tool.name", "order.id"};
    Fuzz.forAll(
        2_000,
        random -> random,
        random -> {
          SpanTemplate.Builder template = SpanTemplate.builder("random");
          for (int i = random.nextInt(4); i > 0; i--) {
            template.attribute(
                AttributeKey.stringKey(names[random.nextInt(names.length)]), "t" + i);
          }
          Span span = tracer.startSpan(template.build());
          for (int i = random.nextInt(8); i > 0; i--) {
            String name = names[random.nextInt(names.length)];
            if (random.nextBoolean()) {
              span.setAttribute(AttributeKey.longKey(name), random.nextLong());
            } else {
              span.setAttribute(AttributeKey.stringKey(name), "r" + i);
            }
          }
          span.end();
          SpanData ended = (SpanData) span;
          List<String> listed = new ArrayList<>();
          ended.attributes().forEach((key, value) -> listed.add(key + "=" + value));
          List<String> visited = new ArrayList<>();
          ended.forEachAttribute((key, value) -> visited.add(key + "=" + value));

          assertThat(visited).containsExactlyElementsOf(listed);
        });
  }

  @Test
  void aLongSetOnTheSpanReachesTheVisitorUnboxed() {
    SpanData ended = endedToolCall(1_234_567L);
    List<String> unboxed = new ArrayList<>();

    ended.forEachAttribute(
        new AttributeVisitor() {
          @Override
          public void visit(AttributeKey<?> key, Object value) {}

          @Override
          public void visitLong(AttributeKey<?> key, long value) {
            unboxed.add(key.name() + "=" + value);
          }
        });

    assertThat(unboxed).containsExactly("order.id=1234567");
    assertThat(ended.attribute(ORDER_ID)).isEqualTo(1_234_567L);
  }

  @Test
  void idsAppendedToABufferAreThoseReturnedAsStrings() {
    Span parent = tracer.startSpan(TOOL);
    try (dev.agenttrace.Scope scope = parent.makeCurrent()) {
      tracer.startSpan(TOOL).end();
    }
    parent.end();
    SpanData child = collector.finishedSpans().get(0);
    SpanData root = collector.finishedSpans().get(1);
    StringBuilder buffer = new StringBuilder();

    child.appendTraceId(buffer);
    buffer.append('/');
    child.appendSpanId(buffer);
    buffer.append('/');
    boolean hasParent = child.appendParentSpanId(buffer);

    assertThat(buffer.toString())
        .isEqualTo(child.traceId() + "/" + child.spanId() + "/" + child.parentSpanId());
    assertThat(hasParent).isTrue();
    assertThat(root.appendParentSpanId(buffer)).isFalse();
    assertThat(root.parentSpanIdLong()).isZero();
    assertThat(child.parentSpanIdLong()).isEqualTo(root.spanIdLong());
  }

  @Test
  void readingIdsAndAttributesIntoAnEncodersBufferAllocatesNothingPerSpan() {
    List<SpanData> ended = endedToolCalls(SPANS);
    StreamingReader reader = new StreamingReader();

    long allocated = leastAllocatedInSixRounds(() -> ended.forEach(reader::read));

    assertThat(reader.sum).isNotZero();
    assertThat(allocated).isLessThan(SPANS);
  }

  /** Reads a span the way a streaming encoder does: into one reused buffer, with one visitor. */
  private static final class StreamingReader implements AttributeVisitor {
    final StringBuilder buffer = new StringBuilder(256);
    long sum;

    void read(SpanData span) {
      buffer.setLength(0);
      span.appendTraceId(buffer);
      span.appendSpanId(buffer);
      span.appendParentSpanId(buffer);
      span.forEachAttribute(this);
      sum += buffer.length();
    }

    @Override
    public void visit(AttributeKey<?> key, Object value) {
      sum += key.name().length() + value.hashCode();
    }

    @Override
    public void visitLong(AttributeKey<?> key, long value) {
      sum += key.name().length() + value;
    }
  }
}

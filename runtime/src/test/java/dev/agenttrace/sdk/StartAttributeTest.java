package dev.agenttrace.sdk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

import dev.agenttrace.AttributeKey;
import dev.agenttrace.AttributeVisitor;
import dev.agenttrace.SemanticAttributes;
import dev.agenttrace.Span;
import dev.agenttrace.SpanBuilder;
import dev.agenttrace.SpanTemplate;
import dev.agenttrace.Tracer;
import dev.agenttrace.processing.InMemorySpanCollector;
import dev.agenttrace.processing.Sampler;
import dev.agenttrace.spi.ReadWriteSpan;
import dev.agenttrace.spi.SpanData;
import dev.agenttrace.spi.SpanProcessor;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * {@code Tracer.startSpan(template, key, value)}, which the generated proxies call for a method's
 * first {@code @SpanAttribute}: the span must read exactly as if the attribute had been set right
 * after the start.
 */
class StartAttributeTest {
  private static final SpanTemplate TOOL =
      SpanTemplate.builder("execute_tool lookup_order")
          .attribute(SemanticAttributes.GEN_AI_OPERATION_NAME, "execute_tool")
          .build();
  private static final AttributeKey<Long> ORDER_ID = AttributeKey.longKey("order.id");
  private static final AttributeKey<Double> SCORE = AttributeKey.doubleKey("score");
  private static final AttributeKey<String> QUERY = AttributeKey.stringKey("query");

  private final InMemorySpanCollector collector = new InMemorySpanCollector();
  private final TracerSdk tracer = TracerSdk.builder().addSpanProcessor(collector).build();

  private SpanData onlySpan() {
    assertThat(collector.finishedSpans()).hasSize(1);
    return collector.finishedSpans().get(0);
  }

  @Test
  void aLongGivenAtStartIsExportedAfterTheTemplatesAttributes() {
    tracer.startSpan(TOOL, ORDER_ID, 42L).end();

    assertThat(onlySpan().attributes().asMap())
        .containsExactly(entry("gen_ai.operation.name", "execute_tool"), entry("order.id", 42L));
  }

  @Test
  void processorsSeeTheAttributeGivenAtStartInOnStart() {
    List<Object> seenAtStart = new ArrayList<>();
    SpanProcessor watcher =
        new SpanProcessor() {
          @Override
          public void onStart(ReadWriteSpan span) {
            seenAtStart.add(span.attribute(ORDER_ID));
          }

          @Override
          public void onEnd(SpanData span) {}
        };
    TracerSdk tracer = TracerSdk.builder().addSpanProcessor(watcher).build();

    tracer.startSpan(TOOL, ORDER_ID, 7L).end();

    assertThat(seenAtStart).containsExactly(7L);
  }

  @Test
  void aLongGivenAtStartReachesExportersUnboxed() {
    tracer.startSpan(TOOL, ORDER_ID, 42L).end();
    List<String> visited = new ArrayList<>();

    onlySpan()
        .forEachAttribute(
            new AttributeVisitor() {
              @Override
              public void visit(AttributeKey<?> key, Object value) {
                visited.add(key.name() + "=" + value);
              }

              @Override
              public void visitLong(AttributeKey<?> key, long value) {
                visited.add(key.name() + " unboxed " + value);
              }
            });

    assertThat(visited)
        .containsExactly("gen_ai.operation.name=execute_tool", "order.id unboxed 42");
  }

  @Test
  void aDoubleGivenAtStartReadsAsADouble() {
    tracer.startSpan(TOOL, SCORE, 0.75).end();

    assertThat(onlySpan().attribute(SCORE)).isEqualTo(0.75);
  }

  @Test
  void aNullValueGivenAtStartSetsNothing() {
    tracer.startSpan(TOOL, QUERY, null).end();

    assertThat(onlySpan().attributes().asMap()).containsOnlyKeys("gen_ai.operation.name");
  }

  @Test
  void aLongStringGivenAtStartIsCutToTheSpanLimitAsSetAttributeWouldCutIt() {
    String query = "x".repeat(20_000);
    Span set = tracer.startSpan(TOOL);
    set.setAttribute(QUERY, query);
    set.end();

    tracer.startSpan(TOOL, QUERY, query).end();

    List<SpanData> spans = collector.finishedSpans();
    assertThat(spans.get(1).attribute(QUERY))
        .isEqualTo(spans.get(0).attribute(QUERY))
        .hasSizeLessThan(query.length())
        .endsWith(AttributeLimits.MARKER);
  }

  @Test
  void aValueSetLaterReplacesTheOneGivenAtStart() {
    Span span = tracer.startSpan(TOOL, ORDER_ID, 1L);
    span.setAttribute(ORDER_ID, 2L);
    span.setAttribute(QUERY, "late");
    span.end();

    assertThat(onlySpan().attribute(ORDER_ID)).isEqualTo(2L);
    assertThat(onlySpan().attribute(QUERY)).isEqualTo("late");
  }

  @Test
  void aSampledOutSpanIgnoresTheAttributeGivenAtStart() {
    TracerSdk sampledOut =
        TracerSdk.builder().sampler(Sampler.alwaysOff()).addSpanProcessor(collector).build();

    Span span = sampledOut.startSpan(TOOL, ORDER_ID, 42L);
    span.end();

    assertThat(span.isRecording()).isFalse();
    assertThat(collector.finishedSpans()).isEmpty();
  }

  @Test
  void aTracerImplementingOnlyTheOneArgumentStartSetsTheAttributeOnARecordingSpan() {
    Tracer delegating =
        new Tracer() {
          @Override
          public boolean isEnabled() {
            return true;
          }

          @Override
          public Span startSpan(SpanTemplate template) {
            return tracer.startSpan(template);
          }

          @Override
          public SpanBuilder spanBuilder(String name) {
            return tracer.spanBuilder(name);
          }
        };

    delegating.startSpan(TOOL, ORDER_ID, 42L).end();

    assertThat(onlySpan().attribute(ORDER_ID)).isEqualTo(42L);
  }
}

package dev.agenttrace.sdk;

import static org.assertj.core.api.Assertions.assertThat;

import dev.agenttrace.AttributeKey;
import dev.agenttrace.Scope;
import dev.agenttrace.SemanticAttributes;
import dev.agenttrace.Span;
import dev.agenttrace.SpanKind;
import dev.agenttrace.SpanTemplate;
import dev.agenttrace.StatusCode;
import dev.agenttrace.processing.InMemorySpanCollector;
import dev.agenttrace.processing.Sampler;
import dev.agenttrace.spi.ReadWriteSpan;
import dev.agenttrace.spi.SpanData;
import dev.agenttrace.spi.SpanEvent;
import dev.agenttrace.spi.SpanProcessor;
import java.util.List;
import org.junit.jupiter.api.Test;

class TracerSdkTest {
  private static final SpanTemplate TOOL =
      SpanTemplate.builder("execute_tool lookup_order")
          .attribute(SemanticAttributes.GEN_AI_OPERATION_NAME, "execute_tool")
          .attribute(SemanticAttributes.GEN_AI_TOOL_NAME, "lookup_order")
          .build();
  private static final SpanTemplate AGENT =
      SpanTemplate.builder("invoke_agent orchestrator").build();

  private final InMemorySpanCollector collector = new InMemorySpanCollector();
  private final ManualClock clock = new ManualClock();
  private final TracerSdk tracer =
      TracerSdk.builder()
          .serviceName("test-service")
          .clock(clock)
          .addSpanProcessor(collector)
          .build();

  @Test
  void oneAttributeReadsAsInTheFullSetWithLaterValuesWinningOverTheTemplate() {
    Span span = tracer.startSpan(TOOL);
    span.setAttribute(SemanticAttributes.GEN_AI_TOOL_NAME, "lookup_order_v2");
    span.setAttribute(SemanticAttributes.GEN_AI_USAGE_INPUT_TOKENS, 12L);
    span.end();

    SpanData data = collector.finishedSpans().get(0);
    assertThat(data.attribute(SemanticAttributes.GEN_AI_TOOL_NAME)).isEqualTo("lookup_order_v2");
    assertThat(data.attribute(SemanticAttributes.GEN_AI_OPERATION_NAME)).isEqualTo("execute_tool");
    assertThat(data.attribute(SemanticAttributes.GEN_AI_USAGE_INPUT_TOKENS)).isEqualTo(12L);
    assertThat(data.attribute(SemanticAttributes.GEN_AI_REQUEST_MODEL)).isNull();
    for (AttributeKey<?> key : data.attributes().keys()) {
      assertThat((Object) data.attribute(key)).isEqualTo(data.attributes().get(key));
    }
  }

  @Test
  void spanHasW3cIdsInLowercaseHex() {
    Span span = tracer.startSpan(TOOL);
    span.end();

    SpanData data = collector.finishedSpans().get(0);
    assertThat(data.traceId()).matches("[0-9a-f]{32}").isNotEqualTo("0".repeat(32));
    assertThat(data.spanId()).matches("[0-9a-f]{16}").isNotEqualTo("0".repeat(16));
    assertThat(data.parentSpanId()).isNull();
    assertThat(data.spanContext().isSampled()).isTrue();
  }

  @Test
  void spanStartedWhileAnotherIsCurrentBecomesItsChild() {
    Span parent = tracer.startSpan(AGENT);
    try (Scope scope = parent.makeCurrent()) {
      tracer.startSpan(TOOL).end();
    } finally {
      parent.end();
    }

    List<SpanData> spans = collector.finishedSpans();
    SpanData child = spans.get(0);
    SpanData root = spans.get(1);
    assertThat(child.traceId()).isEqualTo(root.traceId());
    assertThat(child.parentSpanId()).isEqualTo(root.spanId());
  }

  @Test
  void templateAttributesAndResourceAreOnTheSpan() {
    tracer.startSpan(TOOL).end();

    SpanData data = collector.finishedSpans().get(0);
    assertThat(data.name()).isEqualTo("execute_tool lookup_order");
    assertThat(data.kind()).isEqualTo(SpanKind.INTERNAL);
    assertThat(data.attributes().get(SemanticAttributes.GEN_AI_TOOL_NAME))
        .isEqualTo("lookup_order");
    assertThat(data.resource().serviceName()).isEqualTo("test-service");
  }

  @Test
  void attributesKeepTheirTypes() {
    Span span = tracer.startSpan(TOOL);
    span.setAttribute(AttributeKey.longKey("order.count"), 3L);
    span.setAttribute(AttributeKey.doubleKey("order.total"), 12.5);
    span.setAttribute(AttributeKey.booleanKey("order.express"), true);
    span.setAttribute("order.id", "ORD-1");
    span.end();

    SpanData data = collector.finishedSpans().get(0);
    assertThat(data.attributes().get(AttributeKey.longKey("order.count"))).isEqualTo(3L);
    assertThat(data.attributes().get(AttributeKey.doubleKey("order.total"))).isEqualTo(12.5);
    assertThat(data.attributes().get(AttributeKey.booleanKey("order.express"))).isTrue();
    assertThat(data.attributes().get(AttributeKey.stringKey("order.id"))).isEqualTo("ORD-1");
  }

  @Test
  void laterValueOfAnAttributeReplacesTheEarlierOne() {
    Span span = tracer.startSpan(TOOL);
    span.setAttribute(SemanticAttributes.GEN_AI_TOOL_NAME, "renamed");
    span.setAttribute("step", 1L);
    span.setAttribute("step", 2L);
    span.end();

    SpanData data = collector.finishedSpans().get(0);
    assertThat(data.attributes().get(SemanticAttributes.GEN_AI_TOOL_NAME)).isEqualTo("renamed");
    assertThat(data.attributes().get(AttributeKey.longKey("step"))).isEqualTo(2L);
  }

  @Test
  void nullKeysAndValuesAreIgnored() {
    Span span = tracer.startSpan(TOOL);
    span.setAttribute(AttributeKey.stringKey("order.id"), null);
    span.setAttribute((String) null, "x");
    span.end();

    assertThat(collector.finishedSpans().get(0).attributes().size()).isEqualTo(2);
  }

  @Test
  void spanEndsOnceAndIgnoresChangesAfterwards() {
    Span span = tracer.startSpan(TOOL);
    clock.advanceMillis(25);
    span.end();
    clock.advanceMillis(100);
    span.setAttribute("late", "value");
    span.setStatus(StatusCode.ERROR, "late");
    span.end();

    assertThat(collector.finishedSpans()).hasSize(1);
    SpanData data = collector.finishedSpans().get(0);
    assertThat(data.durationNanos()).isEqualTo(25_000_000L);
    assertThat(data.attributes().get("late")).isNull();
    assertThat(data.statusCode()).isEqualTo(StatusCode.UNSET);
  }

  @Test
  void durationComesFromTheMonotonicClockEvenIfTheWallClockJumps() {
    Span span = tracer.startSpan(TOOL);
    clock.advanceMillis(40);
    clock.jumpWallClockMillis(-3_600_000);
    span.end();

    SpanData data = collector.finishedSpans().get(0);
    assertThat(data.durationNanos()).isEqualTo(40_000_000L);
    assertThat(data.endEpochNanos() - data.startEpochNanos()).isEqualTo(40_000_000L);
  }

  @Test
  void childTimesLieInsideTheParentsEvenIfTheWallClockJumps() {
    Span parent = tracer.startSpan(AGENT);
    try (Scope scope = parent.makeCurrent()) {
      clock.advanceMillis(5);
      clock.jumpWallClockMillis(-10_000);
      Span child = tracer.startSpan(TOOL);
      clock.advanceMillis(10);
      child.end();
    }
    clock.advanceMillis(5);
    parent.end();

    SpanData child = collector.finishedSpans().get(0);
    SpanData root = collector.finishedSpans().get(1);
    assertThat(child.startEpochNanos()).isEqualTo(root.startEpochNanos() + 5_000_000L);
    assertThat(child.endEpochNanos()).isLessThanOrEqualTo(root.endEpochNanos());
  }

  @Test
  void recordErrorAddsExceptionEventErrorStatusAndErrorType() {
    Span span = tracer.startSpan(TOOL);
    span.recordError(new IllegalStateException("order store offline"));
    span.end();

    SpanData data = collector.finishedSpans().get(0);
    assertThat(data.statusCode()).isEqualTo(StatusCode.ERROR);
    assertThat(data.statusDescription())
        .isEqualTo("java.lang.IllegalStateException: order store offline");
    assertThat(data.attributes().get(SemanticAttributes.ERROR_TYPE))
        .isEqualTo("java.lang.IllegalStateException");
    SpanEvent event = data.events().get(0);
    assertThat(event.name()).isEqualTo("exception");
    assertThat(event.attributes().get(SemanticAttributes.EXCEPTION_TYPE))
        .isEqualTo("java.lang.IllegalStateException");
    assertThat(event.attributes().get(SemanticAttributes.EXCEPTION_MESSAGE))
        .isEqualTo("order store offline");
    assertThat(event.attributes().get(SemanticAttributes.EXCEPTION_STACKTRACE))
        .startsWith("java.lang.IllegalStateException: order store offline")
        .contains("at dev.agenttrace.sdk.TracerSdkTest");
  }

  @Test
  void okStatusIsFinal() {
    Span span = tracer.startSpan(TOOL);
    span.setStatus(StatusCode.OK);
    span.setStatus(StatusCode.ERROR, "too late");
    span.end();

    SpanData data = collector.finishedSpans().get(0);
    assertThat(data.statusCode()).isEqualTo(StatusCode.OK);
    assertThat(data.statusDescription()).isNull();
  }

  @Test
  void eventsAreTimestampedOnTheSpansTimeLine() {
    Span span = tracer.startSpan(TOOL);
    clock.advanceMillis(7);
    span.addEvent("retrying");
    span.end();

    SpanData data = collector.finishedSpans().get(0);
    assertThat(data.events().get(0).epochNanos()).isEqualTo(data.startEpochNanos() + 7_000_000L);
  }

  @Test
  void onlyProcessorsThatAskForTheStartAreCalledAtStart() {
    List<String> calls = new java.util.ArrayList<>();
    SpanProcessor endOnly =
        new SpanProcessor() {
          @Override
          public boolean isStartRequired() {
            return false;
          }

          @Override
          public void onStart(ReadWriteSpan span) {
            calls.add("endOnly.onStart");
          }

          @Override
          public void onEnd(SpanData span) {
            calls.add("endOnly.onEnd");
          }
        };
    SpanProcessor both =
        new SpanProcessor() {
          @Override
          public void onStart(ReadWriteSpan span) {
            calls.add("both.onStart");
          }

          @Override
          public void onEnd(SpanData span) {
            calls.add("both.onEnd");
          }
        };
    TracerSdk tracer = TracerSdk.builder().addSpanProcessor(endOnly).addSpanProcessor(both).build();

    tracer.startSpan(TOOL).end();

    assertThat(calls).containsExactly("both.onStart", "endOnly.onEnd", "both.onEnd");
  }

  @Test
  void aFailingProcessorNeitherBreaksTheCallNorOtherProcessors() {
    SpanProcessor failing =
        new SpanProcessor() {
          @Override
          public void onStart(ReadWriteSpan span) {
            throw new IllegalStateException("broken onStart");
          }

          @Override
          public void onEnd(SpanData span) {
            throw new IllegalStateException("broken onEnd");
          }
        };
    InMemorySpanCollector after = new InMemorySpanCollector();
    TracerSdk tracer =
        TracerSdk.builder().addSpanProcessor(failing).addSpanProcessor(after).build();

    tracer.startSpan(TOOL).end();

    assertThat(after.finishedSpans()).hasSize(1);
  }

  @Test
  void anErrorThrownByAProcessorDoesNotReachTheTracedCall() {
    SpanProcessor throwingError =
        span -> {
          throw new StackOverflowError("processor recursed");
        };
    InMemorySpanCollector after = new InMemorySpanCollector();
    TracerSdk tracer =
        TracerSdk.builder().addSpanProcessor(throwingError).addSpanProcessor(after).build();

    tracer.startSpan(TOOL).end();

    assertThat(after.finishedSpans()).hasSize(1);
  }

  @Test
  void droppedSpanRecordsNothingButKeepsTheTrace() {
    TracerSdk sampledOut =
        TracerSdk.builder().sampler(Sampler.alwaysOff()).addSpanProcessor(collector).build();

    Span span = sampledOut.startSpan(TOOL);
    span.setAttribute("ignored", "x");
    span.end();

    assertThat(span.isRecording()).isFalse();
    assertThat(span.spanContext().isValid()).isTrue();
    assertThat(span.spanContext().isSampled()).isFalse();
    assertThat(collector.finishedSpans()).isEmpty();
  }

  @Test
  void afterShutdownNoSpanIsRecorded() {
    tracer.close();

    Span span = tracer.startSpan(TOOL);
    span.end();

    assertThat(tracer.isEnabled()).isFalse();
    assertThat(span.isRecording()).isFalse();
    assertThat(collector.finishedSpans()).isEmpty();
  }

  @Test
  void spanBuilderCanStartANewTraceWithLinks() {
    Span request = tracer.startSpan(TOOL);
    request.end();
    Span batch;
    try (Scope scope = request.makeCurrent()) {
      batch =
          tracer
              .spanBuilder("invoke_agent batch")
              .setNoParent()
              .addLink(request.spanContext())
              .startSpan();
    }
    batch.end();

    SpanData data = collector.finishedSpans().get(1);
    assertThat(data.parentSpanId()).isNull();
    assertThat(data.traceId()).isNotEqualTo(request.spanContext().traceId());
    assertThat(data.links())
        .extracting(link -> link.spanContext())
        .containsExactly(request.spanContext());
  }
}

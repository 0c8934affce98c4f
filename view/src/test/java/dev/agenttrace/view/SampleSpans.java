package dev.agenttrace.view;

import dev.agenttrace.AttributeKey;
import dev.agenttrace.Attributes;
import dev.agenttrace.SemanticAttributes;
import dev.agenttrace.SpanContext;
import dev.agenttrace.SpanKind;
import dev.agenttrace.StatusCode;
import dev.agenttrace.TraceState;
import dev.agenttrace.spi.ImmutableSpanData;
import dev.agenttrace.spi.Resource;
import dev.agenttrace.spi.SpanData;
import dev.agenttrace.spi.SpanEvent;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** Known spans with round timings, for renderer tests that compare exact text. */
final class SampleSpans {
  /** 2023-11-14T22:13:20Z: every sample trace starts here (plus a few seconds per trace). */
  static final long T0 = 1_700_000_000_000_000_000L;

  static final String SUPPORT_TRACE = "4bf92f3577b34da6a3ce929d0e0e4736";
  static final String SKEW_TRACE = "0af7651916cd43dd8448eb211c80319c";
  static final String ORPHAN_TRACE = "5b8efff798038103d269b633813fc60c";

  /** The names in the support trace, depth first as the tree and the page show them. */
  static final List<String> SUPPORT_NAMES =
      List.of(
          "invoke_agent orchestrator",
          "chat scripted-model",
          "execute_tool lookup_order",
          "invoke_agent billing",
          "chat scripted-model",
          "execute_tool update_order");

  private SampleSpans() {}

  /**
   * The example's refund conversation: the orchestrator asks the model, a tool fails, the billing
   * agent takes over, all in one service.
   */
  static List<SpanData> supportTrace() {
    return supportTrace(SUPPORT_TRACE);
  }

  /** The support conversation under another trace id, as when the customer asks twice. */
  static List<SpanData> supportTrace(String t) {
    List<SpanData> spans = new ArrayList<>();
    spans.add(
        span(
            t,
            "00000000000000a1",
            null,
            "invoke_agent orchestrator",
            "support-desk",
            0,
            212,
            SemanticAttributes.OPERATION_INVOKE_AGENT));
    spans.add(
        span(
            t,
            "00000000000000a2",
            "00000000000000a1",
            "chat scripted-model",
            "support-desk",
            2,
            80,
            SemanticAttributes.OPERATION_CHAT));
    spans.add(
        failed(
            span(
                t,
                "00000000000000a3",
                "00000000000000a1",
                "execute_tool lookup_order",
                "support-desk",
                85,
                25,
                SemanticAttributes.OPERATION_EXECUTE_TOOL),
            "dev.agenttrace.example.OrderNotFoundException: No order ORD-9",
            105));
    spans.add(
        span(
            t,
            "00000000000000a4",
            "00000000000000a1",
            "invoke_agent billing",
            "support-desk",
            115,
            90,
            SemanticAttributes.OPERATION_INVOKE_AGENT));
    spans.add(
        span(
            t,
            "00000000000000a5",
            "00000000000000a4",
            "chat scripted-model",
            "support-desk",
            120,
            40,
            SemanticAttributes.OPERATION_CHAT));
    spans.add(
        span(
            t,
            "00000000000000a6",
            "00000000000000a4",
            "execute_tool update_order",
            "support-desk",
            165,
            30,
            SemanticAttributes.OPERATION_EXECUTE_TOOL));
    return spans;
  }

  /**
   * An orchestrator calling a model gateway whose clock is 3 s behind: as recorded, the gateway's
   * spans start 3 s before their parent.
   */
  static List<SpanData> skewedTrace() {
    String t = SKEW_TRACE;
    long base = 10_000;
    return List.of(
        span(
            t,
            "00000000000000b1",
            null,
            "invoke_agent planner",
            "support-desk",
            base,
            100,
            SemanticAttributes.OPERATION_INVOKE_AGENT),
        span(
            t,
            "00000000000000b2",
            "00000000000000b1",
            "chat gateway-model",
            "llm-gateway",
            base - 3000,
            60,
            SemanticAttributes.OPERATION_CHAT),
        span(
            t,
            "00000000000000b3",
            "00000000000000b2",
            "http POST /v1/chat",
            "llm-gateway",
            base - 2990,
            40,
            null));
  }

  /** A trace whose middle span was never collected: its child is an orphan. */
  static List<SpanData> orphanTrace() {
    String t = ORPHAN_TRACE;
    long base = 20_000;
    return List.of(
        span(
            t,
            "00000000000000c1",
            null,
            "invoke_agent support",
            "support-desk",
            base,
            50,
            SemanticAttributes.OPERATION_INVOKE_AGENT),
        span(
            t,
            "00000000000000c3",
            "00000000000000c2",
            "execute_tool refund",
            "support-desk",
            base + 20,
            10,
            SemanticAttributes.OPERATION_EXECUTE_TOOL));
  }

  static ImmutableSpanData span(
      String traceId,
      String spanId,
      String parentId,
      String name,
      String service,
      long startMillis,
      long durationMillis,
      String operation) {
    long high = Long.parseUnsignedLong(traceId.substring(0, 16), 16);
    long low = Long.parseUnsignedLong(traceId.substring(16), 16);
    SpanContext context =
        SpanContext.create(
            high,
            low,
            Long.parseUnsignedLong(spanId, 16),
            SpanContext.FLAG_SAMPLED,
            TraceState.empty());
    SpanContext parent =
        parentId == null
            ? SpanContext.invalid()
            : SpanContext.create(
                high,
                low,
                Long.parseUnsignedLong(parentId, 16),
                SpanContext.FLAG_SAMPLED,
                TraceState.empty());
    Attributes attributes =
        operation == null
            ? Attributes.empty()
            : Attributes.of(SemanticAttributes.GEN_AI_OPERATION_NAME, operation);
    long start = T0 + startMillis * 1_000_000L;
    long duration = durationMillis * 1_000_000L;
    return new ImmutableSpanData(
        name,
        SpanKind.INTERNAL,
        context,
        parent,
        start,
        start + duration,
        duration,
        attributes,
        List.of(),
        List.of(),
        StatusCode.OK,
        null,
        true,
        Resource.forService(service));
  }

  /** {@code span} failed with {@code description}, an exception event at {@code atMillis}. */
  static ImmutableSpanData failed(ImmutableSpanData span, String description, long atMillis) {
    int colon = description.indexOf(':');
    Attributes exception =
        Attributes.builder()
            .put(SemanticAttributes.EXCEPTION_TYPE, description.substring(0, colon))
            .put(SemanticAttributes.EXCEPTION_MESSAGE, description.substring(colon + 2))
            .put(
                SemanticAttributes.EXCEPTION_STACKTRACE,
                description
                    + "\n\tat dev.agenttrace.example.InMemoryOrders.lookup(InMemoryOrders.java:31)")
            .build();
    return new ImmutableSpanData(
        span.name(),
        span.kind(),
        span.spanContext(),
        span.parentSpanContext(),
        span.startEpochNanos(),
        span.endEpochNanos(),
        span.durationNanos(),
        span.attributes().toBuilder().put(AttributeKey.stringKey("order.id"), "ORD-9").build(),
        List.of(
            new SpanEvent(
                SemanticAttributes.EXCEPTION_EVENT_NAME, T0 + atMillis * 1_000_000L, exception)),
        List.of(),
        StatusCode.ERROR,
        description,
        true,
        span.resource());
  }

  /**
   * A big conversation of exactly 10,000 spans: an orchestrator running 99 agent runs of 100 LLM
   * calls and tools each; every 50th tool call fails.
   */
  static List<SpanData> tenThousandSpans() {
    String t = "6e0c63257de34c926f9efcd03899aaaa";
    List<SpanData> spans = new ArrayList<>(10_000);
    spans.add(
        span(
            t,
            "1000000000000000",
            null,
            "invoke_agent orchestrator",
            "support-desk",
            0,
            99 * 100 * 2 + 10,
            SemanticAttributes.OPERATION_INVOKE_AGENT));
    int call = 0;
    for (int run = 0; run < 99; run++) {
      String runId = String.format("2%015x", run);
      long runStart = 5 + run * 200L;
      spans.add(
          span(
              t,
              runId,
              "1000000000000000",
              "invoke_agent worker-" + run,
              "support-desk",
              runStart,
              200,
              SemanticAttributes.OPERATION_INVOKE_AGENT));
      for (int i = 0; i < 100; i++, call++) {
        String id = String.format("3%015x", call);
        boolean tool = i % 2 == 1;
        ImmutableSpanData span =
            span(
                t,
                id,
                runId,
                tool ? "execute_tool tool-" + call : "chat model-" + call,
                "support-desk",
                runStart + i * 2L,
                2,
                tool
                    ? SemanticAttributes.OPERATION_EXECUTE_TOOL
                    : SemanticAttributes.OPERATION_CHAT);
        if (tool && call % 50 == 1) {
          span =
              failed(span, "java.io.IOException: tool " + call + " timed out", runStart + i * 2L);
        }
        spans.add(span);
      }
    }
    return spans;
  }

  /** All three sample traces, shuffled so that children come before parents. */
  static List<SpanData> allShuffled() {
    List<SpanData> all = new ArrayList<>();
    all.addAll(orphanTrace());
    all.addAll(skewedTrace());
    all.addAll(supportTrace());
    Collections.reverse(all);
    return all;
  }
}

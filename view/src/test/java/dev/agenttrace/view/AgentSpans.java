package dev.agenttrace.view;

import dev.agenttrace.Attributes;
import dev.agenttrace.SpanContext;
import dev.agenttrace.SpanKind;
import dev.agenttrace.SpanLink;
import dev.agenttrace.StatusCode;
import dev.agenttrace.TraceState;
import dev.agenttrace.spi.ImmutableSpanData;
import dev.agenttrace.spi.Resource;
import dev.agenttrace.spi.SpanData;
import dev.agenttrace.spi.SpanEvent;
import java.util.ArrayList;
import java.util.List;

/**
 * An agent's conversation as a GenAI-instrumented service records it: two turns of a support agent
 * sharing {@code gen_ai.conversation.id}, with models, token counts, captured messages whose tool
 * calls carry ids, tool spans with arguments and results, a streamed response's first chunk, a
 * failed tool with a stack trace and a link from the second turn to the first; plus one trace
 * outside any conversation. Timings are round so tests can state exact totals.
 */
final class AgentSpans {
  static final String TURN_1 = "a1a1a1a1a1a1a1a1a1a1a1a1a1a1a1a1";
  static final String TURN_2 = "a2a2a2a2a2a2a2a2a2a2a2a2a2a2a2a2";
  static final String NIGHTLY = "b1b1b1b1b1b1b1b1b1b1b1b1b1b1b1b1";
  static final String CONVERSATION = "conv-7f3a";

  /** The stack trace of the failed tool: frames long enough to wrap in the details panel. */
  static final String STACK_TRACE =
      """
      java.io.UncheckedIOException: shipping service did not answer within 500 ms
      \tat com.example.support.tools.ShippingTools.getShipping(ShippingTools.java:88)
      \tat com.example.support.tools.ShippingToolsTraced.getShipping(ShippingToolsTraced.java:41)
      \tat com.example.support.agent.internal.very.deeply.nested.package.name.ToolDispatcher.dispatchToolCallWithRetriesAndTimeouts(ToolDispatcher.java:212)
      \tat java.base/java.util.concurrent.CompletableFuture$AsyncSupply.run(CompletableFuture.java:1768)
      Caused by: java.net.SocketTimeoutException: Read timed out
      \tat java.base/sun.nio.ch.NioSocketImpl.timedRead(NioSocketImpl.java:288)
      \t... 4 more""";

  private AgentSpans() {}

  /** Both turns of the conversation and the nightly trace. */
  static List<SpanData> all() {
    List<SpanData> spans = new ArrayList<>();
    spans.addAll(turn1());
    spans.addAll(turn2());
    spans.addAll(nightly());
    return spans;
  }

  /**
   * Turn 1 (2400 ms): a classification by gpt-4o-mini, gpt-4o asking for two tools in parallel, one
   * failing, then gpt-4o's answer. LLM time 1760 ms, tool time 600 ms, other 40 ms; tokens 3040 in
   * / 231 out (the agent span repeats that sum and must not count twice).
   */
  static List<SpanData> turn1() {
    String t = TURN_1;
    long base = 0;
    return List.of(
        span(t, "1000000000000001", null, "invoke_agent support-agent", base, 2400)
            .attr("gen_ai.operation.name", "invoke_agent")
            .attr("gen_ai.agent.name", "support-agent")
            .attr("gen_ai.conversation.id", CONVERSATION)
            .attr("gen_ai.usage.input_tokens", 3040L)
            .attr("gen_ai.usage.output_tokens", 231L)
            .build(),
        chat(t, "1000000000000002", "1000000000000001", "gpt-4o-mini", base + 5, 200, 310, 4)
            .attr("gen_ai.response.model", "gpt-4o-mini-2024-07-18")
            .attr(
                "gen_ai.input.messages",
                "[{\"role\":\"user\",\"parts\":[{\"type\":\"text\",\"content\":\"Where is my"
                    + " order ORD-9? It was due on Monday.\"}]}]")
            .attr(
                "gen_ai.output.messages",
                "[{\"role\":\"assistant\",\"parts\":[{\"type\":\"text\",\"content\":\"order_status\"}],"
                    + "\"finish_reason\":\"stop\"}]")
            .build(),
        chat(t, "1000000000000003", "1000000000000001", "gpt-4o", base + 210, 800, 1200, 85)
            .attr("gen_ai.response.model", "gpt-4o-2024-08-06")
            .attr(
                "gen_ai.system_instructions",
                "[{\"type\":\"text\",\"content\":\"You are a support agent for an online shop. Use"
                    + " the tools to look orders up; never invent an order.\"}]")
            .attr(
                "gen_ai.input.messages",
                "[{\"role\":\"user\",\"parts\":[{\"type\":\"text\",\"content\":\"Where is my"
                    + " order ORD-9? It was due on Monday.\"}]}]")
            .attr(
                "gen_ai.output.messages",
                "[{\"role\":\"assistant\",\"parts\":[{\"type\":\"tool_call\",\"id\":\"call_1\","
                    + "\"name\":\"lookup_order\",\"arguments\":{\"order_id\":\"ORD-9\"}},"
                    + "{\"type\":\"tool_call\",\"id\":\"call_2\",\"name\":\"get_shipping\","
                    + "\"arguments\":{\"order_id\":\"ORD-9\"}}],\"finish_reason\":\"tool_call\"}]")
            .event("gen_ai.content.first_chunk", base + 210 + 320)
            .build(),
        tool(t, "1000000000000004", "1000000000000001", "lookup_order", base + 1015, 100, "call_1")
            .attr("gen_ai.tool.call.arguments", "{\"order_id\":\"ORD-9\"}")
            .attr(
                "gen_ai.tool.call.result",
                "{\"id\":\"ORD-9\",\"item\":\"Mechanical keyboard\",\"total\":129.0,"
                    + "\"status\":\"SHIPPED\"}")
            .build(),
        tool(t, "1000000000000005", "1000000000000001", "get_shipping", base + 1015, 600, "call_2")
            .attr("gen_ai.tool.call.arguments", "{\"order_id\":\"ORD-9\"}")
            .failed(
                "java.io.UncheckedIOException",
                "shipping service did not answer within 500 ms",
                base + 1610)
            .build(),
        chat(t, "1000000000000006", "1000000000000001", "gpt-4o", base + 1620, 760, 1530, 142)
            .attr("gen_ai.response.model", "gpt-4o-2024-08-06")
            .attr(
                "gen_ai.input.messages",
                "[{\"role\":\"user\",\"parts\":[{\"type\":\"text\",\"content\":\"Where is my order"
                    + " ORD-9?\"}]},{\"role\":\"assistant\",\"parts\":[{\"type\":\"tool_call\","
                    + "\"id\":\"call_1\",\"name\":\"lookup_order\",\"arguments\":{\"order_id\":"
                    + "\"ORD-9\"}}]},{\"role\":\"tool\",\"parts\":[{\"type\":\"tool_call_response\","
                    + "\"id\":\"call_1\",\"response\":{\"status\":\"SHIPPED\"}}]}]")
            .attr(
                "gen_ai.output.messages",
                "[{\"role\":\"assistant\",\"parts\":[{\"type\":\"text\",\"content\":\"Your"
                    + " keyboard (ORD-9) has shipped. I could not reach the carrier for a delivery"
                    + " date right now; I will check again and write back.\"}],"
                    + "\"finish_reason\":\"stop\"}]")
            .event("gen_ai.content.first_chunk", base + 1620 + 280)
            .build(),
        span(
                t,
                "1000000000000007",
                "1000000000000006",
                "POST /v1/chat/completions",
                base + 1630,
                740)
            .kind(SpanKind.CLIENT)
            .attr("http.request.method", "POST")
            .attr("server.address", "api.openai.example")
            .build());
  }

  /**
   * Turn 2 (1500 ms), a minute later: the same steps but one tool; its root links to turn 1's root.
   */
  static List<SpanData> turn2() {
    String t = TURN_2;
    long base = 60_000;
    return List.of(
        span(t, "2000000000000001", null, "invoke_agent support-agent", base, 1500)
            .attr("gen_ai.operation.name", "invoke_agent")
            .attr("gen_ai.agent.name", "support-agent")
            .attr("gen_ai.conversation.id", CONVERSATION)
            .link(TURN_1, "1000000000000001", "previous turn")
            .build(),
        chat(t, "2000000000000002", "2000000000000001", "gpt-4o-mini", base + 5, 175, 295, 4)
            .build(),
        chat(t, "2000000000000003", "2000000000000001", "gpt-4o", base + 185, 715, 1700, 60)
            .attr("gen_ai.response.model", "gpt-4o-2024-08-06")
            .attr(
                "gen_ai.output.messages",
                "[{\"role\":\"assistant\",\"parts\":[{\"type\":\"tool_call\",\"id\":\"call_9\","
                    + "\"name\":\"update_order\",\"arguments\":{\"order_id\":\"ORD-9\","
                    + "\"status\":\"REFUND_REQUESTED\"}}],\"finish_reason\":\"tool_call\"}]")
            .build(),
        tool(t, "2000000000000004", "2000000000000001", "update_order", base + 905, 100, "call_9")
            .attr(
                "gen_ai.tool.call.arguments",
                "{\"order_id\":\"ORD-9\",\"status\":\"REFUND_REQUESTED\"}")
            .attr("gen_ai.tool.call.result", "{\"ok\":true}")
            .build(),
        chat(t, "2000000000000005", "2000000000000001", "gpt-4o", base + 1010, 480, 1800, 95)
            .attr("gen_ai.response.model", "gpt-4o-2024-08-06")
            .build());
  }

  /** A trace of a nightly job, in no conversation. */
  static List<SpanData> nightly() {
    String t = NIGHTLY;
    long base = 120_000;
    return List.of(
        span(t, "3000000000000001", null, "invoke_agent nightly-report", base, 300)
            .attr("gen_ai.operation.name", "invoke_agent")
            .build(),
        chat(t, "3000000000000002", "3000000000000001", "gpt-4o-mini", base + 10, 250, 5000, 400)
            .build());
  }

  static Builder chat(
      String trace,
      String id,
      String parent,
      String model,
      long start,
      long millis,
      long in,
      long out) {
    return span(trace, id, parent, "chat " + model, start, millis)
        .kind(SpanKind.CLIENT)
        .attr("gen_ai.operation.name", "chat")
        .attr("gen_ai.provider.name", "openai")
        .attr("gen_ai.request.model", model)
        .attr("gen_ai.usage.input_tokens", in)
        .attr("gen_ai.usage.output_tokens", out);
  }

  static Builder tool(
      String trace, String id, String parent, String name, long start, long millis, String callId) {
    return span(trace, id, parent, "execute_tool " + name, start, millis)
        .attr("gen_ai.operation.name", "execute_tool")
        .attr("gen_ai.tool.name", name)
        .attr("gen_ai.tool.call.id", callId);
  }

  static Builder span(
      String trace, String id, String parent, String name, long startMillis, long millis) {
    return new Builder(trace, id, parent, name, startMillis, millis);
  }

  /** One span, built up in the order a reader wants to see it. */
  static final class Builder {
    private final String trace;
    private final String id;
    private final String parent;
    private final String name;
    private final long start;
    private final long duration;
    private SpanKind kind = SpanKind.INTERNAL;
    private final Attributes.Builder attributes = Attributes.builder();
    private final List<SpanEvent> events = new ArrayList<>();
    private final List<SpanLink> links = new ArrayList<>();
    private StatusCode status = StatusCode.OK;
    private String description;
    private String service = "support-agent";

    Builder(String trace, String id, String parent, String name, long startMillis, long millis) {
      this.trace = trace;
      this.id = id;
      this.parent = parent;
      this.name = name;
      this.start = SampleSpans.T0 + startMillis * 1_000_000L;
      this.duration = millis * 1_000_000L;
    }

    Builder kind(SpanKind spanKind) {
      this.kind = spanKind;
      return this;
    }

    Builder service(String name) {
      this.service = name;
      return this;
    }

    Builder attr(String key, String value) {
      attributes.put(key, value);
      return this;
    }

    Builder attr(String key, long value) {
      attributes.put(key, value);
      return this;
    }

    Builder attr(String key, double value) {
      attributes.put(key, value);
      return this;
    }

    Builder event(String eventName, long atMillis) {
      events.add(
          new SpanEvent(eventName, SampleSpans.T0 + atMillis * 1_000_000L, Attributes.empty()));
      return this;
    }

    Builder event(String eventName, long atMillis, Attributes eventAttributes) {
      events.add(new SpanEvent(eventName, SampleSpans.T0 + atMillis * 1_000_000L, eventAttributes));
      return this;
    }

    Builder link(String linkedTrace, String linkedSpan, String why) {
      links.add(
          new SpanLink(
              context(linkedTrace, linkedSpan),
              Attributes.builder().put("link.reason", why).build()));
      return this;
    }

    Builder failed(String type, String message, long atMillis) {
      status = StatusCode.ERROR;
      description = type + ": " + message;
      attributes.put("error.type", type);
      return event(
          "exception",
          atMillis,
          Attributes.builder()
              .put("exception.type", type)
              .put("exception.message", message)
              .put("exception.stacktrace", STACK_TRACE)
              .build());
    }

    ImmutableSpanData build() {
      return new ImmutableSpanData(
          name,
          kind,
          context(trace, id),
          parent == null ? SpanContext.invalid() : context(trace, parent),
          start,
          start + duration,
          duration,
          attributes.build(),
          events,
          links,
          status,
          description,
          true,
          Resource.forService(service));
    }

    private static SpanContext context(String traceId, String spanId) {
      return SpanContext.create(
          Long.parseUnsignedLong(traceId.substring(0, 16), 16),
          Long.parseUnsignedLong(traceId.substring(16), 16),
          Long.parseUnsignedLong(spanId, 16),
          SpanContext.FLAG_SAMPLED,
          TraceState.empty());
    }
  }
}

package dev.agenttrace.view;

import dev.agenttrace.Attributes;
import dev.agenttrace.SpanLink;
import dev.agenttrace.StatusCode;
import dev.agenttrace.spi.SpanData;
import dev.agenttrace.spi.SpanEvent;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The data the trace page's script reads: per trace its {@link TraceSummary} and its spans depth
 * first, each with short member names (the page of 10,000 spans stays a few MB) and the GenAI facts
 * the page shows at a glance (model, tokens, tool-call ids, time to first chunk), read once here by
 * {@link GenAiSpan} so the page and the text tree agree.
 *
 * <p>Input is bounded so that no span can make the page unusable: a string value longer than
 * {@value #MAX_VALUE_CHARS} characters (an attribute, a status description) is cut and says how
 * long it was; names and keys are cut at {@value #MAX_NAME_CHARS}; a span shows at most {@value
 * #MAX_ENTRIES} attributes, events and links, and says how many it left out.
 */
final class TracePageData {
  static final int MAX_VALUE_CHARS = 65_536;
  static final int MAX_NAME_CHARS = 1_000;
  static final int MAX_ENTRIES = 1_000;

  private TracePageData() {}

  /** {@code {"traces": [...]}} for {@code traces}. */
  static Map<String, Object> of(List<Trace> traces) {
    List<Object> json = new ArrayList<>(traces.size());
    for (Trace trace : traces) {
      json.add(trace(trace));
    }
    return Map.of("traces", json);
  }

  private static Map<String, Object> trace(Trace trace) {
    long origin = trace.startEpochNanos();
    List<SpanNode> nodes = trace.spansDepthFirst();
    List<String> services = new ArrayList<>();
    Map<String, Integer> serviceIndex = new HashMap<>();
    List<Object> resources = new ArrayList<>();
    Map<Attributes, Integer> resourceIndex = new HashMap<>();
    Map<String, ClockSkewAdjustment> moves = new HashMap<>();
    for (ClockSkewAdjustment adjustment : trace.clockSkewAdjustments()) {
      moves.put(adjustment.spanId(), adjustment);
    }
    Map<String, Integer> index = new HashMap<>();
    List<Object> spans = new ArrayList<>(nodes.size());
    for (SpanNode node : nodes) {
      SpanData span = node.span();
      index.put(span.spanId(), index.size());
      Map<String, Object> json = new LinkedHashMap<>();
      json.put("id", span.spanId());
      Integer parent = span.parentSpanId() == null ? null : index.get(span.parentSpanId());
      json.put("p", parent == null ? -1 : parent);
      if (span.parentSpanId() != null) {
        json.put("pid", span.parentSpanId());
      }
      json.put("d", node.depth());
      json.put("n", cut(span.name(), MAX_NAME_CHARS));
      json.put(
          "s",
          serviceIndex.computeIfAbsent(
              node.serviceName(),
              name -> {
                services.add(cut(name, MAX_NAME_CHARS));
                return services.size() - 1;
              }));
      json.put("k", span.kind().name());
      json.put("c", SpanCategory.of(span).name().toLowerCase(Locale.ROOT));
      json.put("t", node.startEpochNanos() - origin);
      json.put("du", span.durationNanos());
      json.put("se", node.selfNanos());
      if (span.statusCode() != StatusCode.UNSET) {
        json.put("st", span.statusCode().name());
      }
      if (span.statusDescription() != null) {
        json.put("sd", cut(span.statusDescription(), MAX_VALUE_CHARS));
      }
      if (node.isOrphan()) {
        json.put("o", true);
      }
      if (node.clockSkewNanos() != 0) {
        json.put("sk", node.clockSkewNanos());
      }
      ClockSkewAdjustment move = moves.get(span.spanId());
      if (move != null) {
        json.put("skn", move.describe());
      }
      genAi(span, json);
      json.put("a", attributes(span.attributes()));
      if (!span.events().isEmpty()) {
        json.put("ev", events(span, origin));
      }
      if (!span.links().isEmpty()) {
        json.put("l", links(span.links()));
      }
      json.put(
          "r",
          resourceIndex.computeIfAbsent(
              span.resource().attributes(),
              attributes -> {
                resources.add(attributes(attributes));
                return resources.size() - 1;
              }));
      spans.add(json);
    }
    List<String> adjustments = new ArrayList<>();
    for (ClockSkewAdjustment adjustment : trace.clockSkewAdjustments()) {
      adjustments.add(adjustment.describe());
    }
    TraceSummary summary = TraceSummary.of(trace);
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("id", trace.traceId());
    json.put("start", origin / 1_000_000);
    json.put("du", trace.endEpochNanos() - origin);
    json.put("services", services);
    json.put("resources", resources);
    json.put("skew", adjustments);
    json.put("sum", summary(summary));
    if (summary.conversationId() != null) {
      json.put("conv", cut(summary.conversationId(), MAX_NAME_CHARS));
    }
    json.put("spans", spans);
    return json;
  }

  /** Model, tokens, tool-call ids and time to first chunk, when the span has them. */
  private static void genAi(SpanData span, Map<String, Object> json) {
    String model = GenAiSpan.model(span);
    if (model != null) {
      json.put("m", cut(model, MAX_NAME_CHARS));
    }
    long input = GenAiSpan.inputTokens(span);
    long output = GenAiSpan.outputTokens(span);
    if (input >= 0) {
      json.put("ti", input);
    }
    if (output >= 0) {
      json.put("to", output);
    }
    String toolCallId = GenAiSpan.toolCallId(span);
    if (toolCallId != null) {
      json.put("tc", cut(toolCallId, MAX_NAME_CHARS));
    }
    List<GenAiSpan.ToolCall> requested = GenAiSpan.requestedToolCalls(span);
    if (!requested.isEmpty()) {
      List<Object> calls = new ArrayList<>();
      for (GenAiSpan.ToolCall call :
          requested.subList(0, Math.min(MAX_ENTRIES, requested.size()))) {
        Map<String, Object> c = new LinkedHashMap<>();
        c.put("id", cut(call.id(), MAX_NAME_CHARS));
        if (call.name() != null) {
          c.put("name", cut(call.name(), MAX_NAME_CHARS));
        }
        calls.add(c);
      }
      json.put("rq", calls);
    }
    long firstChunk = GenAiSpan.firstChunkNanos(span);
    if (firstChunk >= 0) {
      json.put("ft", firstChunk);
    }
  }

  private static Map<String, Object> summary(TraceSummary summary) {
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("du", summary.durationNanos());
    json.put("llm", summary.llmNanos());
    json.put("tool", summary.toolNanos());
    json.put("other", summary.otherNanos());
    json.put("llmCalls", summary.llmCalls());
    json.put("toolCalls", summary.toolCalls());
    json.put("errors", summary.errors());
    json.put("tok", summary.tokensRecorded());
    json.put("in", summary.inputTokens());
    json.put("out", summary.outputTokens());
    List<Object> models = new ArrayList<>();
    for (ModelUsage usage : summary.models()) {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("m", cut(usage.model(), MAX_NAME_CHARS));
      m.put("calls", usage.calls());
      m.put("in", usage.inputTokens());
      m.put("out", usage.outputTokens());
      models.add(m);
    }
    json.put("models", models);
    return json;
  }

  private static List<Object> events(SpanData span, long origin) {
    List<Object> events = new ArrayList<>();
    for (SpanEvent event : span.events()) {
      if (events.size() == MAX_ENTRIES) {
        events.add(omitted(span.events().size() - MAX_ENTRIES, "events"));
        break;
      }
      Map<String, Object> e = new LinkedHashMap<>();
      e.put("n", cut(event.name(), MAX_NAME_CHARS));
      e.put("t", event.epochNanos() - origin);
      e.put("a", attributes(event.attributes()));
      events.add(e);
    }
    return events;
  }

  private static List<Object> links(List<SpanLink> spanLinks) {
    List<Object> links = new ArrayList<>();
    for (SpanLink link : spanLinks) {
      if (links.size() == MAX_ENTRIES) {
        break;
      }
      Map<String, Object> l = new LinkedHashMap<>();
      l.put("trace", link.spanContext().traceId());
      l.put("span", link.spanContext().spanId());
      l.put("a", attributes(link.attributes()));
      links.add(l);
    }
    return links;
  }

  /** A stand-in event saying how many were left out. */
  private static Map<String, Object> omitted(int count, String what) {
    Map<String, Object> e = new LinkedHashMap<>();
    e.put("n", count + " more " + what + " not shown (the page shows " + MAX_ENTRIES + ")");
    e.put("t", 0L);
    e.put("a", Map.of());
    e.put("omitted", true);
    return e;
  }

  /** The attributes with long keys and values cut, at most {@value #MAX_ENTRIES} of them. */
  private static Map<String, Object> attributes(Attributes attributes) {
    Map<String, Object> json = new LinkedHashMap<>();
    int left = attributes.size() - MAX_ENTRIES;
    for (Map.Entry<String, Object> entry : attributes.asMap().entrySet()) {
      if (json.size() == MAX_ENTRIES) {
        json.put(
            "agenttrace.page.omitted",
            left + " more attributes not shown (the page shows " + MAX_ENTRIES + ")");
        break;
      }
      Object value = entry.getValue();
      json.put(
          cut(entry.getKey(), MAX_NAME_CHARS),
          value instanceof String s ? cut(s, MAX_VALUE_CHARS) : value);
    }
    return json;
  }

  /**
   * {@code text} when at most {@code max} characters long, else its start and how long it was.
   * Never splits a surrogate pair.
   */
  static String cut(String text, int max) {
    if (text.length() <= max) {
      return text;
    }
    int end = Character.isHighSurrogate(text.charAt(max - 1)) ? max - 1 : max;
    return text.substring(0, end)
        + "… [cut by the trace page: "
        + String.format(Locale.ROOT, "%,d", text.length())
        + " characters in the input]";
  }
}

package dev.agenttrace.view;

import dev.agenttrace.SemanticAttributes;
import dev.agenttrace.internal.json.Json;
import dev.agenttrace.spi.SpanData;
import dev.agenttrace.spi.SpanEvent;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * What the OpenTelemetry GenAI conventions say about one span, read leniently: the views show spans
 * from any producer (other SDKs, hand-written files, older AgentTrace versions), so a value of an
 * unexpected type or shape is treated as absent here and still shown as it is in the span's
 * attributes. Names the runtime does not record (such as the time to the first chunk) are read too,
 * so the views show them as soon as any producer writes them.
 */
final class GenAiSpan {
  // Read by name, whatever the type the producer gave the value.
  private static final String REQUEST_MODEL = SemanticAttributes.GEN_AI_REQUEST_MODEL.name();
  private static final String RESPONSE_MODEL = SemanticAttributes.GEN_AI_RESPONSE_MODEL.name();
  private static final String INPUT_TOKENS = SemanticAttributes.GEN_AI_USAGE_INPUT_TOKENS.name();
  private static final String OUTPUT_TOKENS = SemanticAttributes.GEN_AI_USAGE_OUTPUT_TOKENS.name();
  private static final String TOOL_CALL_ID = SemanticAttributes.GEN_AI_TOOL_CALL_ID.name();
  private static final String OUTPUT_MESSAGES = SemanticAttributes.GEN_AI_OUTPUT_MESSAGES.name();
  private static final String CONVERSATION_ID = SemanticAttributes.GEN_AI_CONVERSATION_ID.name();

  /**
   * Seconds from the request to the first streamed chunk, a double. The GenAI conventions name it;
   * the runtime does not record it (yet), so it has no constant in {@link SemanticAttributes}.
   */
  private static final String TIME_TO_FIRST_CHUNK = "gen_ai.response.time_to_first_chunk";

  /** Output messages longer than this are not searched for tool calls (bounded work per span). */
  private static final int MAX_PARSED_MESSAGES = 65_536;

  /** A tool call a model asked for: its id and, when given, the tool's name. */
  record ToolCall(String id, String name) {}

  private GenAiSpan() {}

  /** The model that answered ({@code gen_ai.response.model}), else the one asked for; or null. */
  static String model(SpanData span) {
    String response = text(span, RESPONSE_MODEL);
    return response != null ? response : text(span, REQUEST_MODEL);
  }

  /** {@code gen_ai.usage.input_tokens}, or -1 when absent or not a count. */
  static long inputTokens(SpanData span) {
    return count(span.attributes().get(INPUT_TOKENS));
  }

  /** {@code gen_ai.usage.output_tokens}, or -1 when absent or not a count. */
  static long outputTokens(SpanData span) {
    return count(span.attributes().get(OUTPUT_TOKENS));
  }

  /** Whether the span reports token usage (input or output). */
  static boolean hasTokens(SpanData span) {
    return inputTokens(span) >= 0 || outputTokens(span) >= 0;
  }

  /** {@code gen_ai.tool.call.id} of a tool span, or null. */
  static String toolCallId(SpanData span) {
    return text(span, TOOL_CALL_ID);
  }

  /** {@code gen_ai.conversation.id}, or null. */
  static String conversationId(SpanData span) {
    return text(span, CONVERSATION_ID);
  }

  /**
   * The tool calls a model span's output asked for, in order: the {@code tool_call} parts of {@code
   * gen_ai.output.messages} (the conventions' shape), or the entries of a {@code tool_calls} array
   * (OpenAI's shape). Empty when the messages were not captured or cannot be read.
   */
  static List<ToolCall> requestedToolCalls(SpanData span) {
    String messages = text(span, OUTPUT_MESSAGES);
    if (messages == null || messages.length() > MAX_PARSED_MESSAGES) {
      return List.of();
    }
    Object json;
    try {
      json = Json.parse(messages);
    } catch (RuntimeException e) {
      return List.of();
    }
    List<ToolCall> calls = new ArrayList<>();
    collectToolCalls(json, false, calls, 0);
    return calls;
  }

  private static void collectToolCalls(
      Object json, boolean inToolCalls, List<ToolCall> calls, int depth) {
    if (depth > 32) {
      return;
    }
    if (json instanceof Map<?, ?> map) {
      Object id = map.get("id");
      if (id instanceof String s && (inToolCalls || "tool_call".equals(map.get("type")))) {
        Object name = map.get("name");
        if (!(name instanceof String) && map.get("function") instanceof Map<?, ?> function) {
          name = function.get("name");
        }
        calls.add(new ToolCall(s, name instanceof String n ? n : null));
        return;
      }
      for (Map.Entry<?, ?> entry : map.entrySet()) {
        collectToolCalls(entry.getValue(), "tool_calls".equals(entry.getKey()), calls, depth + 1);
      }
    } else if (json instanceof List<?> list) {
      for (Object element : list) {
        collectToolCalls(element, inToolCalls, calls, depth + 1);
      }
    }
  }

  /**
   * Nanoseconds from the span's start to its first streamed chunk or token, or -1: from an event
   * whose name mentions the first chunk or token ({@code gen_ai.content.first_chunk}, {@code
   * first_token}...), else from {@code gen_ai.response.time_to_first_chunk} (seconds).
   */
  static long firstChunkNanos(SpanData span) {
    for (SpanEvent event : span.events()) {
      if (isFirstChunkEvent(event.name())) {
        return Math.max(0, event.epochNanos() - span.startEpochNanos());
      }
    }
    Object seconds = span.attributes().get(TIME_TO_FIRST_CHUNK);
    if (seconds instanceof Number n) {
      double value = n.doubleValue();
      if (value >= 0 && value < 1e6) {
        return Math.round(value * 1e9);
      }
    }
    return -1;
  }

  /** Whether an event's name marks the first streamed chunk or token of a response. */
  static boolean isFirstChunkEvent(String name) {
    String normalized = name.toLowerCase(Locale.ROOT).replace('-', '_').replace(' ', '_');
    return normalized.contains("first_chunk") || normalized.contains("first_token");
  }

  private static String text(SpanData span, String key) {
    Object value = span.attributes().get(key);
    return value instanceof String s && !s.isBlank() ? s : null;
  }

  /**
   * A token count: a non-negative whole number, given as a long, an integral double or a string of
   * digits (some producers write numbers as strings); -1 for anything else.
   */
  static long count(Object value) {
    if (value instanceof Long l) {
      return l >= 0 ? l : -1;
    }
    if (value instanceof Double d) {
      return d >= 0 && d <= 9e15 && d == Math.rint(d) ? d.longValue() : -1;
    }
    if (value instanceof String s && !s.isEmpty() && s.length() <= 15) {
      for (int i = 0; i < s.length(); i++) {
        if (s.charAt(i) < '0' || s.charAt(i) > '9') {
          return -1;
        }
      }
      return Long.parseLong(s);
    }
    return -1;
  }
}

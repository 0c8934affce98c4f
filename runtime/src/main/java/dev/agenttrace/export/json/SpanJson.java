package dev.agenttrace.export.json;

import dev.agenttrace.AttributeKey;
import dev.agenttrace.Attributes;
import dev.agenttrace.SpanContext;
import dev.agenttrace.SpanKind;
import dev.agenttrace.SpanLink;
import dev.agenttrace.StatusCode;
import dev.agenttrace.TraceState;
import dev.agenttrace.internal.Ids;
import dev.agenttrace.internal.json.Json;
import dev.agenttrace.internal.json.JsonException;
import dev.agenttrace.spi.ImmutableSpanData;
import dev.agenttrace.spi.Resource;
import dev.agenttrace.spi.SpanData;
import dev.agenttrace.spi.SpanEvent;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The JSON form of a span: one object per span, one span per line in JSON Lines files. Writing then
 * reading a span gives back equal data.
 *
 * <p>Schema (version 1). Members in this order; optional ones are left out when empty:
 *
 * <pre>
 * {
 *   "traceId": "4bf92f3577b34da6a3ce929d0e0e4736",   32 lowercase hex
 *   "spanId": "00f067aa0ba902b7",                    16 lowercase hex
 *   "parentSpanId": "a3ce929d0e0e4736",              16 lowercase hex; absent for a root span
 *   "name": "execute_tool lookup_order",
 *   "kind": "INTERNAL",                              INTERNAL SERVER CLIENT PRODUCER CONSUMER
 *   "startEpochNanos": 1700000000000000000,
 *   "endEpochNanos": 1700000000025000000,
 *   "durationNanos": 25000000,                       monotonic; may differ from end - start
 *   "traceFlags": "01",                              2 lowercase hex
 *   "traceState": "vendor=value,other=x",            absent when empty
 *   "parentRemote": true,                            absent unless the parent came from elsewhere
 *   "status": {"code": "ERROR", "description": "..."},  description only for ERROR
 *   "attributes": {"gen_ai.tool.name": "lookup_order", "order.total": 129, "ratio": 0.5},
 *   "events": [{"name": "exception", "epochNanos": 1700000000020000000, "attributes": {...}}],
 *   "links": [{"traceId": "...", "spanId": "...", "traceFlags": "01", "attributes": {...}}],
 *   "resource": {"service.name": "support-desk"}
 * }
 * </pre>
 *
 * <p>The parent is recorded by id only; reading rebuilds its context with the span's own trace
 * flags and trace state (a child inherits both, so this loses nothing in practice).
 *
 * <p>Attribute values are JSON strings, booleans and numbers; an integral number is read back as a
 * long attribute, any other number as a double (doubles are always written with a fraction or
 * exponent, so the type survives).
 */
public final class SpanJson {
  private SpanJson() {}

  /** The span as one line of JSON (no line break inside). */
  public static String write(SpanData span) {
    StringBuilder out = new StringBuilder(512);
    write(span, out);
    return out.toString();
  }

  /** Appends the span as one line of JSON. */
  public static void write(SpanData span, StringBuilder out) {
    Json.write(toMap(span), out);
  }

  /** The span as the ordered map that {@link Json} writes. */
  public static Map<String, Object> toMap(SpanData span) {
    Map<String, Object> json = new LinkedHashMap<>();
    SpanContext context = span.spanContext();
    json.put("traceId", context.traceId());
    json.put("spanId", context.spanId());
    SpanContext parent = span.parentSpanContext();
    if (parent.isValid()) {
      json.put("parentSpanId", parent.spanId());
    }
    json.put("name", span.name());
    json.put("kind", span.kind().name());
    json.put("startEpochNanos", span.startEpochNanos());
    json.put("endEpochNanos", span.endEpochNanos());
    json.put("durationNanos", span.durationNanos());
    json.put("traceFlags", String.format("%02x", context.flags()));
    if (!context.traceState().isEmpty()) {
      json.put("traceState", traceStateHeader(context.traceState()));
    }
    if (parent.isValid() && parent.isRemote()) {
      json.put("parentRemote", true);
    }
    Map<String, Object> status = new LinkedHashMap<>();
    status.put("code", span.statusCode().name());
    if (span.statusDescription() != null) {
      status.put("description", span.statusDescription());
    }
    json.put("status", status);
    json.put("attributes", attributes(span.attributes()));
    if (!span.events().isEmpty()) {
      List<Object> events = new ArrayList<>();
      for (SpanEvent event : span.events()) {
        Map<String, Object> e = new LinkedHashMap<>();
        e.put("name", event.name());
        e.put("epochNanos", event.epochNanos());
        e.put("attributes", attributes(event.attributes()));
        events.add(e);
      }
      json.put("events", events);
    }
    if (!span.links().isEmpty()) {
      List<Object> links = new ArrayList<>();
      for (SpanLink link : span.links()) {
        Map<String, Object> l = new LinkedHashMap<>();
        l.put("traceId", link.spanContext().traceId());
        l.put("spanId", link.spanContext().spanId());
        l.put("traceFlags", String.format("%02x", link.spanContext().flags()));
        l.put("attributes", attributes(link.attributes()));
        links.add(l);
      }
      json.put("links", links);
    }
    json.put("resource", attributes(span.resource().attributes()));
    return json;
  }

  private static Map<String, Object> attributes(Attributes attributes) {
    return attributes.asMap();
  }

  private static String traceStateHeader(TraceState state) {
    StringBuilder header = new StringBuilder();
    for (Map.Entry<String, String> member : state.members()) {
      if (header.length() > 0) {
        header.append(',');
      }
      header.append(member.getKey()).append('=').append(member.getValue());
    }
    return header.toString();
  }

  /**
   * Reads one span written by {@link #write(SpanData)}.
   *
   * @throws IllegalArgumentException (a {@link JsonException} for malformed JSON) saying what is
   *     wrong with the line
   */
  public static SpanData read(String line) {
    Object parsed = Json.parse(line);
    if (!(parsed instanceof Map<?, ?> json)) {
      throw new IllegalArgumentException("a span must be a JSON object");
    }
    return fromMap(json);
  }

  /** Rebuilds a span from the map form. */
  public static SpanData fromMap(Map<?, ?> json) {
    byte flags = (byte) Integer.parseInt(optionalString(json, "traceFlags", "01"), 16);
    String traceId = requiredString(json, "traceId");
    SpanContext context =
        SpanContext.create(
            hexHigh(traceId, "traceId"),
            hexLow(traceId, "traceId"),
            spanId(requiredString(json, "spanId"), "spanId"),
            flags,
            parseTraceState(optionalString(json, "traceState", "")));
    String parentId = optionalString(json, "parentSpanId", null);
    SpanContext parent = SpanContext.invalid();
    if (parentId != null) {
      boolean remote = Boolean.TRUE.equals(json.get("parentRemote"));
      long high = context.traceIdHigh();
      long low = context.traceIdLow();
      long id = spanId(parentId, "parentSpanId");
      parent =
          remote
              ? SpanContext.createFromRemoteParent(high, low, id, flags, context.traceState())
              : SpanContext.create(high, low, id, flags, context.traceState());
    }
    Map<?, ?> status = json.get("status") instanceof Map<?, ?> s ? s : Map.of();
    StatusCode code = StatusCode.valueOf(optionalString(status, "code", "UNSET"));
    List<SpanEvent> events = new ArrayList<>();
    for (Object element : list(json, "events")) {
      Map<?, ?> event = object(element, "events[]");
      events.add(
          new SpanEvent(
              requiredString(event, "name"),
              number(event, "epochNanos"),
              readAttributes(event.get("attributes"))));
    }
    List<SpanLink> links = new ArrayList<>();
    for (Object element : list(json, "links")) {
      Map<?, ?> link = object(element, "links[]");
      String linkTrace = requiredString(link, "traceId");
      links.add(
          new SpanLink(
              SpanContext.create(
                  hexHigh(linkTrace, "links[].traceId"),
                  hexLow(linkTrace, "links[].traceId"),
                  spanId(requiredString(link, "spanId"), "links[].spanId"),
                  (byte) Integer.parseInt(optionalString(link, "traceFlags", "00"), 16),
                  TraceState.empty()),
              readAttributes(link.get("attributes"))));
    }
    long start = number(json, "startEpochNanos");
    long end = number(json, "endEpochNanos");
    Object duration = json.get("durationNanos");
    return new ImmutableSpanData(
        requiredString(json, "name"),
        SpanKind.valueOf(optionalString(json, "kind", "INTERNAL")),
        context,
        parent,
        start,
        end,
        duration instanceof Number n ? n.longValue() : Math.max(0, end - start),
        readAttributes(json.get("attributes")),
        events,
        links,
        code,
        code == StatusCode.ERROR ? optionalString(status, "description", null) : null,
        end != 0,
        Resource.create(readAttributes(json.get("resource"))));
  }

  private static Attributes readAttributes(Object value) {
    if (value == null) {
      return Attributes.empty();
    }
    Map<?, ?> map = object(value, "attributes");
    Attributes.Builder builder = Attributes.builder();
    for (Map.Entry<?, ?> entry : map.entrySet()) {
      String key = String.valueOf(entry.getKey());
      Object v = entry.getValue();
      if (v instanceof String s) {
        builder.put(AttributeKey.stringKey(key), s);
      } else if (v instanceof Boolean b) {
        builder.put(AttributeKey.booleanKey(key), b);
      } else if (v instanceof Long l) {
        builder.put(AttributeKey.longKey(key), l);
      } else if (v instanceof Double d) {
        builder.put(AttributeKey.doubleKey(key), d);
      } else if (v instanceof List<?> list && list.stream().allMatch(String.class::isInstance)) {
        builder.put(
            AttributeKey.stringArrayKey(key), list.stream().map(String.class::cast).toList());
      } else if (v != null) {
        builder.put(AttributeKey.stringKey(key), Json.write(v));
      }
    }
    return builder.build();
  }

  private static TraceState parseTraceState(String header) {
    if (header.isEmpty()) {
      return TraceState.empty();
    }
    List<Map.Entry<String, String>> members = new ArrayList<>();
    for (String member : header.split(",")) {
      int equals = member.indexOf('=');
      if (equals > 0) {
        members.add(
            Map.entry(member.substring(0, equals).trim(), member.substring(equals + 1).trim()));
      }
    }
    return TraceState.of(members);
  }

  private static long hexHigh(String traceId, String field) {
    checkHex(traceId, 32, field);
    return Ids.parseHex16(traceId, 0);
  }

  private static long hexLow(String traceId, String field) {
    return Ids.parseHex16(traceId, 16);
  }

  private static long spanId(String spanId, String field) {
    checkHex(spanId, 16, field);
    return Ids.parseHex16(spanId, 0);
  }

  private static void checkHex(String value, int length, String field) {
    if (value.length() != length) {
      throw new IllegalArgumentException(
          field + " must be " + length + " lowercase hex characters, not \"" + value + "\"");
    }
    for (int i = 0; i < length; i++) {
      if (Ids.lowerHexDigit(value.charAt(i)) < 0) {
        throw new IllegalArgumentException(field + " must be lowercase hex, not \"" + value + "\"");
      }
    }
  }

  private static String requiredString(Map<?, ?> json, String name) {
    Object value = json.get(name);
    if (!(value instanceof String s)) {
      throw new IllegalArgumentException("missing string member \"" + name + "\"");
    }
    return s;
  }

  private static String optionalString(Map<?, ?> json, String name, String fallback) {
    Object value = json.get(name);
    return value instanceof String s ? s : fallback;
  }

  private static long number(Map<?, ?> json, String name) {
    Object value = json.get(name);
    if (!(value instanceof Number n)) {
      throw new IllegalArgumentException("missing number member \"" + name + "\"");
    }
    return n.longValue();
  }

  private static List<?> list(Map<?, ?> json, String name) {
    Object value = json.get(name);
    if (value == null) {
      return List.of();
    }
    if (!(value instanceof List<?> l)) {
      throw new IllegalArgumentException("\"" + name + "\" must be an array");
    }
    return l;
  }

  private static Map<?, ?> object(Object value, String what) {
    if (!(value instanceof Map<?, ?> m)) {
      throw new IllegalArgumentException("\"" + what + "\" must be an object");
    }
    return m;
  }
}

package dev.agenttrace.view;

import dev.agenttrace.Attributes;
import dev.agenttrace.SemanticAttributes;
import dev.agenttrace.SpanLink;
import dev.agenttrace.StatusCode;
import dev.agenttrace.internal.json.Json;
import dev.agenttrace.spi.Resource;
import dev.agenttrace.spi.SpanData;
import dev.agenttrace.spi.SpanEvent;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Writes traces in Jaeger's JSON trace format, the one its query API returns and its UI loads
 * through "Search → JSON File". Times are microseconds; attributes become typed tags; events become
 * logs (the name in an {@code event} field); links become {@code FOLLOWS_FROM} references; the
 * status becomes {@code otel.status_code}/{@code otel.status_description} and, for errors, the
 * {@code error=true} tag the UI highlights. Each distinct resource is one process whose tags are
 * the resource attributes other than {@code service.name}. A span moved for clock skew carries the
 * move in its {@code warnings}, as Jaeger's own adjuster reports it.
 */
public final class JaegerJsonRenderer {
  private JaegerJsonRenderer() {}

  /** The traces as one Jaeger JSON document. */
  public static String render(List<Trace> traces) {
    List<Object> data = new ArrayList<>();
    for (Trace trace : traces) {
      data.add(trace(trace));
    }
    Map<String, Object> document = new LinkedHashMap<>();
    document.put("data", data);
    document.put("total", 0);
    document.put("limit", 0);
    document.put("offset", 0);
    document.put("errors", null);
    return Json.write(document) + "\n";
  }

  private static Map<String, Object> trace(Trace trace) {
    Map<Resource, String> processIds = new LinkedHashMap<>();
    Map<String, ClockSkewAdjustment> moves = new LinkedHashMap<>();
    for (ClockSkewAdjustment adjustment : trace.clockSkewAdjustments()) {
      moves.put(adjustment.spanId(), adjustment);
    }
    List<Object> spans = new ArrayList<>();
    for (SpanNode node : trace.spansDepthFirst()) {
      SpanData span = node.span();
      String processId =
          processIds.computeIfAbsent(span.resource(), r -> "p" + (processIds.size() + 1));
      spans.add(span(node, processId, moves.get(span.spanId())));
    }
    Map<String, Object> processes = new LinkedHashMap<>();
    for (Map.Entry<Resource, String> process : processIds.entrySet()) {
      Map<String, Object> json = new LinkedHashMap<>();
      String service = process.getKey().serviceName();
      json.put("serviceName", service == null ? Resource.UNKNOWN_SERVICE : service);
      List<Object> tags = new ArrayList<>();
      process
          .getKey()
          .attributes()
          .forEach(
              (key, value) -> {
                if (!key.equals(SemanticAttributes.SERVICE_NAME)) {
                  tags.add(tag(key.name(), type(value), value));
                }
              });
      json.put("tags", tags);
      processes.put(process.getValue(), json);
    }
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("traceID", trace.traceId());
    json.put("spans", spans);
    json.put("processes", processes);
    json.put("warnings", null);
    return json;
  }

  private static Map<String, Object> span(
      SpanNode node, String processId, ClockSkewAdjustment adjustment) {
    SpanData span = node.span();
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("traceID", span.traceId());
    json.put("spanID", span.spanId());
    json.put("flags", span.spanContext().flags() & 0xff);
    json.put("operationName", span.name());
    List<Object> references = new ArrayList<>();
    if (span.parentSpanId() != null) {
      references.add(reference("CHILD_OF", span.traceId(), span.parentSpanId()));
    }
    for (SpanLink link : span.links()) {
      references.add(
          reference("FOLLOWS_FROM", link.spanContext().traceId(), link.spanContext().spanId()));
    }
    json.put("references", references);
    json.put("startTime", span.startEpochNanos() / 1_000);
    json.put("duration", span.durationNanos() / 1_000);
    Attributes.Builder tags = span.attributes().toBuilder();
    tags.put("span.kind", span.kind().name().toLowerCase(Locale.ROOT));
    if (span.statusCode() != StatusCode.UNSET) {
      tags.put("otel.status_code", span.statusCode().name());
    }
    if (span.statusCode() == StatusCode.ERROR) {
      tags.put("error", true);
      if (span.statusDescription() != null) {
        tags.put("otel.status_description", span.statusDescription());
      }
    }
    json.put("tags", tags(tags.build()));
    List<Object> logs = new ArrayList<>();
    for (SpanEvent event : span.events()) {
      Map<String, Object> log = new LinkedHashMap<>();
      log.put("timestamp", event.epochNanos() / 1_000);
      List<Object> fields = new ArrayList<>();
      fields.add(tag("event", "string", event.name()));
      fields.addAll(tags(event.attributes()));
      log.put("fields", fields);
      logs.add(log);
    }
    json.put("logs", logs);
    json.put("processID", processId);
    json.put("warnings", adjustment == null ? null : List.of(adjustment.describe()));
    return json;
  }

  private static Map<String, Object> reference(String type, String traceId, String spanId) {
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("refType", type);
    json.put("traceID", traceId);
    json.put("spanID", spanId);
    return json;
  }

  private static List<Object> tags(Attributes attributes) {
    List<Object> tags = new ArrayList<>();
    attributes.forEach((key, value) -> tags.add(tag(key.name(), type(value), value)));
    return tags;
  }

  private static String type(Object value) {
    if (value instanceof Boolean) {
      return "bool";
    }
    if (value instanceof Long || value instanceof Integer) {
      return "int64";
    }
    if (value instanceof Double || value instanceof Float) {
      return "float64";
    }
    return "string";
  }

  private static Map<String, Object> tag(String key, String type, Object value) {
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("key", key);
    json.put("type", type);
    json.put("value", type.equals("string") ? String.valueOf(value) : value);
    return json;
  }
}

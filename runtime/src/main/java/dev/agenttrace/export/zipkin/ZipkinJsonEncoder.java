package dev.agenttrace.export.zipkin;

import dev.agenttrace.AttributeKey;
import dev.agenttrace.Attributes;
import dev.agenttrace.SemanticAttributes;
import dev.agenttrace.SpanKind;
import dev.agenttrace.StatusCode;
import dev.agenttrace.internal.json.Json;
import dev.agenttrace.spi.SpanData;
import dev.agenttrace.spi.SpanEvent;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Spans as a Zipkin v2 JSON list, mapped the way OpenTelemetry's Zipkin exporter maps them: kind
 * (INTERNAL left out), microsecond timestamp and duration, the resource's service name as local
 * endpoint, attributes as string tags, events as annotations, status as {@code otel.status_code}
 * plus an {@code error} tag holding the description.
 */
final class ZipkinJsonEncoder {
  static final String STATUS_CODE_TAG = "otel.status_code";
  static final String ERROR_TAG = "error";

  private ZipkinJsonEncoder() {}

  static String encode(Collection<SpanData> spans) {
    List<Object> list = new ArrayList<>(spans.size());
    for (SpanData span : spans) {
      list.add(toMap(span));
    }
    return Json.write(list);
  }

  static Map<String, Object> toMap(SpanData span) {
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("traceId", span.traceId());
    String parentId = span.parentSpanId();
    if (parentId != null) {
      json.put("parentId", parentId);
    }
    json.put("id", span.spanId());
    if (span.kind() != SpanKind.INTERNAL) {
      json.put("kind", span.kind().name());
    }
    json.put("name", span.name());
    json.put("timestamp", span.startEpochNanos() / 1000);
    json.put("duration", Math.max(1, span.durationNanos() / 1000));
    String service = span.resource().serviceName();
    json.put("localEndpoint", Map.of("serviceName", service == null ? "unknown" : service));
    Map<String, Object> tags = new LinkedHashMap<>();
    span.resource()
        .attributes()
        .forEach(
            (key, value) -> {
              if (!key.equals(SemanticAttributes.SERVICE_NAME)) {
                tags.put(key.name(), tagValue(value));
              }
            });
    span.attributes().forEach((key, value) -> tags.put(key.name(), tagValue(value)));
    if (span.statusCode() != StatusCode.UNSET) {
      tags.put(STATUS_CODE_TAG, span.statusCode().name());
    }
    if (span.statusCode() == StatusCode.ERROR) {
      String description = span.statusDescription();
      tags.put(ERROR_TAG, description == null || description.isEmpty() ? "true" : description);
    }
    if (!tags.isEmpty()) {
      json.put("tags", tags);
    }
    if (!span.events().isEmpty()) {
      List<Object> annotations = new ArrayList<>();
      for (SpanEvent event : span.events()) {
        Map<String, Object> annotation = new LinkedHashMap<>();
        annotation.put("timestamp", event.epochNanos() / 1000);
        annotation.put("value", annotationValue(event));
        annotations.add(annotation);
      }
      json.put("annotations", annotations);
    }
    return json;
  }

  /** {@code name} alone, or {@code "name":{attributes as JSON}} as OpenTelemetry writes it. */
  private static String annotationValue(SpanEvent event) {
    Attributes attributes = event.attributes();
    if (attributes.isEmpty()) {
      return event.name();
    }
    Map<String, Object> values = new LinkedHashMap<>();
    attributes.forEach((AttributeKey<?> key, Object value) -> values.put(key.name(), value));
    StringBuilder out = new StringBuilder();
    Json.writeString(event.name(), out);
    out.append(':');
    Json.write(values, out);
    return out.toString();
  }

  /** A tag's text: a string array's elements joined by commas, as OpenTelemetry's exporter does. */
  private static String tagValue(Object value) {
    return value instanceof List<?> list
        ? String.join(",", list.stream().map(String::valueOf).toList())
        : String.valueOf(value);
  }
}

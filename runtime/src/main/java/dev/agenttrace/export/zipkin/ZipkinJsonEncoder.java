package dev.agenttrace.export.zipkin;

import dev.agenttrace.AttributeKey;
import dev.agenttrace.AttributeVisitor;
import dev.agenttrace.Attributes;
import dev.agenttrace.SemanticAttributes;
import dev.agenttrace.SpanKind;
import dev.agenttrace.StatusCode;
import dev.agenttrace.internal.json.Json;
import dev.agenttrace.spi.SpanData;
import dev.agenttrace.spi.SpanEvent;
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

  /**
   * The JSON list of {@code spans}, written in one pass into one buffer: ids go in as hex without
   * strings of their own and attributes are streamed from each span, so encoding makes no map or
   * copy per span.
   */
  static String encode(Collection<SpanData> spans) {
    StringBuilder out = new StringBuilder(512 * Math.max(1, spans.size()));
    TagWriter tags = new TagWriter(out);
    out.append('[');
    boolean first = true;
    for (SpanData span : spans) {
      if (!first) {
        out.append(',');
      }
      first = false;
      write(span, out, tags);
    }
    return out.append(']').toString();
  }

  private static void write(SpanData span, StringBuilder out, TagWriter tags) {
    out.append("{\"traceId\":\"");
    span.appendTraceId(out);
    if (span.parentSpanIdLong() != 0) {
      out.append("\",\"parentId\":\"");
      span.appendParentSpanId(out);
    }
    out.append("\",\"id\":\"");
    span.appendSpanId(out);
    out.append('"');
    if (span.kind() != SpanKind.INTERNAL) {
      out.append(",\"kind\":\"").append(span.kind().name()).append('"');
    }
    out.append(",\"name\":");
    Json.writeString(span.name(), out);
    out.append(",\"timestamp\":").append(span.startEpochNanos() / 1000);
    out.append(",\"duration\":").append(Math.max(1, span.durationNanos() / 1000));
    String service = span.resource().serviceName();
    out.append(",\"localEndpoint\":{\"serviceName\":");
    Json.writeString(service == null ? "unknown" : service, out);
    out.append('}');
    tags.write(span);
    List<SpanEvent> events = span.events();
    if (!events.isEmpty()) {
      out.append(",\"annotations\":[");
      for (int i = 0; i < events.size(); i++) {
        SpanEvent event = events.get(i);
        out.append(i == 0 ? "{\"timestamp\":" : ",{\"timestamp\":")
            .append(event.epochNanos() / 1000)
            .append(",\"value\":");
        Json.writeString(annotationValue(event), out);
        out.append('}');
      }
      out.append(']');
    }
    out.append('}');
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

  /**
   * Writes a span's {@code "tags"} member: the resource's attributes but the service name, the
   * span's attributes, then the status tags, each name once (a later source wins, as in a map: a
   * span attribute over a resource attribute of the same name, a status tag over both). Zipkin tags
   * are strings: a string array becomes its elements joined by commas, as OpenTelemetry's exporter
   * writes it. One writer serves a whole batch.
   */
  private static final class TagWriter implements AttributeVisitor {
    private final StringBuilder out;
    private SpanData span;
    private boolean statusTags;
    private boolean skipResourceNamesOfSpan;
    private boolean any;
    private final NameFinder nameFinder = new NameFinder();

    TagWriter(StringBuilder out) {
      this.out = out;
    }

    void write(SpanData span) {
      this.span = span;
      StatusCode status = span.statusCode();
      statusTags = status != StatusCode.UNSET;
      any = false;
      skipResourceNamesOfSpan = true;
      span.resource().attributes().forEachAttribute(this);
      skipResourceNamesOfSpan = false;
      span.forEachAttribute(this);
      if (statusTags) {
        tag(STATUS_CODE_TAG).append('"').append(status.name()).append('"');
        if (status == StatusCode.ERROR) {
          String description = span.statusDescription();
          tag(ERROR_TAG);
          Json.writeString(
              description == null || description.isEmpty() ? "true" : description, out);
        }
      }
      if (any) {
        out.append('}');
      }
      this.span = null;
    }

    @Override
    public void visit(AttributeKey<?> key, Object value) {
      if (!written(key)) {
        return;
      }
      tag(key.name());
      if (value instanceof List<?> list) {
        StringBuilder joined = new StringBuilder();
        for (Object element : list) {
          if (joined.length() > 0) {
            joined.append(',');
          }
          joined.append(element);
        }
        Json.writeString(joined.toString(), out);
      } else if (value instanceof String string) {
        Json.writeString(string, out);
      } else {
        out.append('"').append(value).append('"');
      }
    }

    @Override
    public void visitLong(AttributeKey<?> key, long value) {
      if (written(key)) {
        tag(key.name()).append('"').append(value).append('"');
      }
    }

    /** Whether {@code key} is written from the source being visited, or a later one replaces it. */
    private boolean written(AttributeKey<?> key) {
      String name = key.name();
      if (statusTags && (name.equals(STATUS_CODE_TAG) || name.equals(ERROR_TAG))) {
        return false;
      }
      if (skipResourceNamesOfSpan) {
        return !key.equals(SemanticAttributes.SERVICE_NAME) && !spanHasAttributeNamed(name);
      }
      return true;
    }

    private boolean spanHasAttributeNamed(String name) {
      nameFinder.name = name;
      nameFinder.found = false;
      span.forEachAttribute(nameFinder);
      return nameFinder.found;
    }

    /** Opens the tags object if needed and writes {@code "name":}; returns the buffer. */
    private StringBuilder tag(String name) {
      out.append(any ? "," : ",\"tags\":{");
      any = true;
      Json.writeString(name, out);
      return out.append(':');
    }
  }

  /** Looks for an attribute by name whatever its type: a resource tag a span attribute replaces. */
  private static final class NameFinder implements AttributeVisitor {
    String name;
    boolean found;

    @Override
    public void visit(AttributeKey<?> key, Object value) {
      found |= key.name().equals(name);
    }

    @Override
    public void visitLong(AttributeKey<?> key, long value) {
      found |= key.name().equals(name);
    }
  }
}

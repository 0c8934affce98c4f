package dev.agenttrace.view;

import dev.agenttrace.SpanLink;
import dev.agenttrace.StatusCode;
import dev.agenttrace.internal.json.Json;
import dev.agenttrace.spi.SpanData;
import dev.agenttrace.spi.SpanEvent;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Writes traces as one self-contained HTML page: the styles, the script and the trace data are all
 * inside the file, which loads nothing from anywhere (no scripts, fonts, images or network), so it
 * can be mailed, attached to an issue or opened offline.
 *
 * <p>The page shows a waterfall of one trace at a time (a selector switches between traces), with
 * failed spans in red, orphans and clock-skew moves marked; a search box that keeps the spans whose
 * name or service contains the text; an "errors only" switch; and, on a click, a details panel with
 * the span's service, ids, timing, status, attributes, events and exceptions (type, message, stack
 * trace), links and resource. Subtrees fold and unfold. Only the rows in view are in the document
 * at any time, so a trace of 10,000 spans opens and scrolls as quickly as one of ten.
 */
public final class HtmlPageRenderer {
  private static final String TEMPLATE = "trace-page.html";
  private static final String DATA_MARKER = "/*TRACE_DATA*/";
  private static final String TITLE_MARKER = "<!--TITLE-->";

  private HtmlPageRenderer() {}

  /** The page showing {@code traces}. */
  public static String render(List<Trace> traces) {
    String template = template();
    String title = "AgentTrace";
    if (!traces.isEmpty()) {
      SpanNode first = traces.get(0).roots().get(0);
      title = first.span().name() + " - AgentTrace";
    }
    StringBuilder data = new StringBuilder(traces.size() * 4096);
    Json.write(data(traces), data);
    return template
        .replace(TITLE_MARKER, Markup.escape(title))
        .replace(DATA_MARKER, scriptSafe(data));
  }

  private static Map<String, Object> data(List<Trace> traces) {
    List<Object> json = new ArrayList<>();
    for (Trace trace : traces) {
      json.add(trace(trace));
    }
    return Map.of("traces", json);
  }

  private static Map<String, Object> trace(Trace trace) {
    long origin = trace.startEpochNanos();
    List<SpanNode> nodes = trace.spansDepthFirst();
    Map<String, Integer> index = new HashMap<>();
    List<String> services = new ArrayList<>(trace.serviceNames());
    Map<String, Integer> serviceIndex = new HashMap<>();
    for (String service : services) {
      serviceIndex.put(service, serviceIndex.size());
    }
    Map<String, ClockSkewAdjustment> moves = new HashMap<>();
    for (ClockSkewAdjustment adjustment : trace.clockSkewAdjustments()) {
      moves.put(adjustment.spanId(), adjustment);
    }
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
      json.put("n", span.name());
      json.put("s", serviceIndex.get(node.serviceName()));
      json.put("k", span.kind().name());
      json.put("c", SpanCategory.of(span).name().toLowerCase(Locale.ROOT));
      json.put("t", node.startEpochNanos() - origin);
      json.put("du", span.durationNanos());
      json.put("se", node.selfNanos());
      if (span.statusCode() != StatusCode.UNSET) {
        json.put("st", span.statusCode().name());
      }
      if (span.statusDescription() != null) {
        json.put("sd", span.statusDescription());
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
      json.put("a", span.attributes().asMap());
      if (!span.events().isEmpty()) {
        List<Object> events = new ArrayList<>();
        for (SpanEvent event : span.events()) {
          Map<String, Object> e = new LinkedHashMap<>();
          e.put("n", event.name());
          e.put("t", event.epochNanos() - origin);
          e.put("a", event.attributes().asMap());
          events.add(e);
        }
        json.put("ev", events);
      }
      if (!span.links().isEmpty()) {
        List<Object> links = new ArrayList<>();
        for (SpanLink link : span.links()) {
          Map<String, Object> l = new LinkedHashMap<>();
          l.put("trace", link.spanContext().traceId());
          l.put("span", link.spanContext().spanId());
          l.put("a", link.attributes().asMap());
          links.add(l);
        }
        json.put("l", links);
      }
      json.put("r", span.resource().attributes().asMap());
      spans.add(json);
    }
    List<String> adjustments = new ArrayList<>();
    for (ClockSkewAdjustment adjustment : trace.clockSkewAdjustments()) {
      adjustments.add(adjustment.describe());
    }
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("id", trace.traceId());
    json.put("start", origin / 1_000_000);
    json.put("du", trace.endEpochNanos() - origin);
    json.put("services", services);
    json.put("skew", adjustments);
    json.put("spans", spans);
    return json;
  }

  /**
   * JSON made safe inside a {@code <script>} element: {@code <} only ever occurs inside JSON
   * strings, where {@code \u003c} means the same, so no {@code </script>} or {@code <!--} can end
   * or confuse the element.
   */
  private static String scriptSafe(CharSequence json) {
    StringBuilder out = new StringBuilder(json.length() + 64);
    for (int i = 0; i < json.length(); i++) {
      char c = json.charAt(i);
      if (c == '<') {
        out.append("\\u003c");
      } else {
        out.append(c);
      }
    }
    return out.toString();
  }

  private static String template() {
    try (InputStream in = HtmlPageRenderer.class.getResourceAsStream(TEMPLATE)) {
      if (in == null) {
        throw new IllegalStateException(TEMPLATE + " is missing from the runtime jar");
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + TEMPLATE + " from the runtime jar", e);
    }
  }
}

package dev.agenttrace.view;

import dev.agenttrace.SpanData;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Rebuilds whole traces from spans that may arrive in any order, from any number of services. A
 * span whose parent is missing is kept as an extra top-level node of its trace (an orphan), never
 * dropped; spans of different traces are kept apart.
 */
public final class TraceAssembler {
  static final Comparator<SpanNode> BY_START =
      Comparator.comparingLong((SpanNode node) -> node.span().startEpochNanos())
          .thenComparing(node -> node.span().spanId());

  private TraceAssembler() {}

  /** The traces of {@code spans}, earliest first. */
  public static List<Trace> assemble(Collection<? extends SpanData> spans) {
    Map<String, List<SpanData>> byTrace = new LinkedHashMap<>();
    for (SpanData span : spans) {
      byTrace.computeIfAbsent(span.traceId(), id -> new ArrayList<>()).add(span);
    }
    List<Trace> traces = new ArrayList<>();
    for (Map.Entry<String, List<SpanData>> entry : byTrace.entrySet()) {
      traces.add(assembleOne(entry.getKey(), entry.getValue()));
    }
    traces.sort(Comparator.comparingLong(Trace::startEpochNanos));
    return traces;
  }

  private static Trace assembleOne(String traceId, List<SpanData> spans) {
    Map<String, SpanData> byId = new HashMap<>();
    for (SpanData span : spans) {
      byId.putIfAbsent(span.spanId(), span);
    }
    Map<String, SpanNode> nodes = new HashMap<>();
    for (SpanData span : byId.values()) {
      String parent = span.parentSpanId();
      boolean orphan = parent != null && !byId.containsKey(parent);
      nodes.put(span.spanId(), new SpanNode(span, orphan));
    }
    List<SpanNode> roots = new ArrayList<>();
    for (SpanNode node : nodes.values()) {
      String parent = node.span().parentSpanId();
      SpanNode parentNode = parent == null ? null : nodes.get(parent);
      if (parentNode == null) {
        roots.add(node);
      } else {
        parentNode.addChild(node);
      }
    }
    roots.sort(
        Comparator.comparing(SpanNode::isOrphan).thenComparing(BY_START));
    for (SpanNode root : roots) {
      root.sortChildren();
    }
    return new Trace(traceId, roots, nodes.size());
  }
}

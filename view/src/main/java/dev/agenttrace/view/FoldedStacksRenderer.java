package dev.agenttrace.view;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Writes traces as folded stacks, the input of Brendan Gregg's {@code flamegraph.pl}, speedscope
 * and most flame-graph tools: one line per call path, the span names from the root down joined by
 * {@code ;}, a space, and the path's <em>self time</em> in microseconds (the time its last span
 * spent outside all of its children). Equal paths of all traces are summed, so the flame graph
 * shows where time went across every run in the input. Lines are sorted; paths without self time
 * are left out.
 *
 * <pre>
 * invoke_agent orchestrator 107000
 * invoke_agent orchestrator;chat scripted-model 80000
 * invoke_agent orchestrator;execute_tool lookup_order 25000
 * </pre>
 */
public final class FoldedStacksRenderer {
  private FoldedStacksRenderer() {}

  /** The folded stacks of {@code traces}, one line per distinct path. */
  public static String render(List<Trace> traces) {
    Map<String, Long> micros = new TreeMap<>();
    for (Trace trace : traces) {
      for (SpanNode root : trace.roots()) {
        fold(root, micros);
      }
    }
    StringBuilder out = new StringBuilder();
    for (Map.Entry<String, Long> entry : micros.entrySet()) {
      if (entry.getValue() > 0) {
        out.append(entry.getKey()).append(' ').append(entry.getValue()).append('\n');
      }
    }
    return out.toString();
  }

  private static void fold(SpanNode root, Map<String, Long> micros) {
    List<SpanNode> nodes = new ArrayList<>();
    List<String> paths = new ArrayList<>();
    nodes.add(root);
    paths.add(frame(root));
    while (!nodes.isEmpty()) {
      SpanNode node = nodes.remove(nodes.size() - 1);
      String path = paths.remove(paths.size() - 1);
      micros.merge(path, node.selfNanos() / 1_000, Long::sum);
      for (SpanNode child : node.children()) {
        nodes.add(child);
        paths.add(path + ';' + frame(child));
      }
    }
  }

  /** The span's name as one frame: no separators, no line breaks. */
  static String frame(SpanNode node) {
    return node.span().name().replace(';', ':').replace('\n', ' ').replace('\r', ' ');
  }
}

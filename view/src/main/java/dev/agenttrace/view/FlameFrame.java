package dev.agenttrace.view;

import dev.agenttrace.StatusCode;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * One box of a flame graph: all spans reached by the same path of names and outcomes, merged across
 * traces. Failed spans are kept apart from successful spans of the same name: a box is either all
 * successes or all failures, so one failed call among twenty never paints the other nineteen red,
 * and the two boxes' widths show the failure share. Its total is its self time plus its children's
 * totals, so children always fit inside it.
 */
final class FlameFrame {
  private final String name;
  private final SpanCategory category;
  private final boolean failed;
  private final Map<String, FlameFrame> children = new TreeMap<>();
  private long selfNanos;
  private long totalNanos;
  private int calls;
  private int errors;

  FlameFrame(String name, SpanCategory category, boolean failed) {
    this.name = name;
    this.category = category;
    this.failed = failed;
  }

  /** The merged frames of all spans of {@code traces}, under one root frame named {@code name}. */
  static FlameFrame merge(String name, List<Trace> traces) {
    FlameFrame all = new FlameFrame(name, SpanCategory.OTHER, false);
    for (Trace trace : traces) {
      for (SpanNode root : trace.roots()) {
        all.add(root);
      }
    }
    all.computeTotals();
    return all;
  }

  private void add(SpanNode node) {
    String name = FoldedStacksRenderer.frame(node);
    boolean failed = node.span().statusCode() == StatusCode.ERROR;
    // "\0" sorts before any character of a name: the failed box sits right after the successful
    // one.
    FlameFrame frame =
        children.computeIfAbsent(
            failed ? name + "\0failed" : name,
            key -> new FlameFrame(name, SpanCategory.of(node.span()), failed));
    frame.calls++;
    frame.selfNanos += node.selfNanos();
    if (failed) {
      frame.errors++;
    }
    for (SpanNode child : node.children()) {
      frame.add(child);
    }
  }

  private long computeTotals() {
    long total = selfNanos;
    for (FlameFrame child : children.values()) {
      total += child.computeTotals();
    }
    totalNanos = total;
    return total;
  }

  String name() {
    return name;
  }

  SpanCategory category() {
    return category;
  }

  /** Whether this box stands for failed spans (every one of its calls failed). */
  boolean failed() {
    return failed;
  }

  /** The frames called from this one, by name. */
  Collection<FlameFrame> children() {
    return children.values();
  }

  long selfNanos() {
    return selfNanos;
  }

  long totalNanos() {
    return totalNanos;
  }

  /** How many spans were merged into this frame. */
  int calls() {
    return calls;
  }

  /** How many of them failed. */
  int errors() {
    return errors;
  }

  /** How many levels of frames there are, this one included. */
  int height() {
    int max = 0;
    for (FlameFrame child : children.values()) {
      max = Math.max(max, child.height());
    }
    return max + 1;
  }
}

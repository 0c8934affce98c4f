package dev.agenttrace.view;

import dev.agenttrace.spi.SpanData;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Rebuilds whole traces from spans that may arrive in any order, from any number of services and
 * files. A span whose parent is missing is kept as an extra top-level node of its trace (an
 * orphan), never dropped; spans of different traces are kept apart; a span seen twice (the same
 * span id in two files) is kept once, preferring a copy that has ended.
 *
 * <p>Clock skew: when a span was recorded by another service than its parent and does not lie
 * within its parent's time, the two machines' clocks disagree. The span is moved into its parent's
 * time, as Jaeger's clock-skew adjuster does: centred in the parent when it is shorter (the network
 * latency on the way in and out is taken to be the same), aligned on the parent's start when it is
 * longer. Its descendants from the same service move with it. Each move is reported in {@link
 * Trace#clockSkewAdjustments()}. Spans of the same service are never moved: a child outliving its
 * parent there is real (asynchronous work), not skew.
 */
public final class TraceAssembler {
  static final Comparator<SpanNode> BY_START =
      Comparator.comparingLong((SpanNode node) -> node.span().startEpochNanos())
          .thenComparing(node -> node.span().spanId());

  private TraceAssembler() {}

  /** The traces of {@code spans}, earliest first, with clock skew between services adjusted. */
  public static List<Trace> assemble(Collection<? extends SpanData> spans) {
    return assemble(spans, true);
  }

  /**
   * The traces of {@code spans}, earliest first.
   *
   * @param adjustClockSkew whether to move spans of other services into their parents' time
   */
  public static List<Trace> assemble(
      Collection<? extends SpanData> spans, boolean adjustClockSkew) {
    Map<String, List<SpanData>> byTrace = new LinkedHashMap<>();
    for (SpanData span : spans) {
      byTrace.computeIfAbsent(span.traceId(), id -> new ArrayList<>()).add(span);
    }
    List<Trace> traces = new ArrayList<>();
    for (Map.Entry<String, List<SpanData>> entry : byTrace.entrySet()) {
      traces.add(assembleOne(entry.getKey(), entry.getValue(), adjustClockSkew));
    }
    traces.sort(Comparator.comparingLong(Trace::startEpochNanos).thenComparing(Trace::traceId));
    return traces;
  }

  private static Trace assembleOne(String traceId, List<SpanData> spans, boolean adjustClockSkew) {
    Map<String, SpanData> byId = new HashMap<>();
    for (SpanData span : spans) {
      // The same span twice (two files, or a retried export): keep the first ended copy.
      byId.merge(span.spanId(), span, (kept, other) -> kept.hasEnded() ? kept : other);
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
    breakCycles(nodes, roots);
    List<ClockSkewAdjustment> adjustments = new ArrayList<>();
    if (adjustClockSkew) {
      for (SpanNode root : roots) {
        adjustChildren(root, 0, adjustments);
      }
    }
    roots.sort(Comparator.comparing(SpanNode::isOrphan).thenComparing(BY_START));
    for (SpanNode root : roots) {
      root.sortChildren(0);
    }
    return new Trace(traceId, roots, nodes.size(), adjustments);
  }

  /**
   * Spans whose parent chain loops back on itself (malformed input: a span naming itself or a
   * descendant as parent) are reachable from no root. Each loop is cut above its earliest span,
   * which becomes an orphan, so that no span is lost and every walk of the tree ends.
   */
  private static void breakCycles(Map<String, SpanNode> nodes, List<SpanNode> roots) {
    Set<SpanNode> reached = new HashSet<>();
    for (SpanNode root : roots) {
      reach(root, reached);
    }
    if (reached.size() == nodes.size()) {
      return;
    }
    List<SpanNode> unreached = new ArrayList<>();
    for (SpanNode node : nodes.values()) {
      if (!reached.contains(node)) {
        unreached.add(node);
      }
    }
    unreached.sort(BY_START);
    for (SpanNode node : unreached) {
      if (!reached.contains(node)) {
        nodes.get(node.span().parentSpanId()).removeChild(node);
        node.markOrphan();
        roots.add(node);
        reach(node, reached);
      }
    }
  }

  private static void reach(SpanNode from, Set<SpanNode> reached) {
    List<SpanNode> pending = new ArrayList<>();
    pending.add(from);
    while (!pending.isEmpty()) {
      SpanNode node = pending.remove(pending.size() - 1);
      if (reached.add(node)) {
        pending.addAll(node.children());
      }
    }
  }

  /**
   * Moves the descendants of {@code root}: a child of the same service as its parent by the
   * parent's shift, a child of another service into the parent's (already moved) time. Iterative,
   * so that deep traces cannot overflow the stack.
   */
  private static void adjustChildren(
      SpanNode root, long rootShift, List<ClockSkewAdjustment> adjustments) {
    List<SpanNode> pending = new ArrayList<>();
    List<Long> shifts = new ArrayList<>();
    pending.add(root);
    shifts.add(rootShift);
    while (!pending.isEmpty()) {
      SpanNode parent = pending.remove(pending.size() - 1);
      long parentShift = shifts.remove(shifts.size() - 1);
      for (SpanNode child : parent.children()) {
        long shift;
        if (child.serviceName().equals(parent.serviceName())) {
          shift = parentShift;
        } else {
          shift = skew(parent, child);
          if (shift != 0) {
            adjustments.add(
                new ClockSkewAdjustment(
                    child.span().spanId(),
                    child.span().name(),
                    child.serviceName(),
                    parent.serviceName(),
                    shift));
          }
        }
        if (shift != 0) {
          child.shift(shift);
        }
        pending.add(child);
        shifts.add(shift);
      }
    }
  }

  /** How far {@code child} must move to lie within {@code parent}; 0 when it already does. */
  private static long skew(SpanNode parent, SpanNode child) {
    long parentStart = parent.startEpochNanos();
    long childStart = child.startEpochNanos();
    if (childStart >= parentStart && child.endEpochNanos() <= parent.endEpochNanos()) {
      return 0;
    }
    long parentDuration = parent.span().durationNanos();
    long childDuration = child.span().durationNanos();
    if (childDuration >= parentDuration) {
      return parentStart - childStart;
    }
    long latency = (parentDuration - childDuration) / 2;
    return parentStart + latency - childStart;
  }
}

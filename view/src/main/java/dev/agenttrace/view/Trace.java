package dev.agenttrace.view;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * One trace rebuilt from its spans: the root spans (normally one; more when parents are missing)
 * with their descendants.
 */
public final class Trace {
  private final String traceId;
  private final List<SpanNode> roots;
  private final int spanCount;
  private final List<ClockSkewAdjustment> clockSkewAdjustments;
  private final long startEpochNanos;
  private final long endEpochNanos;

  Trace(
      String traceId,
      List<SpanNode> roots,
      int spanCount,
      List<ClockSkewAdjustment> clockSkewAdjustments) {
    this.traceId = traceId;
    this.roots = roots;
    this.spanCount = spanCount;
    this.clockSkewAdjustments = List.copyOf(clockSkewAdjustments);
    long start = Long.MAX_VALUE;
    long end = Long.MIN_VALUE;
    for (SpanNode node : spansDepthFirst()) {
      start = Math.min(start, node.startEpochNanos());
      end = Math.max(end, node.endEpochNanos());
    }
    this.startEpochNanos = start;
    this.endEpochNanos = end;
  }

  /** The trace id, 32 lowercase hex characters. */
  public String traceId() {
    return traceId;
  }

  /** The top-level nodes: the root span first, then orphans, each ordered by start time. */
  public List<SpanNode> roots() {
    return Collections.unmodifiableList(roots);
  }

  /** How many spans the trace has. */
  public int spanCount() {
    return spanCount;
  }

  /**
   * The spans that were moved into their parents' time because their service's clock disagreed with
   * the parent's, in the order found (parents before their children); empty when none.
   */
  public List<ClockSkewAdjustment> clockSkewAdjustments() {
    return clockSkewAdjustments;
  }

  /** Every span of the trace, depth first in the order the tree shows them. */
  public List<SpanNode> spansDepthFirst() {
    List<SpanNode> all = new ArrayList<>(spanCount);
    Deque<SpanNode> pending = new ArrayDeque<>();
    for (int i = roots.size() - 1; i >= 0; i--) {
      pending.push(roots.get(i));
    }
    while (!pending.isEmpty()) {
      SpanNode node = pending.pop();
      all.add(node);
      List<SpanNode> children = node.children();
      for (int i = children.size() - 1; i >= 0; i--) {
        pending.push(children.get(i));
      }
    }
    return all;
  }

  /** The earliest start among all spans, in epoch nanoseconds. */
  public long startEpochNanos() {
    return startEpochNanos;
  }

  /** The latest end among all spans (children may outlive the root), in epoch nanoseconds. */
  public long endEpochNanos() {
    return endEpochNanos;
  }

  /** The names of the services whose spans are in the trace, in the order first seen. */
  public Set<String> serviceNames() {
    Set<String> names = new LinkedHashSet<>();
    for (SpanNode node : spansDepthFirst()) {
      names.add(node.serviceName());
    }
    return names;
  }
}

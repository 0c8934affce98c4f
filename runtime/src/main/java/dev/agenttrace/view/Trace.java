package dev.agenttrace.view;

import dev.agenttrace.SpanData;
import java.util.Collections;
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

  Trace(String traceId, List<SpanNode> roots, int spanCount) {
    this.traceId = traceId;
    this.roots = roots;
    this.spanCount = spanCount;
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

  /** The earliest start among the top-level spans, in epoch nanoseconds. */
  public long startEpochNanos() {
    long start = Long.MAX_VALUE;
    for (SpanNode root : roots) {
      start = Math.min(start, root.span().startEpochNanos());
    }
    return start;
  }

  /** The latest end among the top-level spans, in epoch nanoseconds. */
  public long endEpochNanos() {
    long end = Long.MIN_VALUE;
    for (SpanNode root : roots) {
      end = Math.max(end, root.span().endEpochNanos());
    }
    return end;
  }

  /** The names of the services whose spans are in the trace, in the order first seen. */
  public Set<String> serviceNames() {
    Set<String> names = new LinkedHashSet<>();
    for (SpanNode root : roots) {
      collectServices(root, names);
    }
    return names;
  }

  private static void collectServices(SpanNode node, Set<String> names) {
    SpanData span = node.span();
    names.add(span.resource().serviceName());
    for (SpanNode child : node.children()) {
      collectServices(child, names);
    }
  }
}

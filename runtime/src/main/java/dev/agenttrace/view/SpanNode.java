package dev.agenttrace.view;

import dev.agenttrace.SpanData;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** A span in an assembled trace, with its children ordered by start time. */
public final class SpanNode {
  private final SpanData span;
  private final List<SpanNode> children = new ArrayList<>();
  private final boolean orphan;

  SpanNode(SpanData span, boolean orphan) {
    this.span = span;
    this.orphan = orphan;
  }

  /** The span. */
  public SpanData span() {
    return span;
  }

  /** The spans whose parent is this one, earliest first. */
  public List<SpanNode> children() {
    return Collections.unmodifiableList(children);
  }

  /**
   * Whether this span names a parent that is not in the trace (lost, or recorded by a service whose
   * spans were not collected). Orphans are shown under the trace rather than dropped.
   */
  public boolean isOrphan() {
    return orphan;
  }

  void addChild(SpanNode child) {
    children.add(child);
  }

  void sortChildren() {
    children.sort(TraceAssembler.BY_START);
    for (SpanNode child : children) {
      child.sortChildren();
    }
  }
}

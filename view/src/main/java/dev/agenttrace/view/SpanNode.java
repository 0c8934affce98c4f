package dev.agenttrace.view;

import dev.agenttrace.spi.ImmutableSpanData;
import dev.agenttrace.spi.Resource;
import dev.agenttrace.spi.SpanData;
import dev.agenttrace.spi.SpanEvent;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * A span in an assembled trace, with its children ordered by start time. When the span's clock was
 * found skewed against its parent's, {@link #span()} is the span shifted into its parent's time and
 * {@link #clockSkewNanos()} says by how much.
 */
public final class SpanNode {
  private SpanData span;
  private final List<SpanNode> children = new ArrayList<>();
  private boolean orphan;
  private long clockSkewNanos;
  private long selfNanos = -1;
  private int depth;

  SpanNode(SpanData span, boolean orphan) {
    this.span = span;
    this.orphan = orphan;
  }

  /** The span, with its timestamps adjusted for clock skew (see {@link #clockSkewNanos()}). */
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

  /** How deep the span sits in its trace: 0 for the root and orphans, 1 for their children... */
  public int depth() {
    return depth;
  }

  /**
   * The service that recorded the span: its resource's {@code service.name}, or OpenTelemetry's
   * {@code unknown_service:java} when it has none as a string.
   */
  public String serviceName() {
    String name = span.resource().serviceName();
    return name == null ? Resource.UNKNOWN_SERVICE : name;
  }

  /** When the span started, in epoch nanoseconds, after any clock-skew adjustment. */
  public long startEpochNanos() {
    return span.startEpochNanos();
  }

  /**
   * When the span ended, in epoch nanoseconds: its start plus its (monotonic) duration, so that the
   * span's length on a timeline is its duration.
   */
  public long endEpochNanos() {
    return span.startEpochNanos() + span.durationNanos();
  }

  /**
   * How much the span's timestamps were moved to put it inside its parent's time (positive: later),
   * 0 when they were not. Spans move with their parent when the parent moved and both were recorded
   * by the same service.
   */
  public long clockSkewNanos() {
    return clockSkewNanos;
  }

  /**
   * The span's own time: its duration minus the time covered by at least one of its children
   * (children running in parallel are counted once, and only within this span's time).
   */
  public long selfNanos() {
    if (selfNanos < 0) {
      selfNanos = span.durationNanos() - childCoverage();
    }
    return selfNanos;
  }

  private long childCoverage() {
    long start = startEpochNanos();
    long end = endEpochNanos();
    long covered = 0;
    long reach = start;
    // Children are sorted by start, so one sweep merges overlapping intervals.
    for (SpanNode child : children) {
      long from = Math.max(reach, Math.max(start, child.startEpochNanos()));
      long to = Math.min(end, child.endEpochNanos());
      if (to > from) {
        covered += to - from;
        reach = to;
      }
    }
    return covered;
  }

  void addChild(SpanNode child) {
    children.add(child);
  }

  void removeChild(SpanNode child) {
    children.remove(child);
  }

  /** Makes this node an orphan: its parent is not (or, in a cycle, cannot be) above it. */
  void markOrphan() {
    orphan = true;
  }

  /** Orders the subtree's children by start and numbers depths, this node at {@code depth}. */
  void sortChildren(int depth) {
    this.depth = depth;
    children.sort(TraceAssembler.BY_START);
    for (SpanNode child : children) {
      child.sortChildren(depth + 1);
    }
  }

  /** Moves the span's timestamps (start, end, events) by {@code nanos}. */
  void shift(long nanos) {
    clockSkewNanos += nanos;
    List<SpanEvent> events = new ArrayList<>(span.events().size());
    for (SpanEvent event : span.events()) {
      events.add(new SpanEvent(event.name(), event.epochNanos() + nanos, event.attributes()));
    }
    span =
        new ImmutableSpanData(
            span.name(),
            span.kind(),
            span.spanContext(),
            span.parentSpanContext(),
            span.startEpochNanos() + nanos,
            span.endEpochNanos() + nanos,
            span.durationNanos(),
            span.attributes(),
            events,
            span.links(),
            span.statusCode(),
            span.statusDescription(),
            span.hasEnded(),
            span.resource());
  }
}

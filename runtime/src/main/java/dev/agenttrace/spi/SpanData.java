package dev.agenttrace.spi;

import dev.agenttrace.AttributeKey;
import dev.agenttrace.AttributeVisitor;
import dev.agenttrace.Attributes;
import dev.agenttrace.SpanContext;
import dev.agenttrace.SpanKind;
import dev.agenttrace.SpanLink;
import dev.agenttrace.StatusCode;
import dev.agenttrace.internal.Ids;
import java.util.List;

/**
 * What a span recorded, read by processors, exporters and views. For an ended span nothing changes
 * any more, so it may be read from any thread once handed over.
 */
public interface SpanData {
  /** The span's name, such as {@code execute_tool lookup_order}. */
  String name();

  /** The span's kind. */
  SpanKind kind();

  /** The span's own identity. */
  SpanContext spanContext();

  /** The parent's identity, or {@link SpanContext#invalid()} for a root span. */
  SpanContext parentSpanContext();

  /**
   * Whether the sampled flag of {@link #spanContext()} is set: {@code spanContext().isSampled()},
   * which implementations may answer without building the span context.
   */
  default boolean isSampled() {
    return spanContext().isSampled();
  }

  /** The trace id as 32 lowercase hex characters. */
  default String traceId() {
    return spanContext().traceId();
  }

  /** The span id as 16 lowercase hex characters. */
  default String spanId() {
    return spanContext().spanId();
  }

  /** The parent span id as 16 lowercase hex characters, or {@code null} for a root span. */
  default String parentSpanId() {
    SpanContext parent = parentSpanContext();
    return parent.isValid() ? parent.spanId() : null;
  }

  /** The high 64 bits of the trace id, without building the span context or a string. */
  default long traceIdHigh() {
    return spanContext().traceIdHigh();
  }

  /** The low 64 bits of the trace id, without building the span context or a string. */
  default long traceIdLow() {
    return spanContext().traceIdLow();
  }

  /** The span id as a number, without building the span context or a string. */
  default long spanIdLong() {
    return spanContext().spanIdLong();
  }

  /** The parent span id as a number, or 0 for a root span. */
  default long parentSpanIdLong() {
    SpanContext parent = parentSpanContext();
    return parent.isValid() ? parent.spanIdLong() : 0;
  }

  /**
   * Whether the parent came from another process ({@code parentSpanContext().isRemote()}): such a
   * span is the local root of its trace in this process. Implementations may answer without
   * building the parent's context.
   */
  default boolean hasRemoteParent() {
    return parentSpanContext().isRemote();
  }

  /**
   * Whether the span is the first of its trace in this process: a root, or a child of a remote
   * parent. Answered from {@link #parentSpanIdLong()} and {@link #hasRemoteParent()}, without
   * building the parent's context.
   */
  default boolean isLocalRoot() {
    return parentSpanIdLong() == 0 || hasRemoteParent();
  }

  /**
   * Appends the trace id as 32 lowercase hex characters to {@code out}: what {@link #traceId()}
   * returns, written into an encoder's buffer without a string of its own.
   */
  default void appendTraceId(StringBuilder out) {
    Ids.appendTraceIdHex(traceIdHigh(), traceIdLow(), out);
  }

  /** Appends the span id as 16 lowercase hex characters to {@code out}. */
  default void appendSpanId(StringBuilder out) {
    Ids.appendHex(spanIdLong(), out);
  }

  /**
   * Appends the parent span id as 16 lowercase hex characters to {@code out}, or nothing for a root
   * span.
   *
   * @return whether the span has a parent (and something was appended)
   */
  default boolean appendParentSpanId(StringBuilder out) {
    long parent = parentSpanIdLong();
    if (parent == 0) {
      return false;
    }
    Ids.appendHex(parent, out);
    return true;
  }

  /** When the span started, in nanoseconds since the epoch. */
  long startEpochNanos();

  /** When the span ended, in nanoseconds since the epoch; 0 while it runs. */
  long endEpochNanos();

  /**
   * How long the span took, in nanoseconds. Measured with a monotonic clock, so it is exact even if
   * the wall clock jumps; 0 while the span runs.
   */
  long durationNanos();

  /** The span's attributes, including those fixed by its template. */
  Attributes attributes();

  /**
   * The value of one attribute, or {@code null} when absent: the same as {@code
   * attributes().get(key)}. Processors on the hot path (metrics) read single attributes through it,
   * because a recording span answers it without building an {@link Attributes} copy.
   */
  default <T> T attribute(AttributeKey<T> key) {
    return attributes().get(key);
  }

  /**
   * Passes each attribute to {@code visitor}, in the order of {@link #attributes()}, with the same
   * keys and values. A recording span answers without building an {@link Attributes} copy and
   * passes a {@code long} it kept unboxed to {@link AttributeVisitor#visitLong}: exporters that
   * stream attributes into their encoding read them this way without allocating.
   */
  default void forEachAttribute(AttributeVisitor visitor) {
    attributes().forEachAttribute(visitor);
  }

  /** The events, in the order they were added. */
  List<SpanEvent> events();

  /** The links to other spans. */
  List<SpanLink> links();

  /**
   * About how many bytes of heap this span holds, counting its strings by length (see {@link
   * ApproximateSize}); a queue that bounds in bytes what waits for export asks it once the span has
   * ended, on the thread that ended it, so an implementation should answer without allocating. A
   * recording span does, and leaves out what it shares with other spans (its template's attributes,
   * the resource).
   */
  default long approximateSize() {
    return ApproximateSize.SPAN
        + ApproximateSize.ofAttributes(attributes())
        + ApproximateSize.ofEvents(events())
        + ApproximateSize.ofLinks(links())
        + (statusDescription() == null ? 0 : ApproximateSize.ofValue(statusDescription()));
  }

  /** The outcome. */
  StatusCode statusCode();

  /** What went wrong, for {@code ERROR}; otherwise {@code null}. */
  String statusDescription();

  /** Whether the span has ended. */
  boolean hasEnded();

  /** The resource of the tracer that recorded the span (service name and the like). */
  Resource resource();
}

package dev.agenttrace;

import static java.util.Objects.requireNonNull;

import dev.agenttrace.internal.Ids;

/**
 * The identity of a span that crosses process boundaries: trace id, span id, trace flags and trace
 * state, as the W3C Trace Context specification defines them. Immutable.
 *
 * <p>Ids are held as numbers; {@link #traceId()} and {@link #spanId()} format them as lowercase hex
 * on demand.
 */
public final class SpanContext {
  /** Trace flag: the caller may have recorded this trace ({@code sampled}). */
  public static final byte FLAG_SAMPLED = 0x01;

  /** Trace flag (W3C Trace Context Level 2): the trace id's rightmost 7 bytes are random. */
  public static final byte FLAG_RANDOM = 0x02;

  private static final SpanContext INVALID =
      new SpanContext(0, 0, 0, (byte) 0, TraceState.empty(), false);

  private final long traceIdHigh;
  private final long traceIdLow;
  private final long spanId;
  private final byte flags;
  private final TraceState traceState;
  private final boolean remote;

  private SpanContext(
      long traceIdHigh,
      long traceIdLow,
      long spanId,
      byte flags,
      TraceState traceState,
      boolean remote) {
    this.traceIdHigh = traceIdHigh;
    this.traceIdLow = traceIdLow;
    this.spanId = spanId;
    this.flags = flags;
    this.traceState = traceState;
    this.remote = remote;
  }

  /** The context of no span: all-zero ids. Never null where a context is expected. */
  public static SpanContext invalid() {
    return INVALID;
  }

  /** A context of a span created in this process. */
  public static SpanContext create(
      long traceIdHigh, long traceIdLow, long spanId, byte flags, TraceState traceState) {
    return new SpanContext(
        traceIdHigh, traceIdLow, spanId, flags, requireNonNull(traceState, "traceState"), false);
  }

  /** A context received from another process, for example parsed from a {@code traceparent}. */
  public static SpanContext createFromRemoteParent(
      long traceIdHigh, long traceIdLow, long spanId, byte flags, TraceState traceState) {
    return new SpanContext(
        traceIdHigh, traceIdLow, spanId, flags, requireNonNull(traceState, "traceState"), true);
  }

  /** The upper 64 bits of the trace id. */
  public long traceIdHigh() {
    return traceIdHigh;
  }

  /** The lower 64 bits of the trace id. */
  public long traceIdLow() {
    return traceIdLow;
  }

  /** The span id as a number; zero for the invalid context. */
  public long spanIdLong() {
    return spanId;
  }

  /** The trace id as 32 lowercase hex characters. */
  public String traceId() {
    return Ids.traceIdHex(traceIdHigh, traceIdLow);
  }

  /** The span id as 16 lowercase hex characters. */
  public String spanId() {
    return Ids.spanIdHex(spanId);
  }

  /** The W3C trace flags byte. */
  public byte flags() {
    return flags;
  }

  /** Whether the sampled flag is set: the span is recorded and exported. */
  public boolean isSampled() {
    return (flags & FLAG_SAMPLED) != 0;
  }

  /** The vendor trace state carried with this context. */
  public TraceState traceState() {
    return traceState;
  }

  /** Whether this context came from another process. */
  public boolean isRemote() {
    return remote;
  }

  /** Whether both ids are non-zero, as the W3C specification requires of a real span. */
  public boolean isValid() {
    return (traceIdHigh != 0 || traceIdLow != 0) && spanId != 0;
  }

  @Override
  public boolean equals(Object other) {
    if (!(other instanceof SpanContext)) {
      return false;
    }
    SpanContext that = (SpanContext) other;
    return traceIdHigh == that.traceIdHigh
        && traceIdLow == that.traceIdLow
        && spanId == that.spanId
        && flags == that.flags
        && remote == that.remote
        && traceState.equals(that.traceState);
  }

  @Override
  public int hashCode() {
    return Long.hashCode(traceIdHigh * 31 + traceIdLow) * 31 + Long.hashCode(spanId);
  }

  @Override
  public String toString() {
    return "SpanContext{traceId="
        + traceId()
        + ", spanId="
        + spanId()
        + ", flags="
        + String.format("%02x", flags)
        + (remote ? ", remote" : "")
        + '}';
  }
}

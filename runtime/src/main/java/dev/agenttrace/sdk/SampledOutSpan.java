package dev.agenttrace.sdk;

import dev.agenttrace.ContextStack;
import dev.agenttrace.NonRecordingSpanBase;
import dev.agenttrace.SpanContext;
import dev.agenttrace.TraceState;

/**
 * The span of a call the sampler dropped where no dropped parent can stand in for it (the root of a
 * dropped trace, or the first dropped span below a remote or recorded parent). It records nothing,
 * but it carries new ids, so that the services downstream see the trace id with {@code sampled=0}
 * and drop their part too.
 *
 * <p>One object, its own scope: the ids are kept as numbers and the {@link SpanContext} is made
 * only when asked (by a propagator, a child, log correlation), so a dropped root costs one small
 * allocation instead of a span, a context and a scope.
 */
final class SampledOutSpan extends NonRecordingSpanBase {
  private final long traceIdHigh;
  private final long traceIdLow;
  private final long spanId;
  private final byte flags;
  private final TraceState traceState;

  /** Made on the first {@link #spanContext()}; a racy single check is safe (it is immutable). */
  private SpanContext spanContext;

  SampledOutSpan(
      ContextStack creator,
      long traceIdHigh,
      long traceIdLow,
      long spanId,
      byte flags,
      TraceState traceState) {
    super(creator);
    this.traceIdHigh = traceIdHigh;
    this.traceIdLow = traceIdLow;
    this.spanId = spanId;
    this.flags = flags;
    this.traceState = traceState;
  }

  @Override
  public SpanContext spanContext() {
    SpanContext context = spanContext;
    if (context == null) {
      context = SpanContext.create(traceIdHigh, traceIdLow, spanId, flags, traceState);
      spanContext = context;
    }
    return context;
  }

  @Override
  public String toString() {
    return "SampledOutSpan{" + spanContext() + '}';
  }
}

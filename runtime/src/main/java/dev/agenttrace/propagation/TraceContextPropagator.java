package dev.agenttrace.propagation;

import dev.agenttrace.Context;
import dev.agenttrace.Span;
import dev.agenttrace.SpanContext;
import dev.agenttrace.TraceState;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.atomic.LongAdder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Propagates the span context in the W3C Trace Context headers {@code traceparent} and {@code
 * tracestate}.
 *
 * <p>Extracting: header names match in any case; repeated {@code tracestate} fields are combined in
 * order, while more than one {@code traceparent} field is invalid. An invalid {@code traceparent}
 * is ignored, and then {@code tracestate} is not even read (the specification forbids it): the next
 * span starts a new trace. An invalid {@code tracestate} is discarded without affecting {@code
 * traceparent}; of a key repeated in {@code tracestate} the first occurrence is kept (see {@link
 * TraceStateCodec}). A valid pair becomes a remote parent: {@link Span#wrap(SpanContext)} of a
 * context whose {@link SpanContext#isRemote()} is true, so the next span started with it is its
 * child in the same trace and inherits the trace state.
 *
 * <p>Injecting writes {@code traceparent} (version {@code 00}) and, when not empty, {@code
 * tracestate}, in lowercase; nothing when the context has no valid span.
 *
 * <p>What was thrown away is counted, for every use of this propagator in the JVM: {@link
 * #rejectedTraceParents()}, {@link #discardedTraceStates()} and {@link
 * #droppedTraceStateMembers()}.
 */
public final class TraceContextPropagator implements TextMapPropagator {
  /** The {@code traceparent} header name. */
  public static final String TRACEPARENT = "traceparent";

  /** The {@code tracestate} header name. */
  public static final String TRACESTATE = "tracestate";

  private static final Logger logger = LoggerFactory.getLogger(TraceContextPropagator.class);
  private static final TraceContextPropagator INSTANCE = new TraceContextPropagator();
  private static final List<String> FIELDS = List.of(TRACEPARENT, TRACESTATE);

  private final LongAdder rejectedTraceParents = new LongAdder();

  private TraceContextPropagator() {}

  /** The propagator. */
  public static TraceContextPropagator getInstance() {
    return INSTANCE;
  }

  @Override
  public Collection<String> fields() {
    return FIELDS;
  }

  @Override
  public <C> void inject(Context context, C carrier, TextMapSetter<C> setter) {
    try {
      SpanContext spanContext = context.span().spanContext();
      String traceparent = TraceParentCodec.format(spanContext);
      if (traceparent == null) {
        return;
      }
      setter.set(carrier, TRACEPARENT, traceparent);
      if (!spanContext.traceState().isEmpty()) {
        String tracestate = TraceStateCodec.format(spanContext.traceState());
        if (!tracestate.isEmpty()) {
          setter.set(carrier, TRACESTATE, tracestate);
        }
      }
    } catch (RuntimeException e) {
      logger.warn(
          "Could not inject trace context into {}; the call goes on without it", carrier, e);
    }
  }

  @Override
  public <C> Context extract(Context context, C carrier, TextMapGetter<C> getter) {
    try {
      SpanContext remote = extractSpanContext(carrier, getter);
      return remote.isValid() ? context.with(Span.wrap(remote)) : context;
    } catch (RuntimeException e) {
      logger.warn("Could not read trace context from {}; starting a new trace", carrier, e);
      return context;
    }
  }

  /**
   * The remote span context in {@code carrier}, or {@link SpanContext#invalid()} when there is none
   * or it is malformed.
   */
  public <C> SpanContext extractSpanContext(C carrier, TextMapGetter<C> getter) {
    List<String> traceparents = getter.getAll(carrier, TRACEPARENT);
    if (traceparents.isEmpty()) {
      return SpanContext.invalid();
    }
    if (traceparents.size() > 1) {
      rejectedTraceParents.increment();
      logger.debug("Ignoring {} repeated traceparent fields; starting a new trace", traceparents);
      return SpanContext.invalid();
    }
    SpanContext parsed = TraceParentCodec.parse(traceparents.get(0), TraceState.empty());
    if (!parsed.isValid()) {
      rejectedTraceParents.increment();
      logger.debug("Ignoring malformed traceparent '{}'; starting a new trace", traceparents);
      return parsed;
    }
    List<String> tracestates = getter.getAll(carrier, TRACESTATE);
    if (tracestates.isEmpty()) {
      return parsed;
    }
    TraceState state = TraceStateCodec.parse(String.join(",", tracestates));
    if (state == null) {
      logger.debug("Discarding malformed tracestate '{}'", tracestates);
      return parsed;
    }
    return SpanContext.createFromRemoteParent(
        parsed.traceIdHigh(), parsed.traceIdLow(), parsed.spanIdLong(), parsed.flags(), state);
  }

  /**
   * How many {@code traceparent} headers were present but rejected (malformed, or repeated) since
   * start, each of which restarted a trace.
   */
  public long rejectedTraceParents() {
    return rejectedTraceParents.sum();
  }

  /**
   * How many {@code tracestate} headers were discarded as a whole since start (see {@link
   * TraceStateCodec}).
   */
  public long discardedTraceStates() {
    return TraceStateCodec.discardedHeaders();
  }

  /** How many {@code tracestate} members repeating an earlier key were left out since start. */
  public long droppedTraceStateMembers() {
    return TraceStateCodec.droppedDuplicateMembers();
  }

  @Override
  public String toString() {
    return "W3C TraceContextPropagator";
  }
}

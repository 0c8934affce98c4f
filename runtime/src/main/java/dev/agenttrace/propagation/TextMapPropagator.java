package dev.agenttrace.propagation;

import dev.agenttrace.Context;
import java.util.Collection;

/**
 * Carries a {@link Context} across a process boundary in text fields: {@link #inject} writes the
 * context into an outgoing carrier, {@link #extract} reads it from an incoming one.
 *
 * <p>Guarantees of every implementation here: neither method throws into the caller, whatever the
 * carrier holds; a malformed field is ignored as its specification says (for {@code traceparent}:
 * the trace restarts) and logged at debug level.
 *
 * <pre>{@code
 * TextMapPropagator propagator = TextMapPropagator.w3c();
 * propagator.inject(Context.current(), headers, TextMapSetter.forMap());
 * Context remote = propagator.extract(Context.root(), headers, TextMapGetter.forMap());
 * }</pre>
 */
public interface TextMapPropagator {

  /** The W3C propagators: {@code traceparent}/{@code tracestate} and {@code baggage}. */
  static TextMapPropagator w3c() {
    return CompositePropagator.W3C;
  }

  /** A propagator that runs each of {@code propagators} in order. */
  static TextMapPropagator composite(TextMapPropagator... propagators) {
    return CompositePropagator.of(propagators);
  }

  /** The field names this propagator writes, such as {@code traceparent}. */
  Collection<String> fields();

  /** Writes what {@code context} carries into {@code carrier}. */
  <C> void inject(Context context, C carrier, TextMapSetter<C> setter);

  /**
   * Returns {@code context} with what {@code carrier} holds added: for trace context a remote
   * parent span, for baggage the received entries. Returns {@code context} unchanged when the
   * carrier holds nothing valid.
   */
  <C> Context extract(Context context, C carrier, TextMapGetter<C> getter);
}

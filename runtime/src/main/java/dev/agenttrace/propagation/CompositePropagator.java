package dev.agenttrace.propagation;

import static java.util.Objects.requireNonNull;

import dev.agenttrace.Context;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** Runs several propagators in order, for example trace context and baggage. */
public final class CompositePropagator implements TextMapPropagator {
  static final CompositePropagator W3C =
      new CompositePropagator(
          List.of(TraceContextPropagator.getInstance(), BaggagePropagator.getInstance()));

  private final List<TextMapPropagator> propagators;
  private final Collection<String> fields;

  private CompositePropagator(List<TextMapPropagator> propagators) {
    this.propagators = propagators;
    Set<String> names = new LinkedHashSet<>();
    for (TextMapPropagator propagator : propagators) {
      names.addAll(propagator.fields());
    }
    this.fields = Collections.unmodifiableSet(names);
  }

  /** A propagator running {@code propagators} in the given order. */
  public static CompositePropagator of(TextMapPropagator... propagators) {
    List<TextMapPropagator> list = new ArrayList<>(propagators.length);
    for (TextMapPropagator propagator : propagators) {
      list.add(requireNonNull(propagator, "propagator"));
    }
    return new CompositePropagator(List.copyOf(list));
  }

  @Override
  public Collection<String> fields() {
    return fields;
  }

  @Override
  public <C> void inject(Context context, C carrier, TextMapSetter<C> setter) {
    for (TextMapPropagator propagator : propagators) {
      propagator.inject(context, carrier, setter);
    }
  }

  @Override
  public <C> Context extract(Context context, C carrier, TextMapGetter<C> getter) {
    Context result = context;
    for (TextMapPropagator propagator : propagators) {
      result = propagator.extract(result, carrier, getter);
    }
    return result;
  }

  @Override
  public String toString() {
    return "CompositePropagator" + propagators;
  }
}

package dev.agenttrace.propagation;

import dev.agenttrace.Baggage;
import dev.agenttrace.Context;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Propagates {@link Baggage} in the W3C {@code baggage} header (see {@link BaggageCodec} for the
 * format and limits). Extracted entries are added to the context's baggage, replacing entries of
 * the same name; repeated {@code baggage} fields are combined in order, and the W3C limits (64
 * members, 8192 bytes) apply to all of them together. Members dropped on the way in are counted in
 * {@link #droppedMembers()}.
 */
public final class BaggagePropagator implements TextMapPropagator {
  /** The {@code baggage} header name. */
  public static final String BAGGAGE = "baggage";

  private static final Logger logger = LoggerFactory.getLogger(BaggagePropagator.class);
  private static final BaggagePropagator INSTANCE = new BaggagePropagator();
  private static final List<String> FIELDS = List.of(BAGGAGE);

  private BaggagePropagator() {}

  /** The propagator. */
  public static BaggagePropagator getInstance() {
    return INSTANCE;
  }

  @Override
  public Collection<String> fields() {
    return FIELDS;
  }

  @Override
  public <C> void inject(Context context, C carrier, TextMapSetter<C> setter) {
    try {
      Baggage baggage = context.baggage();
      if (baggage.isEmpty()) {
        return;
      }
      String header = BaggageCodec.format(baggage);
      if (!header.isEmpty()) {
        setter.set(carrier, BAGGAGE, header);
      }
    } catch (RuntimeException e) {
      logger.warn("Could not inject baggage into {}; the call goes on without it", carrier, e);
    }
  }

  @Override
  public <C> Context extract(Context context, C carrier, TextMapGetter<C> getter) {
    try {
      List<String> headers = getter.getAll(carrier, BAGGAGE);
      if (headers.isEmpty()) {
        return context;
      }
      Baggage received = BaggageCodec.parse(headers);
      if (received.isEmpty()) {
        return context;
      }
      if (context.baggage().isEmpty()) {
        return context.with(received);
      }
      Baggage.Builder merged = context.baggage().toBuilder();
      for (Map.Entry<String, Baggage.Entry> entry : received.entries().entrySet()) {
        merged.put(entry.getKey(), entry.getValue().value(), entry.getValue().metadata());
      }
      return context.with(merged.build());
    } catch (RuntimeException e) {
      logger.warn("Could not read baggage from {}; going on without it", carrier, e);
      return context;
    }
  }

  /**
   * How many received baggage members were dropped since start, for every use of the codec in the
   * JVM: malformed ones and those over the W3C limits of 64 members and 8192 bytes per request.
   */
  public long droppedMembers() {
    return BaggageCodec.droppedMembers();
  }

  @Override
  public String toString() {
    return "W3C BaggagePropagator";
  }
}

package dev.agenttrace.processing;

import static java.util.Objects.requireNonNull;

import dev.agenttrace.AttributeKey;
import dev.agenttrace.Baggage;
import dev.agenttrace.spi.ReadWriteSpan;
import dev.agenttrace.spi.SpanData;
import dev.agenttrace.spi.SpanProcessor;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Copies chosen baggage entries onto every span as string attributes of the same name, so that
 * spans can be searched by values that travel with the request (a conversation id, a tenant).
 *
 * <p>Opt-in by design: baggage comes from callers, possibly from outside, and may hold what must
 * not be stored; only the keys you allow are copied.
 *
 * <pre>{@code
 * TracerSdk.builder().addSpanProcessor(BaggageSpanProcessor.forKeys("tenant", "user.tier"))
 * }</pre>
 *
 * <p>It reads the baggage of the span's parent context: the one given to {@code
 * SpanBuilder.setParent(Context)} (such as a context extracted from request headers), otherwise the
 * one current on the thread that starts the span. The span's own attributes set at start win over
 * baggage of the same name. Cheap: nothing is allocated when the baggage is empty.
 */
public final class BaggageSpanProcessor implements SpanProcessor {
  private final Predicate<String> allowed;
  private final String description;

  private BaggageSpanProcessor(Predicate<String> allowed, String description) {
    this.allowed = allowed;
    this.description = description;
  }

  /** Copies the entries named {@code keys}. */
  public static BaggageSpanProcessor forKeys(String... keys) {
    Set<String> allowed = Set.of(keys);
    return new BaggageSpanProcessor(allowed::contains, "keys=" + List.of(keys));
  }

  /** Copies the entries whose name {@code allowed} accepts. */
  public static BaggageSpanProcessor matching(Predicate<String> allowed) {
    return new BaggageSpanProcessor(requireNonNull(allowed, "allowed"), "predicate=" + allowed);
  }

  @Override
  public void onStart(ReadWriteSpan span) {
    Baggage baggage = Baggage.current();
    if (baggage.isEmpty()) {
      return;
    }
    for (Map.Entry<String, Baggage.Entry> entry : baggage.entries().entrySet()) {
      String name = entry.getKey();
      if (allowed.test(name) && span.attributes().get(name) == null) {
        span.setAttribute(AttributeKey.stringKey(name), entry.getValue().value());
      }
    }
  }

  @Override
  public void onEnd(SpanData span) {}

  @Override
  public String toString() {
    return "BaggageSpanProcessor{" + description + '}';
  }
}

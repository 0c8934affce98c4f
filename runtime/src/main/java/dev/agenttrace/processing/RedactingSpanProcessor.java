package dev.agenttrace.processing;

import static java.util.Objects.requireNonNull;

import dev.agenttrace.AttributeKey;
import dev.agenttrace.AttributeType;
import dev.agenttrace.Attributes;
import dev.agenttrace.spi.ImmutableSpanData;
import dev.agenttrace.spi.ReadWriteSpan;
import dev.agenttrace.spi.SpanData;
import dev.agenttrace.spi.SpanEvent;
import dev.agenttrace.spi.SpanProcessor;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Removes or masks sensitive data before any processor behind it, and so any exporter, sees a span.
 * Wrap the exporting processors in it:
 *
 * <pre>{@code
 * SpanProcessor redacted = RedactingSpanProcessor.builder()
 *     .maskKeys(Pattern.compile("(?i).*(password|secret|token|api[._-]?key).*"))
 *     .removeKeys(Pattern.compile("gen_ai\\.prompt.*"))
 *     .maskValues(RedactionPatterns.EMAIL, RedactionPatterns.API_KEY)
 *     .build(BatchSpanProcessor.builder(zipkin).build());
 * TracerSdk.builder().addSpanProcessor(redacted);
 * }</pre>
 *
 * <p>When a span ends it is checked: attributes whose key matches a remove pattern are left out;
 * those whose key matches a mask pattern get the mask as value; in every other string value, and in
 * event attributes and the status description, each match of a value pattern is replaced by the
 * mask (each element of a string array alike). If nothing matched, the original span is passed on
 * unchanged (no copy); otherwise the processors behind get an {@link ImmutableSpanData} copy and
 * never the original data. The processors behind see {@code onStart} as usual, with the live span,
 * since nothing is exported at start; a processor that exports in {@code onStart} does not belong
 * behind this one.
 *
 * <p>Cost: redaction runs on the thread that ends the span, so each value pattern searches each
 * string value once, and {@link RedactionPatterns} are linear in the length of what they search:
 * their cost per KiB does not grow with the length of a value, for ordinary text and for text made
 * to make a regular expression backtrack alike (the benchmark {@code RedactionBenchmark} records
 * it). No scan cap is applied, since a cap would have to leave the rest of a value unredacted; the
 * SDK already limits span attribute values to 8 KiB and event attribute values to 16 KiB. A pattern
 * you add yourself must be linear too: one whose search backtracks over a long run (such as a
 * leading {@code [a-z]+} without an anchor) lets a caller send a value that costs seconds.
 */
public final class RedactingSpanProcessor implements SpanProcessor {
  /** What masked values become unless {@link Builder#mask} says otherwise. */
  public static final String DEFAULT_MASK = "[REDACTED]";

  private final List<Pattern> removeKeys;
  private final List<Pattern> maskKeys;
  private final List<Pattern> maskValues;
  private final String mask;
  private final String quotedMask;
  private final SpanProcessor next;

  private RedactingSpanProcessor(Builder builder, SpanProcessor next) {
    this.removeKeys = List.copyOf(builder.removeKeys);
    this.maskKeys = List.copyOf(builder.maskKeys);
    this.maskValues = List.copyOf(builder.maskValues);
    this.mask = builder.mask;
    this.quotedMask = Matcher.quoteReplacement(builder.mask);
    this.next = next;
  }

  /** A builder that redacts nothing until told what. */
  public static Builder builder() {
    return new Builder();
  }

  @Override
  public boolean isStartRequired() {
    return next.isStartRequired();
  }

  @Override
  public void onStart(ReadWriteSpan span) {
    next.onStart(span);
  }

  @Override
  public void onEnd(SpanData span) {
    next.onEnd(redact(span));
  }

  /** {@code span} with sensitive data removed or masked; the same instance if there was none. */
  public SpanData redact(SpanData span) {
    Attributes attributes = redact(span.attributes());
    List<SpanEvent> events = redactEvents(span.events());
    String description = span.statusDescription();
    String redactedDescription = description == null ? null : maskValues(description);
    if (attributes == span.attributes()
        && events == span.events()
        && redactedDescription == description) {
      return span;
    }
    ImmutableSpanData copy = ImmutableSpanData.copyOf(span);
    return new ImmutableSpanData(
        copy.name(),
        copy.kind(),
        copy.spanContext(),
        copy.parentSpanContext(),
        copy.startEpochNanos(),
        copy.endEpochNanos(),
        copy.durationNanos(),
        attributes,
        events,
        copy.links(),
        copy.statusCode(),
        redactedDescription,
        copy.hasEnded(),
        copy.resource());
  }

  private List<SpanEvent> redactEvents(List<SpanEvent> events) {
    List<SpanEvent> redacted = null;
    for (int i = 0; i < events.size(); i++) {
      SpanEvent event = events.get(i);
      Attributes attributes = redact(event.attributes());
      if (attributes != event.attributes()) {
        if (redacted == null) {
          redacted = new ArrayList<>(events);
        }
        redacted.set(i, new SpanEvent(event.name(), event.epochNanos(), attributes));
      }
    }
    return redacted == null ? events : List.copyOf(redacted);
  }

  /** {@code attributes} redacted; the same instance if nothing matched. */
  private Attributes redact(Attributes attributes) {
    if (attributes.isEmpty()) {
      return attributes;
    }
    Attributes.Builder builder = null;
    List<AttributeKey<?>> keys = attributes.keys();
    for (int i = 0; i < keys.size(); i++) {
      AttributeKey<?> key = keys.get(i);
      Object value = attributes.get(key);
      Object redacted = redactValue(key, value);
      if (redacted != value && builder == null) {
        builder = Attributes.builder();
        for (int j = 0; j < i; j++) {
          putRaw(builder, keys.get(j), attributes.get(keys.get(j)));
        }
      }
      if (builder != null && redacted != null) {
        // A masked value is a string (the mask); a string array keeps its type.
        AttributeKey<?> target =
            redacted == value || redacted instanceof List ? key : stringKey(key);
        putRaw(builder, target, redacted);
      }
    }
    return builder == null ? attributes : builder.build();
  }

  private static AttributeKey<?> stringKey(AttributeKey<?> key) {
    return key.type() == AttributeType.STRING ? key : AttributeKey.stringKey(key.name());
  }

  /** The value to export: {@code null} to remove, {@code value} itself if unchanged. */
  private Object redactValue(AttributeKey<?> key, Object value) {
    String name = key.name();
    for (Pattern pattern : removeKeys) {
      if (pattern.matcher(name).matches()) {
        return null;
      }
    }
    for (Pattern pattern : maskKeys) {
      if (pattern.matcher(name).matches()) {
        return mask;
      }
    }
    if (value instanceof String text) {
      return maskValues(text);
    }
    if (value instanceof List<?> list) {
      return maskElements(list);
    }
    return value;
  }

  /** A string array with each element masked; the same instance if none matched. */
  private List<?> maskElements(List<?> list) {
    List<Object> masked = null;
    for (int i = 0; i < list.size(); i++) {
      Object element = list.get(i);
      Object redacted = element instanceof String text ? maskValues(text) : element;
      if (redacted != element && masked == null) {
        masked = new ArrayList<>(list);
      }
      if (masked != null) {
        masked.set(i, redacted);
      }
    }
    return masked == null ? list : List.copyOf(masked);
  }

  /**
   * {@code text} with every value-pattern match masked; the same instance if none matched. Each
   * pattern searches the text once, continuing from its first match.
   */
  private String maskValues(String text) {
    String result = text;
    for (Pattern pattern : maskValues) {
      Matcher matcher = pattern.matcher(result);
      if (matcher.find()) {
        StringBuilder masked = new StringBuilder(result.length());
        do {
          matcher.appendReplacement(masked, quotedMask);
        } while (matcher.find());
        matcher.appendTail(masked);
        result = masked.toString();
      }
    }
    return result;
  }

  @SuppressWarnings("unchecked")
  private static <T> void putRaw(Attributes.Builder builder, AttributeKey<T> key, Object value) {
    builder.put(key, (T) value);
  }

  @Override
  public boolean forceFlush(Duration timeout) {
    return next.forceFlush(timeout);
  }

  @Override
  public boolean shutdown(Duration timeout) {
    return next.shutdown(timeout);
  }

  @Override
  public String toString() {
    return "RedactingSpanProcessor{" + next + '}';
  }

  /** Builds a {@link RedactingSpanProcessor}. */
  public static final class Builder {
    private final List<Pattern> removeKeys = new ArrayList<>();
    private final List<Pattern> maskKeys = new ArrayList<>();
    private final List<Pattern> maskValues = new ArrayList<>();
    private String mask = DEFAULT_MASK;

    private Builder() {}

    /** Leaves out attributes whose whole key name matches any of {@code patterns}. */
    public Builder removeKeys(Pattern... patterns) {
      removeKeys.addAll(List.of(patterns));
      return this;
    }

    /** Replaces the value of attributes whose whole key name matches by the mask. */
    public Builder maskKeys(Pattern... patterns) {
      maskKeys.addAll(List.of(patterns));
      return this;
    }

    /** Replaces each match of any of {@code patterns} inside string values by the mask. */
    public Builder maskValues(Pattern... patterns) {
      maskValues.addAll(List.of(patterns));
      return this;
    }

    /** The text masked data becomes; default {@value #DEFAULT_MASK}. */
    public Builder mask(String mask) {
      this.mask = requireNonNull(mask, "mask");
      return this;
    }

    /** The processor, handing redacted spans to {@code next} (several are combined in order). */
    public RedactingSpanProcessor build(SpanProcessor... next) {
      if (next.length == 0) {
        throw new IllegalArgumentException("a redacting processor needs processors to hand on to");
      }
      return new RedactingSpanProcessor(
          this, next.length == 1 ? requireNonNull(next[0], "next") : SpanProcessor.composite(next));
    }
  }
}

package dev.agenttrace;

import static java.util.Objects.requireNonNull;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Name/value pairs that travel with a request across threads and services (W3C Baggage), such as a
 * conversation id or a tenant. Immutable; each entry may carry metadata (the W3C "properties").
 *
 * <pre>{@code
 * Baggage baggage = Baggage.current().toBuilder().put("tenant", "acme").build();
 * try (Scope scope = baggage.makeCurrent()) {
 *   callAgent();            // Baggage.current().get("tenant") is "acme" here
 * }
 * }</pre>
 *
 * <p>Names must be HTTP tokens (RFC 7230), as the W3C {@code baggage} header requires; a {@code
 * put} with any other name is ignored and logged at debug level, never thrown. Values may be any
 * text: the header codec ({@code dev.agenttrace.propagation.BaggageCodec}) percent-encodes them.
 * What is propagated is limited to {@link #MAX_ENTRIES} entries and {@link #MAX_HEADER_BYTES}
 * bytes, dropping whole entries, never a part of one.
 */
public final class Baggage {
  /** The most entries propagated in one {@code baggage} header (the W3C minimum is 64). */
  public static final int MAX_ENTRIES = 64;

  /** The most bytes of one propagated {@code baggage} header, as the W3C specification sets. */
  public static final int MAX_HEADER_BYTES = 8192;

  /** Loaded only when something is logged, so that reading span files needs no slf4j. */
  private static final class Log {
    static final Logger logger = LoggerFactory.getLogger(Baggage.class);
  }

  private static final Baggage EMPTY = new Baggage(Map.of());

  private final Map<String, Entry> entries;

  private Baggage(Map<String, Entry> entries) {
    this.entries = entries;
  }

  /** No entries. */
  public static Baggage empty() {
    return EMPTY;
  }

  /** The baggage of the current context. */
  public static Baggage current() {
    return ContextStorage.currentBaggage();
  }

  /** A new builder. */
  public static Builder builder() {
    return new Builder(new LinkedHashMap<>());
  }

  /** The value of entry {@code name}, or {@code null}. */
  public String get(String name) {
    Entry entry = entries.get(name);
    return entry == null ? null : entry.value();
  }

  /** Entry {@code name} with its metadata, or {@code null}. */
  public Entry getEntry(String name) {
    return entries.get(name);
  }

  /** All entries, in insertion order. */
  public Map<String, Entry> entries() {
    return entries;
  }

  /** The number of entries. */
  public int size() {
    return entries.size();
  }

  /** Whether there are no entries. */
  public boolean isEmpty() {
    return entries.isEmpty();
  }

  /** Whether {@code name} is an HTTP token (RFC 7230 section 3.2.6), as baggage names must be. */
  public static boolean isValidName(CharSequence name) {
    if (name.length() == 0) {
      return false;
    }
    for (int i = 0; i < name.length(); i++) {
      if (!isTokenChar(name.charAt(i))) {
        return false;
      }
    }
    return true;
  }

  /** Whether {@code c} is a {@code tchar} of RFC 7230. */
  static boolean isTokenChar(char c) {
    if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')) {
      return true;
    }
    return "!#$%&'*+-.^_`|~".indexOf(c) >= 0;
  }

  /** A builder holding these entries, to derive a changed copy. */
  public Builder toBuilder() {
    return new Builder(new LinkedHashMap<>(entries));
  }

  /** Makes this baggage current, with the current span, until the scope is closed. */
  public Scope makeCurrent() {
    return ContextStorage.attach(Span.current(), this);
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof Baggage && ((Baggage) other).entries.equals(entries);
  }

  @Override
  public int hashCode() {
    return entries.hashCode();
  }

  @Override
  public String toString() {
    return "Baggage" + entries.values();
  }

  /**
   * One baggage value and its metadata (the W3C properties, such as {@code ttl=3600}, kept as
   * written).
   *
   * @param value the value, not percent-encoded
   * @param metadata the properties after the value, empty when none
   */
  public record Entry(String value, String metadata) {
    public Entry {
      requireNonNull(value, "value");
      requireNonNull(metadata, "metadata");
    }
  }

  /** Builds {@link Baggage}. Not thread-safe. */
  public static final class Builder {
    private final Map<String, Entry> entries;

    private Builder(Map<String, Entry> entries) {
      this.entries = entries;
    }

    /** Sets entry {@code name} to {@code value}, without metadata. */
    public Builder put(String name, String value) {
      return put(name, value, "");
    }

    /**
     * Sets entry {@code name} to {@code value} with {@code metadata} (W3C properties such as {@code
     * ttl=60}, kept as written). A name that is not an HTTP token is ignored.
     */
    public Builder put(String name, String value, String metadata) {
      requireNonNull(name, "name");
      requireNonNull(value, "value");
      requireNonNull(metadata, "metadata");
      if (!isValidName(name)) {
        Log.logger.debug("Ignoring baggage entry with invalid name '{}'", name);
        return this;
      }
      entries.remove(name);
      entries.put(name, new Entry(value, metadata));
      return this;
    }

    /** Removes entry {@code name}. */
    public Builder remove(String name) {
      entries.remove(name);
      return this;
    }

    /** The immutable baggage. */
    public Baggage build() {
      return entries.isEmpty()
          ? EMPTY
          : new Baggage(Collections.unmodifiableMap(new LinkedHashMap<>(entries)));
    }
  }
}

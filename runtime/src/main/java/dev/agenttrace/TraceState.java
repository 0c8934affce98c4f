package dev.agenttrace;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Vendor-specific trace data carried beside the trace id (the W3C {@code tracestate} header): an
 * immutable, ordered list of key/value members, most recently updated first.
 *
 * <p>{@link #withMember} enforces the W3C Trace Context Level 1 rules: keys and values must match
 * the specification's grammar (invalid ones are ignored and logged, never thrown), keys are unique,
 * an updated member moves to the front, and a list that would exceed {@link #MAX_MEMBERS} loses its
 * last (oldest) member. Parsing and formatting of the header live in {@code
 * dev.agenttrace.propagation.TraceStateCodec}.
 */
public final class TraceState {
  /** The most list members a W3C {@code tracestate} may hold. */
  public static final int MAX_MEMBERS = 32;

  /** Loaded only when something is logged, so that reading span files needs no slf4j. */
  private static final class Log {
    static final Logger logger = LoggerFactory.getLogger(TraceState.class);
  }

  private static final TraceState EMPTY = new TraceState(List.of());

  private final List<Map.Entry<String, String>> members;

  private TraceState(List<Map.Entry<String, String>> members) {
    this.members = members;
  }

  /** The empty trace state. */
  public static TraceState empty() {
    return EMPTY;
  }

  /** A trace state of the given members, in order; the list is copied. */
  public static TraceState of(List<Map.Entry<String, String>> members) {
    return members.isEmpty() ? EMPTY : new TraceState(List.copyOf(members));
  }

  /** The members, first (most recent) first. */
  public List<Map.Entry<String, String>> members() {
    return members;
  }

  /** The value of member {@code key}, or {@code null}. */
  public String get(String key) {
    for (Map.Entry<String, String> member : members) {
      if (member.getKey().equals(key)) {
        return member.getValue();
      }
    }
    return null;
  }

  /** Whether there are no members. */
  public boolean isEmpty() {
    return members.isEmpty();
  }

  /** The number of members. */
  public int size() {
    return members.size();
  }

  /**
   * A copy with {@code key} set to {@code value} and moved to the front, as the W3C specification
   * requires of a vendor that updates its own entry. When the list would hold more than {@link
   * #MAX_MEMBERS} members, the last one is dropped. An invalid key or value leaves this state
   * unchanged (and is logged at debug level) rather than producing a header others must reject.
   */
  public TraceState withMember(String key, String value) {
    requireNonNull(key, "key");
    requireNonNull(value, "value");
    if (!isValidKey(key) || !isValidValue(value)) {
      Log.logger.debug("Ignoring invalid tracestate member {}={}", key, value);
      return this;
    }
    List<Map.Entry<String, String>> updated = new ArrayList<>(members.size() + 1);
    updated.add(Map.entry(key, value));
    for (Map.Entry<String, String> member : members) {
      if (!member.getKey().equals(key) && updated.size() < MAX_MEMBERS) {
        updated.add(member);
      }
    }
    return new TraceState(Collections.unmodifiableList(updated));
  }

  /**
   * Whether {@code key} is a W3C Trace Context Level 1 key: a simple key ({@code lcalpha} then up
   * to 255 of {@code a-z 0-9 _ - * /}) or a multi-tenant key {@code tenant@system} (a tenant of 1
   * to 241 characters starting with {@code a-z} or a digit, a system of 1 to 14 characters starting
   * with {@code a-z}).
   */
  public static boolean isValidKey(CharSequence key) {
    int length = key.length();
    int at = -1;
    for (int i = 0; i < length; i++) {
      if (key.charAt(i) == '@') {
        if (at >= 0) {
          return false;
        }
        at = i;
      }
    }
    if (at < 0) {
      return length >= 1 && length <= 256 && isLcAlpha(key.charAt(0)) && keyChars(key, 1, length);
    }
    int systemLength = length - at - 1;
    return at >= 1
        && at <= 241
        && (isLcAlpha(key.charAt(0)) || isDigit(key.charAt(0)))
        && keyChars(key, 1, at)
        && systemLength >= 1
        && systemLength <= 14
        && isLcAlpha(key.charAt(at + 1))
        && keyChars(key, at + 2, length);
  }

  /**
   * Whether {@code value} is a W3C tracestate value: 1 to 256 printable ASCII characters other than
   * {@code ,} and {@code =}, not ending in a space.
   */
  public static boolean isValidValue(CharSequence value) {
    int length = value.length();
    if (length < 1 || length > 256 || value.charAt(length - 1) == ' ') {
      return false;
    }
    for (int i = 0; i < length; i++) {
      char c = value.charAt(i);
      if (c < 0x20 || c > 0x7e || c == ',' || c == '=') {
        return false;
      }
    }
    return true;
  }

  private static boolean keyChars(CharSequence key, int from, int to) {
    for (int i = from; i < to; i++) {
      char c = key.charAt(i);
      if (!(isLcAlpha(c) || isDigit(c) || c == '_' || c == '-' || c == '*' || c == '/')) {
        return false;
      }
    }
    return true;
  }

  private static boolean isLcAlpha(char c) {
    return c >= 'a' && c <= 'z';
  }

  private static boolean isDigit(char c) {
    return c >= '0' && c <= '9';
  }

  /**
   * A copy without member {@code key}, keeping the others in order: the W3C specification's
   * "delete" of a vendor's own entry (for a vendor that no longer needs to pass state on).
   */
  public TraceState withoutMember(String key) {
    List<Map.Entry<String, String>> updated = new ArrayList<>(members);
    updated.removeIf(member -> member.getKey().equals(key));
    return of(updated);
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof TraceState && ((TraceState) other).members.equals(members);
  }

  @Override
  public int hashCode() {
    return members.hashCode();
  }

  @Override
  public String toString() {
    return members.toString();
  }
}

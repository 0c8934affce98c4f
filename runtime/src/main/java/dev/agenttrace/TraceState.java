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
 * <p>{@link #withMember} enforces the W3C Trace Context Level 2 rules: keys and values must match
 * the specification's grammar (invalid ones are ignored and logged, never thrown), keys are unique,
 * an updated member moves to the front, and a list that would exceed {@link #MAX_MEMBERS} loses its
 * last (oldest) member. Parsing and formatting of the header live in {@code
 * dev.agenttrace.propagation.TraceStateCodec}.
 */
public final class TraceState {
  /** The most list members a W3C {@code tracestate} may hold. */
  public static final int MAX_MEMBERS = 32;

  /** The longest key the W3C grammar allows. */
  public static final int MAX_KEY_LENGTH = 256;

  /** The longest value the W3C grammar allows. */
  public static final int MAX_VALUE_LENGTH = 256;

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

  /**
   * A trace state of the given members, in order; the list is copied. The members are not checked
   * (span files and other tracing libraries hand them over as they are); {@code
   * TraceStateCodec.format} sends only the valid ones.
   */
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
   * Whether {@code key} is a W3C Trace Context Level 2 key: 1 to 256 characters, the first {@code
   * a-z} or a digit, the others {@code a-z}, digits, {@code _ - * /} and {@code @}. The {@code @}
   * may appear anywhere after the first character and more than once ({@code tenant@system}, {@code
   * foo@}, {@code foo@@bar} are all keys); Level 1's separate limits for tenant and system are
   * gone.
   */
  public static boolean isValidKey(CharSequence key) {
    int length = key.length();
    if (length < 1 || length > MAX_KEY_LENGTH) {
      return false;
    }
    char first = key.charAt(0);
    if (!isLcAlpha(first) && !isDigit(first)) {
      return false;
    }
    for (int i = 1; i < length; i++) {
      if (!isKeyChar(key.charAt(i))) {
        return false;
      }
    }
    return true;
  }

  /**
   * Whether {@code value} is a W3C tracestate value: 1 to 256 printable ASCII characters other than
   * {@code ,} and {@code =}, not ending in a space.
   */
  public static boolean isValidValue(CharSequence value) {
    int length = value.length();
    if (length < 1 || length > MAX_VALUE_LENGTH || value.charAt(length - 1) == ' ') {
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

  private static boolean isKeyChar(char c) {
    return isLcAlpha(c) || isDigit(c) || c == '_' || c == '-' || c == '*' || c == '/' || c == '@';
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

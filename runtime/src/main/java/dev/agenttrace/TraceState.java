package dev.agenttrace;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

/**
 * Vendor-specific trace data carried beside the trace id (the W3C {@code tracestate} header): an
 * immutable, ordered list of key/value members, most recently updated first.
 */
public final class TraceState {
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

  /**
   * A copy with {@code key} set to {@code value} and moved to the front, as the W3C specification
   * requires of a vendor that updates its own entry.
   */
  public TraceState withMember(String key, String value) {
    requireNonNull(key, "key");
    requireNonNull(value, "value");
    List<Map.Entry<String, String>> updated = new ArrayList<>(members.size() + 1);
    updated.add(Map.entry(key, value));
    for (Map.Entry<String, String> member : members) {
      if (!member.getKey().equals(key)) {
        updated.add(member);
      }
    }
    return new TraceState(Collections.unmodifiableList(updated));
  }

  /** A copy without member {@code key}. */
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

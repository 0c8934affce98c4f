package dev.agenttrace.propagation;

import dev.agenttrace.TraceState;
import java.util.AbstractMap;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Parses and formats the W3C {@code tracestate} header, for example {@code
 * rojo=00f067aa0ba902b7,congo=t61rcWkgMzE}.
 *
 * <p>Parsing (W3C Trace Context Level 1): list members are separated by commas with optional white
 * space around them; empty members are skipped; each member is {@code key=value} with the key and
 * value grammar of {@link TraceState#isValidKey} and {@link TraceState#isValidValue}. A header with
 * an invalid member, a repeated key or more than {@link TraceState#MAX_MEMBERS} members is invalid
 * as a whole: {@link #parse} returns {@code null} and the caller discards it.
 *
 * <p>Formatting writes members in order without white space. A state longer than {@link
 * #MAX_LENGTH} characters is truncated by whole members, as the specification says: members longer
 * than 128 characters go first, then members from the end.
 */
public final class TraceStateCodec {
  /** The longest {@code tracestate} this implementation sends (the W3C recommended minimum). */
  public static final int MAX_LENGTH = 512;

  /** Members longer than this are dropped first when truncating. */
  static final int LONG_MEMBER = 128;

  private TraceStateCodec() {}

  /**
   * The trace state of a combined {@code tracestate} header (repeated fields joined with commas),
   * {@link TraceState#empty()} for {@code null} or a blank header, and {@code null} when the header
   * is invalid. Never throws.
   */
  public static TraceState parse(CharSequence header) {
    if (header == null) {
      return TraceState.empty();
    }
    List<Map.Entry<String, String>> members = new ArrayList<>();
    Set<String> keys = new HashSet<>();
    int length = header.length();
    int position = 0;
    while (position <= length) {
      int comma = indexOf(header, ',', position);
      int end = comma < 0 ? length : comma;
      int from = position;
      int to = end;
      while (from < to && isOws(header.charAt(from))) {
        from++;
      }
      while (to > from && isOws(header.charAt(to - 1))) {
        to--;
      }
      if (from < to) {
        int equals = indexOf(header, '=', from);
        if (equals < 0 || equals >= to) {
          return null;
        }
        String key = header.subSequence(from, equals).toString();
        String value = header.subSequence(equals + 1, to).toString();
        if (!TraceState.isValidKey(key) || !TraceState.isValidValue(value) || !keys.add(key)) {
          return null;
        }
        if (members.size() == TraceState.MAX_MEMBERS) {
          return null;
        }
        members.add(new AbstractMap.SimpleImmutableEntry<>(key, value));
      }
      position = end + 1;
    }
    return TraceState.of(members);
  }

  /** The header for {@code state}, truncated to {@link #MAX_LENGTH}; empty for an empty state. */
  public static String format(TraceState state) {
    List<Map.Entry<String, String>> members = new ArrayList<>(state.members());
    int length = length(members);
    while (length > MAX_LENGTH) {
      int victim = lastLongMember(members);
      members.remove(victim < 0 ? members.size() - 1 : victim);
      length = length(members);
    }
    StringBuilder header = new StringBuilder(length);
    for (Map.Entry<String, String> member : members) {
      if (header.length() > 0) {
        header.append(',');
      }
      header.append(member.getKey()).append('=').append(member.getValue());
    }
    return header.toString();
  }

  private static int lastLongMember(List<Map.Entry<String, String>> members) {
    for (int i = members.size() - 1; i >= 0; i--) {
      if (memberLength(members.get(i)) > LONG_MEMBER) {
        return i;
      }
    }
    return -1;
  }

  private static int length(List<Map.Entry<String, String>> members) {
    int length = Math.max(0, members.size() - 1);
    for (Map.Entry<String, String> member : members) {
      length += memberLength(member);
    }
    return length;
  }

  private static int memberLength(Map.Entry<String, String> member) {
    return member.getKey().length() + 1 + member.getValue().length();
  }

  private static int indexOf(CharSequence text, char c, int from) {
    for (int i = from; i < text.length(); i++) {
      if (text.charAt(i) == c) {
        return i;
      }
    }
    return -1;
  }

  private static boolean isOws(char c) {
    return c == ' ' || c == '\t';
  }
}

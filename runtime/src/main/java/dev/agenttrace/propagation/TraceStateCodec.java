package dev.agenttrace.propagation;

import dev.agenttrace.TraceState;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.LongAdder;

/**
 * Parses and formats the W3C {@code tracestate} header, for example {@code
 * rojo=00f067aa0ba902b7,congo=t61rcWkgMzE}.
 *
 * <p>Parsing (W3C Trace Context Level 2): list members are separated by commas with optional white
 * space (spaces, tabs) around them; empty members are skipped; each member is {@code key=value}
 * with the key and value grammar of {@link TraceState#isValidKey} and {@link
 * TraceState#isValidValue}. Of a key repeated in one header only the first occurrence is kept (the
 * specification lets a vendor keep all or discard the duplicates; later ones are counted in {@link
 * #droppedDuplicateMembers()}). A header with a malformed member or with more than {@link
 * TraceState#MAX_MEMBERS} members is invalid as a whole: {@link #parse} returns {@code null}, the
 * caller discards it, and {@link #discardedHeaders()} counts it. This is what the official test
 * suite expects, and it keeps a header that was cut or garbled somewhere on its way from being
 * half-trusted. Parsing looks at each character a bounded number of times and stops at the first
 * malformed member or the 33rd member, so its cost is linear in the header and it never throws.
 *
 * <p>Formatting writes members in order without white space, leaving out any member that does not
 * match the grammar (a state built with {@link TraceState#of} is not checked) or repeats an earlier
 * key, and at most {@link TraceState#MAX_MEMBERS} members, so the header sent is always valid. A
 * state longer than {@link #MAX_LENGTH} characters is truncated by whole members, as the
 * specification says: members longer than 128 characters go first (from the end), then members from
 * the end.
 */
public final class TraceStateCodec {
  /** The longest {@code tracestate} this implementation sends (the W3C recommended minimum). */
  public static final int MAX_LENGTH = 512;

  /** Members longer than this are dropped first when truncating. */
  static final int LONG_MEMBER = 128;

  private static final LongAdder discardedHeaders = new LongAdder();
  private static final LongAdder droppedDuplicates = new LongAdder();

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
    int count = 0;
    int duplicates = 0;
    int length = header.length();
    int position = 0;
    while (position <= length) {
      int end = indexOf(header, ',', position, length);
      int from = position;
      int to = end;
      while (from < to && isOws(header.charAt(from))) {
        from++;
      }
      while (to > from && isOws(header.charAt(to - 1))) {
        to--;
      }
      if (from < to) {
        count++;
        int equals = indexOf(header, '=', from, to);
        if (count > TraceState.MAX_MEMBERS
            || equals - from > TraceState.MAX_KEY_LENGTH
            || to - equals - 1 > TraceState.MAX_VALUE_LENGTH) {
          return discard();
        }
        String key = header.subSequence(from, equals).toString();
        String value = equals == to ? "" : header.subSequence(equals + 1, to).toString();
        if (!TraceState.isValidKey(key) || !TraceState.isValidValue(value)) {
          return discard();
        }
        if (keys.add(key)) {
          members.add(Map.entry(key, value));
        } else {
          duplicates++;
        }
      }
      position = end + 1;
    }
    if (duplicates > 0) {
      droppedDuplicates.add(duplicates);
    }
    return TraceState.of(members);
  }

  private static TraceState discard() {
    discardedHeaders.increment();
    return null;
  }

  /**
   * The header for {@code state}: valid members only, without repeated keys, at most {@link
   * TraceState#MAX_MEMBERS} of them and truncated to {@link #MAX_LENGTH}; empty for an empty state.
   */
  public static String format(TraceState state) {
    List<Map.Entry<String, String>> members = new ArrayList<>();
    Set<String> keys = new HashSet<>();
    for (Map.Entry<String, String> member : state.members()) {
      if (members.size() == TraceState.MAX_MEMBERS) {
        break;
      }
      if (TraceState.isValidKey(member.getKey())
          && TraceState.isValidValue(member.getValue())
          && keys.add(member.getKey())) {
        members.add(member);
      }
    }
    for (int i = members.size() - 1; i >= 0 && length(members) > MAX_LENGTH; i--) {
      if (memberLength(members.get(i)) > LONG_MEMBER) {
        members.remove(i);
      }
    }
    while (length(members) > MAX_LENGTH) {
      members.remove(members.size() - 1);
    }
    StringBuilder header = new StringBuilder(length(members));
    for (Map.Entry<String, String> member : members) {
      if (header.length() > 0) {
        header.append(',');
      }
      header.append(member.getKey()).append('=').append(member.getValue());
    }
    return header.toString();
  }

  /** How many {@code tracestate} headers {@link #parse} rejected as a whole, since start. */
  static long discardedHeaders() {
    return discardedHeaders.sum();
  }

  /** How many repeated-key members {@link #parse} left out, since start. */
  static long droppedDuplicateMembers() {
    return droppedDuplicates.sum();
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

  /**
   * The index of {@code c} in {@code text} between {@code from} and {@code to}, else {@code to}.
   */
  private static int indexOf(CharSequence text, char c, int from, int to) {
    for (int i = from; i < to; i++) {
      if (text.charAt(i) == c) {
        return i;
      }
    }
    return to;
  }

  private static boolean isOws(char c) {
    return c == ' ' || c == '\t';
  }
}

package dev.agenttrace.propagation;

import dev.agenttrace.Baggage;
import dev.agenttrace.internal.Ids;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.LongAdder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Parses and formats the W3C {@code baggage} header, for example {@code
 * userId=alice,serverNode=DF%2028;ttl=60}.
 *
 * <p>Parsing: list members are separated by commas, each {@code key OWS "=" OWS value} followed by
 * {@code ;}-separated properties ({@code key} or {@code key=value}), with optional white space
 * around every part. Keys are HTTP tokens; values are {@code baggage-octet}s and are
 * percent-decoded as UTF-8, malformed sequences becoming U+FFFD as the specification requires.
 * Properties are kept as written (trimmed), attached to their entry as its metadata. A malformed
 * member is dropped on its own (the specification allows it); the others are kept. Of repeated keys
 * the last one wins.
 *
 * <p>Limits on what is read (W3C Baggage, section "Limits": 64 list members and 8192 bytes for the
 * whole {@code baggage-string}, all {@code baggage} fields of a request together; the separate
 * 4096-byte limit per member of older drafts is gone, so a member is bounded by the total): members
 * are taken in order while the members kept so far, with the commas between them, stay within
 * {@link Baggage#MAX_ENTRIES} members and {@link Baggage#MAX_HEADER_BYTES} bytes. A member that
 * would pass either limit is dropped whole, never cut, and reading goes on with the next one (so a
 * huge member does not hide the small ones after it). A dropped member is neither copied nor
 * decoded: reading costs one pass over the header and keeps at most 8192 bytes, whatever the size
 * of the input. Every member dropped, malformed or over a limit, is counted in {@link
 * #droppedMembers()}; nothing is ever thrown.
 *
 * <p>Formatting percent-encodes every byte of a value's UTF-8 form that is not a {@code
 * baggage-octet} (and {@code %} itself), and writes whole members only while the header stays
 * within {@link Baggage#MAX_ENTRIES} members and {@link Baggage#MAX_HEADER_BYTES} bytes.
 */
public final class BaggageCodec {
  private static final Logger logger = LoggerFactory.getLogger(BaggageCodec.class);
  private static final char[] HEX = "0123456789ABCDEF".toCharArray();
  private static final LongAdder droppedMembers = new LongAdder();

  private BaggageCodec() {}

  /** The baggage of a combined {@code baggage} header; empty for {@code null}. Never throws. */
  public static Baggage parse(CharSequence header) {
    return header == null ? Baggage.empty() : parse(List.of(header));
  }

  /**
   * The baggage of the {@code baggage} fields of one request, read in order as one combined header
   * (the limits apply to all of them together). Never throws.
   */
  public static Baggage parse(List<? extends CharSequence> fields) {
    Reader reader = new Reader();
    for (CharSequence field : fields) {
      if (field != null) {
        reader.read(field);
      }
    }
    if (reader.dropped > 0) {
      droppedMembers.add(reader.dropped);
      logger.debug(
          "Dropped {} baggage members: malformed, or over the limits of {} members and {} bytes",
          reader.dropped,
          Baggage.MAX_ENTRIES,
          Baggage.MAX_HEADER_BYTES);
    }
    return reader.builder.build();
  }

  /** How many received baggage members {@link #parse} dropped since start. */
  static long droppedMembers() {
    return droppedMembers.sum();
  }

  /** Reads members into a builder while they fit the limits. */
  private static final class Reader {
    final Baggage.Builder builder = Baggage.builder();
    int members;
    int bytes;
    long dropped;

    void read(CharSequence text) {
      int length = text.length();
      int position = 0;
      while (position <= length) {
        int end = indexOf(text, ',', position, length);
        int from = skipOws(text, position, end);
        int to = trimOws(text, from, end);
        if (from < to) {
          member(text, from, to);
        }
        position = end + 1;
      }
    }

    private void member(CharSequence text, int from, int to) {
      int added = (to - from) + (members > 0 ? 1 : 0);
      if (members == Baggage.MAX_ENTRIES
          || added > Baggage.MAX_HEADER_BYTES - bytes
          || !parseMember(text, from, to, builder)) {
        dropped++;
        return;
      }
      members++;
      bytes += added;
    }
  }

  /** Parses the trimmed member {@code text[from, to)} into {@code builder}; false if malformed. */
  private static boolean parseMember(CharSequence text, int from, int to, Baggage.Builder builder) {
    int semicolon = indexOf(text, ';', from, to);
    int equals = indexOf(text, '=', from, semicolon);
    if (equals == semicolon) {
      return false;
    }
    String key = text.subSequence(from, trimOws(text, from, equals)).toString();
    int valueFrom = skipOws(text, equals + 1, semicolon);
    String value = text.subSequence(valueFrom, trimOws(text, valueFrom, semicolon)).toString();
    if (!Baggage.isValidName(key) || !isValue(value)) {
      return false;
    }
    StringBuilder metadata = new StringBuilder();
    int position = semicolon;
    while (position < to) {
      int end = indexOf(text, ';', position + 1, to);
      String property = normalizeProperty(text.subSequence(position + 1, end).toString());
      if (property == null) {
        return false;
      }
      if (metadata.length() > 0) {
        metadata.append(';');
      }
      metadata.append(property);
      position = end;
    }
    builder.put(key, decode(value), metadata.toString());
    return true;
  }

  /** The property trimmed as {@code key} or {@code key=value}, or {@code null} if malformed. */
  private static String normalizeProperty(String property) {
    int equals = property.indexOf('=');
    String key = trimOws(equals < 0 ? property : property.substring(0, equals));
    if (!Baggage.isValidName(key)) {
      return null;
    }
    if (equals < 0) {
      return key;
    }
    String value = trimOws(property.substring(equals + 1));
    return isValue(value) ? key + '=' + value : null;
  }

  /** Whether {@code metadata} is a {@code ;}-separated list of well-formed properties. */
  static boolean isValidMetadata(String metadata) {
    if (metadata.isEmpty()) {
      return true;
    }
    for (String property : metadata.split(";", -1)) {
      if (normalizeProperty(property) == null) {
        return false;
      }
    }
    return true;
  }

  /**
   * The header for {@code baggage}, or an empty string when there is nothing to send. Entries whose
   * metadata is malformed are sent without it.
   */
  public static String format(Baggage baggage) {
    StringBuilder header = new StringBuilder();
    int count = 0;
    int bytes = 0;
    for (Map.Entry<String, Baggage.Entry> entry : baggage.entries().entrySet()) {
      StringBuilder member = new StringBuilder();
      member.append(entry.getKey()).append('=');
      encode(entry.getValue().value(), member);
      String metadata = entry.getValue().metadata();
      if (!metadata.isEmpty()) {
        if (isValidMetadata(metadata)) {
          member.append(';').append(metadata);
        } else {
          logger.debug("Sending baggage entry {} without its malformed metadata", entry.getKey());
        }
      }
      // Members are ASCII after encoding, so characters are bytes.
      int added = member.length() + (count > 0 ? 1 : 0);
      if (count == Baggage.MAX_ENTRIES || bytes + added > Baggage.MAX_HEADER_BYTES) {
        logger.debug(
            "Baggage entry {} left out: the header would exceed its limits", entry.getKey());
        continue;
      }
      if (count > 0) {
        header.append(',');
      }
      header.append(member);
      count++;
      bytes += added;
    }
    return header.toString();
  }

  /** Whether {@code c} is a W3C {@code baggage-octet}. */
  static boolean isBaggageOctet(int c) {
    return c == 0x21
        || (c >= 0x23 && c <= 0x2b)
        || (c >= 0x2d && c <= 0x3a)
        || (c >= 0x3c && c <= 0x5b)
        || (c >= 0x5d && c <= 0x7e);
  }

  private static boolean isValue(String value) {
    for (int i = 0; i < value.length(); i++) {
      if (!isBaggageOctet(value.charAt(i))) {
        return false;
      }
    }
    return true;
  }

  private static void encode(String value, StringBuilder out) {
    for (byte b : value.getBytes(StandardCharsets.UTF_8)) {
      int c = b & 0xff;
      if (isBaggageOctet(c) && c != '%') {
        out.append((char) c);
      } else {
        out.append('%').append(HEX[c >> 4]).append(HEX[c & 0xf]);
      }
    }
  }

  /** Percent-decodes {@code value} as UTF-8; a {@code %} not followed by two hex digits stays. */
  static String decode(String value) {
    if (value.indexOf('%') < 0) {
      return value;
    }
    ByteArrayOutputStream bytes = new ByteArrayOutputStream(value.length());
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (c == '%'
          && i + 2 < value.length()
          && Ids.hexDigit(value.charAt(i + 1)) >= 0
          && Ids.hexDigit(value.charAt(i + 2)) >= 0) {
        bytes.write(Ids.hexDigit(value.charAt(i + 1)) << 4 | Ids.hexDigit(value.charAt(i + 2)));
        i += 2;
      } else {
        bytes.write(c);
      }
    }
    CharsetDecoder decoder =
        StandardCharsets.UTF_8
            .newDecoder()
            .onMalformedInput(CodingErrorAction.REPLACE)
            .onUnmappableCharacter(CodingErrorAction.REPLACE)
            .replaceWith("\uFFFD");
    try {
      CharBuffer chars = decoder.decode(ByteBuffer.wrap(bytes.toByteArray()));
      return chars.toString();
    } catch (CharacterCodingException e) {
      // Cannot happen with REPLACE; keep the raw text rather than lose the entry.
      return value;
    }
  }

  private static String trimOws(String text) {
    int from = skipOws(text, 0, text.length());
    return text.substring(from, trimOws(text, from, text.length()));
  }

  /** The first index in {@code [from, to)} that is not optional white space, else {@code to}. */
  private static int skipOws(CharSequence text, int from, int to) {
    while (from < to && isOws(text.charAt(from))) {
      from++;
    }
    return from;
  }

  /** The end of {@code text[from, to)} without trailing optional white space. */
  private static int trimOws(CharSequence text, int from, int to) {
    while (to > from && isOws(text.charAt(to - 1))) {
      to--;
    }
    return to;
  }

  private static boolean isOws(char c) {
    return c == ' ' || c == '\t';
  }

  /** The index of {@code c} in {@code text[from, to)}, else {@code to}. */
  private static int indexOf(CharSequence text, char c, int from, int to) {
    for (int i = from; i < to; i++) {
      if (text.charAt(i) == c) {
        return i;
      }
    }
    return to;
  }
}

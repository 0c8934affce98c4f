package dev.agenttrace.propagation;

import dev.agenttrace.Baggage;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Map;
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
 * the last one wins. At most {@link Baggage#MAX_ENTRIES} members are read.
 *
 * <p>Formatting percent-encodes every byte of a value's UTF-8 form that is not a {@code
 * baggage-octet} (and {@code %} itself), and writes whole members only while the header stays
 * within {@link Baggage#MAX_ENTRIES} members and {@link Baggage#MAX_HEADER_BYTES} bytes.
 */
public final class BaggageCodec {
  private static final Logger logger = LoggerFactory.getLogger(BaggageCodec.class);
  private static final char[] HEX = "0123456789ABCDEF".toCharArray();

  private BaggageCodec() {}

  /** The baggage of a combined {@code baggage} header; empty for {@code null}. Never throws. */
  public static Baggage parse(CharSequence header) {
    if (header == null) {
      return Baggage.empty();
    }
    Baggage.Builder builder = Baggage.builder();
    String text = header.toString();
    int count = 0;
    for (String member : text.split(",", -1)) {
      String trimmed = trimOws(member);
      if (trimmed.isEmpty()) {
        continue;
      }
      if (count == Baggage.MAX_ENTRIES) {
        logger.debug("Baggage header has more than {} members; the rest is ignored", count);
        break;
      }
      if (parseMember(trimmed, builder)) {
        count++;
      } else {
        logger.debug("Ignoring malformed baggage member '{}'", trimmed);
      }
    }
    return builder.build();
  }

  private static boolean parseMember(String member, Baggage.Builder builder) {
    String[] parts = member.split(";", -1);
    int equals = parts[0].indexOf('=');
    if (equals < 0) {
      return false;
    }
    String key = trimOws(parts[0].substring(0, equals));
    String value = trimOws(parts[0].substring(equals + 1));
    if (!Baggage.isValidName(key) || !isValue(value)) {
      return false;
    }
    StringBuilder metadata = new StringBuilder();
    for (int i = 1; i < parts.length; i++) {
      String property = normalizeProperty(parts[i]);
      if (property == null) {
        return false;
      }
      if (metadata.length() > 0) {
        metadata.append(';');
      }
      metadata.append(property);
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
          && hex(value.charAt(i + 1)) >= 0
          && hex(value.charAt(i + 2)) >= 0) {
        bytes.write(hex(value.charAt(i + 1)) << 4 | hex(value.charAt(i + 2)));
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

  private static int hex(char c) {
    if (c >= '0' && c <= '9') {
      return c - '0';
    }
    if (c >= 'a' && c <= 'f') {
      return c - 'a' + 10;
    }
    if (c >= 'A' && c <= 'F') {
      return c - 'A' + 10;
    }
    return -1;
  }

  private static String trimOws(String text) {
    int from = 0;
    int to = text.length();
    while (from < to && (text.charAt(from) == ' ' || text.charAt(from) == '\t')) {
      from++;
    }
    while (to > from && (text.charAt(to - 1) == ' ' || text.charAt(to - 1) == '\t')) {
      to--;
    }
    return text.substring(from, to);
  }
}

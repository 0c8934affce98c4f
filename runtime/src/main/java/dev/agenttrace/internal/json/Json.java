package dev.agenttrace.internal.json;

import dev.agenttrace.internal.Ids;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A small, strict JSON (RFC 8259) reader and writer, so that the runtime can write and read span
 * files and speak JSON over HTTP without a dependency.
 *
 * <p>Reading maps objects to {@code LinkedHashMap<String, Object>} (member order kept), arrays to
 * {@code List<Object>}, strings to {@code String}, numbers without fraction or exponent that fit to
 * {@code Long} and other numbers to {@code Double}, {@code true}/{@code false} to {@code Boolean}
 * and {@code null} to {@code null}. Malformed input, and a number beyond the range of a double,
 * throws {@link JsonException} with the offset of the problem; nothing else is ever thrown.
 *
 * <p>Bounds, since span files and HTTP bodies may come from anyone: nesting deeper than {@value
 * #MAX_DEPTH} arrays and objects is rejected, reading keeps open arrays and objects on the heap (so
 * it never overflows the thread's stack, however small), and every character is looked at a bounded
 * number of times, so reading costs time linear in the text.
 */
public final class Json {
  private static final char[] HEX = "0123456789abcdef".toCharArray();

  private final String text;
  private int position;

  private Json(String text) {
    this.text = text;
  }

  /** Parses one JSON value; anything but white space after it is an error. */
  public static Object parse(String text) {
    Json json = new Json(text);
    Object value = json.readDocument();
    json.skipWhitespace();
    if (json.position != text.length()) {
      throw json.error("unexpected text after the value");
    }
    return value;
  }

  /** Appends {@code value} (Map, Iterable, String, Number, Boolean or null) as JSON. */
  public static void write(Object value, StringBuilder out) {
    if (value == null) {
      out.append("null");
    } else if (value instanceof String string) {
      writeString(string, out);
    } else if (value instanceof Boolean) {
      out.append(value);
    } else if (value instanceof Double || value instanceof Float) {
      double number = ((Number) value).doubleValue();
      if (Double.isNaN(number) || Double.isInfinite(number)) {
        writeString(String.valueOf(number), out);
      } else {
        out.append(number);
      }
    } else if (value instanceof Number) {
      out.append(value);
    } else if (value instanceof Map<?, ?> map) {
      out.append('{');
      boolean first = true;
      for (Map.Entry<?, ?> entry : map.entrySet()) {
        if (!first) {
          out.append(',');
        }
        first = false;
        writeString(String.valueOf(entry.getKey()), out);
        out.append(':');
        write(entry.getValue(), out);
      }
      out.append('}');
    } else if (value instanceof Iterable<?> iterable) {
      out.append('[');
      boolean first = true;
      for (Object element : iterable) {
        if (!first) {
          out.append(',');
        }
        first = false;
        write(element, out);
      }
      out.append(']');
    } else {
      writeString(value.toString(), out);
    }
  }

  /** {@code value} as JSON text. */
  public static String write(Object value) {
    StringBuilder out = new StringBuilder();
    write(value, out);
    return out.toString();
  }

  /**
   * Appends {@code c} as it must appear inside a JSON string literal: quotes, backslashes and
   * control characters escaped, and U+2028/U+2029 too, so the text is also safe inside a script.
   */
  public static void escape(char c, StringBuilder out) {
    switch (c) {
      case '"' -> out.append("\\\"");
      case '\\' -> out.append("\\\\");
      case '\n' -> out.append("\\n");
      case '\r' -> out.append("\\r");
      case '\t' -> out.append("\\t");
      case '\b' -> out.append("\\b");
      case '\f' -> out.append("\\f");
      default -> {
        if (c < 0x20 || c == '\u2028' || c == '\u2029') {
          out.append("\\u")
              .append(HEX[c >> 12])
              .append(HEX[(c >> 8) & 0xf])
              .append(HEX[(c >> 4) & 0xf])
              .append(HEX[c & 0xf]);
        } else {
          out.append(c);
        }
      }
    }
  }

  /** Appends {@code value} as a JSON string literal, escaping what JSON requires. */
  public static void writeString(String value, StringBuilder out) {
    out.append('"');
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      escape(c, out);
    }
    out.append('"');
  }

  /** The deepest nesting of arrays and objects read. */
  public static final int MAX_DEPTH = 512;

  /**
   * Reads the value at {@link #position}. Iterative, with the open arrays and objects on a heap
   * stack: the thread's stack depth does not grow with the nesting.
   */
  private Object readDocument() {
    Deque<Object> open = new ArrayDeque<>();
    Deque<String> names = new ArrayDeque<>();
    while (true) {
      Object value;
      char c = peekValue();
      if (c == '[' || c == '{') {
        if (open.size() == MAX_DEPTH) {
          throw error("nesting deeper than " + MAX_DEPTH);
        }
        position++;
        skipWhitespace();
        if (c == '[' && peek() == ']') {
          position++;
          value = new ArrayList<>();
        } else if (c == '{' && peek() == '}') {
          position++;
          value = new LinkedHashMap<String, Object>();
        } else {
          open.push(c == '[' ? new ArrayList<>() : new LinkedHashMap<String, Object>());
          if (c == '{') {
            names.push(readName());
          }
          continue;
        }
      } else {
        value = readScalar(c);
      }
      while (true) {
        Object container = open.peek();
        if (container == null) {
          return value;
        }
        add(container, names, value);
        skipWhitespace();
        char next = peek();
        boolean array = container instanceof List;
        if (next == ',') {
          position++;
          if (!array) {
            names.push(readName());
          }
          break;
        }
        if (next != (array ? ']' : '}')) {
          throw error(array ? "expected ',' or ']'" : "expected ',' or '}'");
        }
        position++;
        value = open.pop();
      }
    }
  }

  @SuppressWarnings("unchecked")
  private static void add(Object container, Deque<String> names, Object value) {
    if (container instanceof List<?> list) {
      ((List<Object>) list).add(value);
    } else {
      ((Map<String, Object>) container).put(names.pop(), value);
    }
  }

  /** The first character of the next value, white space skipped. */
  private char peekValue() {
    skipWhitespace();
    if (position >= text.length()) {
      throw error("unexpected end of input");
    }
    return text.charAt(position);
  }

  /** A member name and its colon, white space around them skipped. */
  private String readName() {
    skipWhitespace();
    if (peek() != '"') {
      throw error("expected a member name");
    }
    String name = readString();
    skipWhitespace();
    expect(':');
    return name;
  }

  private Object readScalar(char c) {
    return switch (c) {
      case '"' -> readString();
      case 't' -> readLiteral("true", Boolean.TRUE);
      case 'f' -> readLiteral("false", Boolean.FALSE);
      case 'n' -> readLiteral("null", null);
      default -> {
        if (c == '-' || (c >= '0' && c <= '9')) {
          yield readNumber();
        }
        throw error("unexpected character '" + c + "'");
      }
    };
  }

  private String readString() {
    position++;
    StringBuilder out = new StringBuilder();
    while (true) {
      if (position >= text.length()) {
        throw error("unterminated string");
      }
      char c = text.charAt(position++);
      if (c == '"') {
        return out.toString();
      }
      if (c < 0x20) {
        position--;
        throw error("control character in string");
      }
      if (c != '\\') {
        out.append(c);
        continue;
      }
      if (position >= text.length()) {
        throw error("unterminated escape");
      }
      char escaped = text.charAt(position++);
      switch (escaped) {
        case '"', '\\', '/' -> out.append(escaped);
        case 'n' -> out.append('\n');
        case 'r' -> out.append('\r');
        case 't' -> out.append('\t');
        case 'b' -> out.append('\b');
        case 'f' -> out.append('\f');
        case 'u' -> {
          if (position + 4 > text.length()) {
            throw error("short unicode escape");
          }
          int code = 0;
          for (int i = 0; i < 4; i++) {
            int digit = Ids.hexDigit(text.charAt(position + i));
            if (digit < 0) {
              throw error("bad unicode escape");
            }
            code = code * 16 + digit;
          }
          position += 4;
          out.append((char) code);
        }
        default -> {
          position--;
          throw error("bad escape '\\" + escaped + "'");
        }
      }
    }
  }

  private Object readLiteral(String literal, Object value) {
    if (!text.startsWith(literal, position)) {
      throw error("expected " + literal);
    }
    position += literal.length();
    return value;
  }

  private Object readNumber() {
    int start = position;
    if (peek() == '-') {
      position++;
    }
    if (peek() == '0') {
      position++;
    } else if (isDigit(peek())) {
      while (isDigit(peek())) {
        position++;
      }
    } else {
      throw error("expected a digit");
    }
    boolean integral = true;
    if (peek() == '.') {
      integral = false;
      position++;
      if (!isDigit(peek())) {
        throw error("expected a digit after '.'");
      }
      while (isDigit(peek())) {
        position++;
      }
    }
    if (peek() == 'e' || peek() == 'E') {
      integral = false;
      position++;
      if (peek() == '+' || peek() == '-') {
        position++;
      }
      if (!isDigit(peek())) {
        throw error("expected a digit in the exponent");
      }
      while (isDigit(peek())) {
        position++;
      }
    }
    String number = text.substring(start, position);
    if (integral && position - start <= 20) {
      try {
        return Long.parseLong(number);
      } catch (NumberFormatException tooLarge) {
        // read as a double below
      }
    }
    double value = Double.parseDouble(number);
    if (Double.isInfinite(value)) {
      position = start;
      throw error("number out of range");
    }
    return value;
  }

  private static boolean isDigit(char c) {
    return c >= '0' && c <= '9';
  }

  private char peek() {
    return position < text.length() ? text.charAt(position) : '\0';
  }

  private void expect(char c) {
    if (peek() != c) {
      throw error("expected '" + c + "'");
    }
    position++;
  }

  private void skipWhitespace() {
    while (position < text.length()) {
      char c = text.charAt(position);
      if (c != ' ' && c != '\t' && c != '\n' && c != '\r') {
        return;
      }
      position++;
    }
  }

  private JsonException error(String problem) {
    return new JsonException(problem + " at offset " + position, position);
  }
}

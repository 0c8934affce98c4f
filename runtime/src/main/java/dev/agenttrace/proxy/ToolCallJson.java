package dev.agenttrace.proxy;

import dev.agenttrace.internal.json.Json;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Arrays;

/**
 * Renders what a tool was called with and what it returned as the strings of {@code
 * gen_ai.tool.call.arguments} and {@code gen_ai.tool.call.result}. Called by the generated proxies
 * of tools that opt in to capture, and only when the span records.
 *
 * <p>Guarantees: never throws into the traced call (a value whose {@code toString()} fails, with an
 * exception or an error, is rendered as its class name and the failure, as {@link AttributeValues}
 * does), and reads values only through {@code toString()}, {@code name()} and the boxes' own
 * accessors, never by reflection.
 */
public final class ToolCallJson {
  private ToolCallJson() {}

  /**
   * A JSON object from each name to its value, in order: strings, the JDK's numbers and booleans as
   * JSON values, {@code null} as {@code null}, enums by name, arrays as {@code Arrays.deepToString}
   * text, anything else as the JSON string of {@code String.valueOf(value)}.
   *
   * @param names the parameter names
   * @param values the arguments, one per name
   */
  public static String arguments(String[] names, Object[] values) {
    StringBuilder json = new StringBuilder();
    json.append('{');
    for (int i = 0; i < names.length && i < values.length; i++) {
      if (i > 0) {
        json.append(',');
      }
      Json.writeString(names[i], json);
      json.append(':');
      Json.write(safeScalar(values[i]), json);
    }
    return json.append('}').toString();
  }

  /** A string result as it is (tools often return JSON already), anything else as its text. */
  public static String result(Object value) {
    if (value instanceof String string) {
      return string;
    }
    return value == null ? "null" : AttributeValues.toStringSafely(value);
  }

  private static Object safeScalar(Object value) {
    try {
      return scalar(value);
    } catch (Throwable e) {
      return AttributeValues.failed(value, e);
    }
  }

  private static Object scalar(Object value) {
    if (value == null
        || value instanceof String
        || value instanceof Boolean
        || value instanceof Integer
        || value instanceof Long
        || value instanceof Short
        || value instanceof Byte
        || value instanceof Double
        || value instanceof Float
        || value instanceof BigInteger
        || value instanceof BigDecimal) {
      return value;
    }
    if (value instanceof Enum<?> constant) {
      return constant.name();
    }
    if (value.getClass().isArray()) {
      // deepToString of a one-element array renders any array, primitive or not.
      String rendered = Arrays.deepToString(new Object[] {value});
      return rendered.substring(1, rendered.length() - 1);
    }
    return String.valueOf(value);
  }
}

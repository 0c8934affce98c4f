package dev.agenttrace.proxy;

import java.util.Arrays;

/**
 * Renders arbitrary values as attribute text without ever throwing. Generated proxies call it for
 * {@code @SpanAttribute} parameters that are neither strings, numbers, booleans, characters nor
 * enums, before the traced call runs: a {@code toString()} that fails must not stop that call.
 *
 * <p>Guarantees (a stable API for generated code): no method throws, whatever the value's {@code
 * toString()} does (exceptions and errors such as {@link StackOverflowError} alike); {@code null}
 * stays {@code null}, so it is not recorded; a failing value is rendered as its class name followed
 * by {@code (toString failed: ExceptionClass)}. A value that renders normally costs only its own
 * {@code toString()}.
 */
public final class AttributeValues {
  private AttributeValues() {}

  /** {@code String.valueOf(value)}, or {@code null} for null, or the failure text; never throws. */
  public static String toStringSafely(Object value) {
    if (value == null) {
      return null;
    }
    try {
      return value.toString();
    } catch (Throwable e) {
      return failed(value, e);
    }
  }

  /**
   * {@code Arrays.deepToString(array)}, or {@code null} for null; if an element's {@code
   * toString()} fails, the failure text of the array; never throws.
   */
  public static String deepToStringSafely(Object[] array) {
    if (array == null) {
      return null;
    }
    try {
      return Arrays.deepToString(array);
    } catch (Throwable e) {
      return failed(array, e);
    }
  }

  /** The text recorded for {@code value} whose rendering threw {@code failure}. */
  static String failed(Object value, Throwable failure) {
    return value.getClass().getName() + "(toString failed: " + failure.getClass().getName() + ")";
  }
}

package dev.agenttrace;

import static java.util.Objects.requireNonNull;

import java.util.List;

/**
 * A typed attribute key. Keys are meant to be created once and kept in constants, as the generated
 * proxies do, so that recording an attribute costs no string work.
 *
 * <pre>{@code
 * static final AttributeKey<String> ORDER_ID = AttributeKey.stringKey("order.id");
 * span.setAttribute(ORDER_ID, orderId);
 * }</pre>
 *
 * @param <T> the Java type of the attribute's values
 */
public final class AttributeKey<T> {
  private final String name;
  private final AttributeType type;

  private AttributeKey(String name, AttributeType type) {
    this.name = requireNonNull(name, "name");
    this.type = type;
  }

  /** A key for string values. */
  public static AttributeKey<String> stringKey(String name) {
    return new AttributeKey<>(name, AttributeType.STRING);
  }

  /** A key for boolean values. */
  public static AttributeKey<Boolean> booleanKey(String name) {
    return new AttributeKey<>(name, AttributeType.BOOLEAN);
  }

  /** A key for integral values, stored as {@code long}. */
  public static AttributeKey<Long> longKey(String name) {
    return new AttributeKey<>(name, AttributeType.LONG);
  }

  /** A key for floating-point values, stored as {@code double}. */
  public static AttributeKey<Double> doubleKey(String name) {
    return new AttributeKey<>(name, AttributeType.DOUBLE);
  }

  /**
   * A key for string arrays, held as an immutable {@code List<String>} (OpenTelemetry's {@code
   * string[]}); exporters without arrays write the elements joined by commas.
   */
  public static AttributeKey<List<String>> stringArrayKey(String name) {
    return new AttributeKey<>(name, AttributeType.STRING_ARRAY);
  }

  /** The key's name, such as {@code gen_ai.tool.name}. */
  public String name() {
    return name;
  }

  /** The type of the values this key holds. */
  public AttributeType type() {
    return type;
  }

  /** Keys are equal when name and type are; two constants for the same key are interchangeable. */
  @Override
  public boolean equals(Object other) {
    return other instanceof AttributeKey
        && ((AttributeKey<?>) other).name.equals(name)
        && ((AttributeKey<?>) other).type == type;
  }

  @Override
  public int hashCode() {
    return name.hashCode() * 31 + type.hashCode();
  }

  @Override
  public String toString() {
    return name;
  }
}

package dev.agenttrace.processor;

/**
 * How a {@code @SpanAttribute} argument is recorded, decided from its static type at compile time.
 */
enum AttributeValueKind {
  /** {@code boolean} or {@code Boolean}: a boolean attribute. */
  BOOLEAN("booleanKey"),
  /** Integral primitives and their boxes: a long attribute. */
  LONG("longKey"),
  /** {@code float}, {@code double} and boxes: a double attribute. */
  DOUBLE("doubleKey"),
  /** {@code String} and {@code CharSequence}: a string attribute. */
  STRING("stringKey"),
  /** {@code char} or {@code Character}: a one-character string. */
  CHAR("stringKey"),
  /** An enum: its {@code name()}. */
  ENUM("stringKey"),
  /** An array: {@code Arrays.toString} or {@code Arrays.deepToString}. */
  ARRAY("stringKey"),
  /** Anything else: {@code String.valueOf}. */
  OTHER("stringKey");

  private final String keyFactory;

  AttributeValueKind(String keyFactory) {
    this.keyFactory = keyFactory;
  }

  /** The {@code AttributeKey} factory method for this kind, such as {@code longKey}. */
  String keyFactory() {
    return keyFactory;
  }
}

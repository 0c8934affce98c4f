package dev.agenttrace.processor;

import java.util.List;

/**
 * How the generated code reads one GenAI attribute, checked at compile time: from a parameter or
 * the result, through a chain of no-argument accessors, converted to the attribute's type.
 *
 * @param setting the attribute and its rules
 * @param parameterIndex the parameter the path starts at, or {@link #RESULT}
 * @param rootPrimitive whether that parameter is a primitive (so never null)
 * @param accessors the accessors to call in order (empty: the parameter or result itself)
 * @param conversion how the last value becomes the attribute's value
 */
record ValuePath(
    GenAiSetting setting,
    int parameterIndex,
    boolean rootPrimitive,
    List<Accessor> accessors,
    Conversion conversion) {
  /** The {@code parameterIndex} of a path that starts at the call's result. */
  static final int RESULT = -1;

  /**
   * One accessor call in a chain.
   *
   * @param name the method to call
   * @param primitive whether it returns a primitive (so never null)
   */
  record Accessor(String name, boolean primitive) {}

  /** How the value at the end of the chain is recorded. */
  enum Conversion {
    /** A primitive number or boolean, as it is. */
    PRIMITIVE,
    /** A box or other {@code Number}: its {@code longValue()}, {@code doubleValue()} or itself. */
    BOXED,
    /** A {@code CharSequence}: its {@code toString()}. */
    TEXT,
    /** An enum: its lower-case name. */
    ENUM,
    /** An integral number recorded as a string (a tool call id): {@code String.valueOf}. */
    NUMBER_TEXT,
    /** Strings from an iterable, an array or a single value. */
    STRINGS
  }

  /** Whether the last value can be null and must be checked. */
  boolean endNullable() {
    return accessors.isEmpty() ? !rootPrimitive : !accessors.get(accessors.size() - 1).primitive();
  }
}

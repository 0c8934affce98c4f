package dev.agenttrace.propagation;

import java.util.Map;

/**
 * Writes fields into a carrier of text key/value pairs (HTTP request headers, message properties, a
 * map). Setting a field replaces any value it had.
 *
 * @param <C> the carrier type
 */
@FunctionalInterface
public interface TextMapSetter<C> {

  /** Sets field {@code key} of {@code carrier} to {@code value}, replacing what was there. */
  void set(C carrier, String key, String value);

  /** A setter for a mutable {@code Map<String, String>} carrier. */
  static TextMapSetter<Map<String, String>> forMap() {
    return MapCarrier.SETTER;
  }
}

package dev.agenttrace.propagation;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Reads fields from a carrier of text key/value pairs (HTTP headers, message properties, a map), so
 * that propagators work with any transport.
 *
 * <p>Field names are matched case-insensitively, as HTTP requires; a carrier that can hold one
 * field several times (HTTP headers) returns every value from {@link #getAll}, in order, and the
 * propagator combines them as RFC 7230 section 3.2.2 says.
 *
 * @param <C> the carrier type
 */
public interface TextMapGetter<C> {

  /** The names of all fields of {@code carrier}. */
  Iterable<String> keys(C carrier);

  /** The value of the field named exactly {@code key}, or {@code null}. */
  String get(C carrier, String key);

  /**
   * Every value of the fields whose name equals {@code key} ignoring case, in carrier order; empty
   * when there is none. Carriers that keep repeated fields override this.
   */
  default List<String> getAll(C carrier, String key) {
    List<String> values = new ArrayList<>(1);
    for (String name : keys(carrier)) {
      if (name != null && name.equalsIgnoreCase(key)) {
        String value = get(carrier, name);
        if (value != null) {
          values.add(value);
        }
      }
    }
    return values;
  }

  /** A getter for a {@code Map<String, String>} carrier. */
  static TextMapGetter<Map<String, String>> forMap() {
    return MapCarrier.GETTER;
  }

  /** A getter for a multi-valued {@code Map<String, List<String>>} carrier. */
  static TextMapGetter<Map<String, List<String>>> forMultiMap() {
    return MapCarrier.MULTI_GETTER;
  }
}

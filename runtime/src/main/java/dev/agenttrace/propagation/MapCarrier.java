package dev.agenttrace.propagation;

import java.util.List;
import java.util.Map;

/** Getters and setters for maps used as carriers. */
final class MapCarrier {
  static final TextMapGetter<Map<String, String>> GETTER =
      new TextMapGetter<>() {
        @Override
        public Iterable<String> keys(Map<String, String> carrier) {
          return carrier.keySet();
        }

        @Override
        public String get(Map<String, String> carrier, String key) {
          return carrier.get(key);
        }
      };

  static final TextMapGetter<Map<String, List<String>>> MULTI_GETTER =
      new TextMapGetter<>() {
        @Override
        public Iterable<String> keys(Map<String, List<String>> carrier) {
          return carrier.keySet();
        }

        @Override
        public String get(Map<String, List<String>> carrier, String key) {
          List<String> values = carrier.get(key);
          return values == null || values.isEmpty() ? null : String.join(",", values);
        }
      };

  static final TextMapSetter<Map<String, String>> SETTER = Map::put;

  private MapCarrier() {}
}

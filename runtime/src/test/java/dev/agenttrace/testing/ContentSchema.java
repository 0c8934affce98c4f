package dev.agenttrace.testing;

import dev.agenttrace.internal.json.Json;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * One of the GenAI conventions' JSON schemas for captured content ({@code
 * gen-ai-input-messages.json}, ...), copied into the test resources, as a small validator: types,
 * required properties and constants, with each part checked against the definition its {@code type}
 * names (so that a malformed {@code text} part is not excused as a generic one).
 */
public final class ContentSchema {
  private final Map<?, ?> root;
  private final Map<?, ?> definitions;

  private ContentSchema(Map<?, ?> root) {
    this.root = root;
    this.definitions = (Map<?, ?>) root.get("$defs");
  }

  /** The schema in the copied file {@code name}, such as {@code gen-ai-input-messages.json}. */
  public static ContentSchema load(String name) {
    return new ContentSchema((Map<?, ?>) Json.parse(GenAiConventions.resource(name)));
  }

  /** What is wrong with {@code json} (JSON text) under this schema; empty when it conforms. */
  public List<String> problems(String json) {
    List<String> problems = new ArrayList<>();
    check(Json.parse(json), root, "$", problems);
    return problems;
  }

  private void check(Object value, Map<?, ?> schema, String path, List<String> problems) {
    if (schema.get("$ref") instanceof String ref) {
      if (ref.startsWith("#/$defs/")) {
        check(value, (Map<?, ?>) definitions.get(ref.substring(8)), path, problems);
      }
      return; // an external schema (JSON Schema itself, for tool parameters)
    }
    if (schema.get("anyOf") instanceof List<?> alternatives) {
      checkAnyOf(value, alternatives, path, problems);
      return;
    }
    if (schema.containsKey("const") && !schema.get("const").equals(value)) {
      problems.add(path + " is " + value + ", not " + schema.get("const"));
      return;
    }
    if (schema.get("type") instanceof String type && !hasType(value, type)) {
      problems.add(path + " is not of type " + type + ": " + value);
      return;
    }
    if (value instanceof Map<?, ?> object) {
      if (schema.get("required") instanceof List<?> required) {
        for (Object name : required) {
          if (!object.containsKey(name)) {
            problems.add(path + " misses " + name);
          }
        }
      }
      if (schema.get("properties") instanceof Map<?, ?> properties) {
        for (Map.Entry<?, ?> property : properties.entrySet()) {
          if (object.containsKey(property.getKey())) {
            check(
                object.get(property.getKey()),
                (Map<?, ?>) property.getValue(),
                path + "." + property.getKey(),
                problems);
          }
        }
      }
    }
    if (value instanceof List<?> list && schema.get("items") instanceof Map<?, ?> items) {
      for (int i = 0; i < list.size(); i++) {
        check(list.get(i), items, path + "[" + i + "]", problems);
      }
    }
  }

  /** The alternative whose {@code type} constant the value names, else any that fits. */
  private void checkAnyOf(Object value, List<?> alternatives, String path, List<String> problems) {
    Object type = value instanceof Map<?, ?> object ? object.get("type") : null;
    for (Object alternative : alternatives) {
      Map<?, ?> resolved = resolve((Map<?, ?>) alternative);
      if (type != null
          && resolved.get("properties") instanceof Map<?, ?> properties
          && properties.get("type") instanceof Map<?, ?> typeSchema
          && type.equals(typeSchema.get("const"))) {
        check(value, resolved, path, problems);
        return;
      }
    }
    for (Object alternative : alternatives) {
      List<String> attempt = new ArrayList<>();
      check(value, (Map<?, ?>) alternative, path, attempt);
      if (attempt.isEmpty()) {
        return;
      }
    }
    problems.add(path + " matches none of " + alternatives.size() + " alternatives: " + value);
  }

  private Map<?, ?> resolve(Map<?, ?> schema) {
    return schema.get("$ref") instanceof String ref && ref.startsWith("#/$defs/")
        ? (Map<?, ?>) definitions.get(ref.substring(8))
        : schema;
  }

  private static boolean hasType(Object value, String type) {
    return switch (type) {
      case "object" -> value instanceof Map;
      case "array" -> value instanceof List;
      case "string" -> value instanceof String;
      case "number" -> value instanceof Number;
      case "integer" -> value instanceof Long;
      case "boolean" -> value instanceof Boolean;
      case "null" -> value == null;
      default -> true;
    };
  }
}

package dev.agenttrace;

import static java.util.Objects.requireNonNull;

/**
 * A tool offered to the model, as {@code gen_ai.tool.definitions} captures it: a function tool with
 * its name and, optionally, description and parameter schema.
 *
 * <pre>{@code
 * ToolDefinition.function("lookup_order", "Finds an order by id",
 *     "{\"type\":\"object\",\"properties\":{\"id\":{\"type\":\"integer\"}}}");
 * }</pre>
 *
 * @param type the tool type, {@code function} for the tools a program runs itself
 * @param name the tool's name
 * @param description what it does, or null
 * @param parameters the JSON Schema of its parameters as JSON text, or null
 */
public record ToolDefinition(String type, String name, String description, String parameters) {
  public ToolDefinition {
    requireNonNull(type, "type");
    requireNonNull(name, "name");
  }

  /** A function tool. */
  public static ToolDefinition function(String name, String description, String parameters) {
    return new ToolDefinition("function", name, description, parameters);
  }
}

package dev.agenttrace.metrics;

import static java.util.Objects.requireNonNull;

import dev.agenttrace.AttributeKey;
import dev.agenttrace.SemanticAttributes;

/**
 * What latencies are grouped by: one dimension (span name, agent, tool or model) and its value. A
 * span counts for every dimension it has, so a tool call is measured both under its span name and
 * under its tool name.
 *
 * @param dimension what the value names
 * @param value the span name, agent name, tool name or model name
 */
public record OperationKey(Dimension dimension, String value) {

  /** Checks that neither part is null. */
  public OperationKey {
    requireNonNull(dimension, "dimension");
    requireNonNull(value, "value");
  }

  /** The operation of every span named {@code name}. */
  public static OperationKey spanName(String name) {
    return new OperationKey(Dimension.SPAN_NAME, name);
  }

  /** The spans of agent {@code name} ({@code gen_ai.agent.name}). */
  public static OperationKey agent(String name) {
    return new OperationKey(Dimension.AGENT, name);
  }

  /** The spans of tool {@code name} ({@code gen_ai.tool.name}). */
  public static OperationKey tool(String name) {
    return new OperationKey(Dimension.TOOL, name);
  }

  /** The spans that asked for model {@code name} ({@code gen_ai.request.model}). */
  public static OperationKey model(String name) {
    return new OperationKey(Dimension.MODEL, name);
  }

  @Override
  public String toString() {
    return dimension.label() + '=' + value;
  }

  /** A way of grouping spans. */
  public enum Dimension {
    /** The span name, such as {@code execute_tool lookup_order}. */
    SPAN_NAME("span.name", null),
    /** {@code gen_ai.agent.name}. */
    AGENT("gen_ai.agent.name", SemanticAttributes.GEN_AI_AGENT_NAME),
    /** {@code gen_ai.tool.name}. */
    TOOL("gen_ai.tool.name", SemanticAttributes.GEN_AI_TOOL_NAME),
    /** {@code gen_ai.request.model}. */
    MODEL("gen_ai.request.model", SemanticAttributes.GEN_AI_REQUEST_MODEL);

    private final String label;
    private final AttributeKey<String> attribute;

    Dimension(String label, AttributeKey<String> attribute) {
      this.label = label;
      this.attribute = attribute;
    }

    /** The attribute name this dimension reads, or {@code span.name}. */
    public String label() {
      return label;
    }

    /** The attribute this dimension reads; {@code null} for the span name. */
    AttributeKey<String> attribute() {
      return attribute;
    }
  }
}

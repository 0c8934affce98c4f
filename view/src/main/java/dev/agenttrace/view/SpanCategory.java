package dev.agenttrace.view;

import dev.agenttrace.SemanticAttributes;
import dev.agenttrace.spi.SpanData;

/** What a span stands for in an agent system, from its {@code gen_ai.operation.name}. */
enum SpanCategory {
  AGENT("agent run", "#f0a35e"),
  LLM("LLM call", "#6fa8dc"),
  TOOL("tool", "#93c47d"),
  OTHER("other", "#c9c9c9");

  private final String label;
  private final String color;

  SpanCategory(String label, String color) {
    this.label = label;
    this.color = color;
  }

  /** For a legend, e.g. {@code LLM call}. */
  String label() {
    return label;
  }

  /** The fill colour, as CSS/SVG hex. */
  String color() {
    return color;
  }

  static SpanCategory of(SpanData span) {
    String operation = span.attributes().get(SemanticAttributes.GEN_AI_OPERATION_NAME);
    if (operation == null) {
      return OTHER;
    }
    switch (operation) {
      case SemanticAttributes.OPERATION_INVOKE_AGENT:
      case "create_agent":
        return AGENT;
      case SemanticAttributes.OPERATION_CHAT:
      case "text_completion":
      case "generate_content":
      case "embeddings":
        return LLM;
      case SemanticAttributes.OPERATION_EXECUTE_TOOL:
        return TOOL;
      default:
        return OTHER;
    }
  }
}

package dev.agenttrace.langchain4j;

import dev.langchain4j.model.ModelProvider;
import java.util.Locale;

/**
 * LangChain4j's {@link ModelProvider} as the GenAI conventions name it ({@code
 * gen_ai.provider.name}). Matched by constant name, so that a LangChain4j version with constants
 * this module does not know still links: an unknown one is recorded by its name in lower case.
 */
final class Providers {
  private Providers() {}

  /** The conventions' name of {@code provider}; {@code null} for none. */
  static String name(ModelProvider provider) {
    if (provider == null) {
      return null;
    }
    return switch (provider.name()) {
      case "OPEN_AI" -> "openai";
      case "ANTHROPIC" -> "anthropic";
      case "AMAZON_BEDROCK" -> "aws.bedrock";
      case "AZURE_OPEN_AI" -> "azure.ai.openai";
      case "MICROSOFT_FOUNDRY" -> "azure.ai.inference";
      case "GOOGLE_AI_GEMINI" -> "gcp.gemini";
      case "GOOGLE_GENAI" -> "gcp.gen_ai";
      case "GOOGLE_VERTEX_AI_GEMINI", "GOOGLE_VERTEX_AI_ANTHROPIC" -> "gcp.vertex_ai";
      case "MISTRAL_AI" -> "mistral_ai";
      case "WATSONX" -> "ibm.watsonx.ai";
      default -> provider.name().toLowerCase(Locale.ROOT);
    };
  }
}

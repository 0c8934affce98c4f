package dev.agenttrace.springai;

import static dev.agenttrace.SemanticAttributes.GEN_AI_USAGE_INPUT_TOKENS;
import static dev.agenttrace.SemanticAttributes.GEN_AI_USAGE_OUTPUT_TOKENS;
import static dev.agenttrace.proxy.IntegrationSpans.read;

import dev.agenttrace.Span;
import dev.agenttrace.proxy.IntegrationSpans;
import org.springframework.ai.chat.metadata.EmptyUsage;
import org.springframework.ai.chat.metadata.Usage;

/**
 * The GenAI model-call spans of this module (the span itself, running the call and reading values
 * defensively are {@link IntegrationSpans}', shared with the LangChain4j module): Spring AI's token
 * usage.
 */
final class ModelSpans {
  private ModelSpans() {}

  /**
   * Records the counts of {@code usage} that are known; nothing for a null usage or Spring AI's
   * {@link EmptyUsage} (a response that reported none, whose zeros are not counts).
   */
  static void recordUsage(Span span, Usage usage, boolean withOutput) {
    if (usage == null || usage instanceof EmptyUsage) {
      return;
    }
    Integer input = read(usage::getPromptTokens);
    if (input != null) {
      span.setAttribute(GEN_AI_USAGE_INPUT_TOKENS, input.longValue());
    }
    Integer output = withOutput ? read(usage::getCompletionTokens) : null;
    if (output != null) {
      span.setAttribute(GEN_AI_USAGE_OUTPUT_TOKENS, output.longValue());
    }
  }
}

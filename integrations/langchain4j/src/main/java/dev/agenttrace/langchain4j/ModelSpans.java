package dev.agenttrace.langchain4j;

import static dev.agenttrace.SemanticAttributes.GEN_AI_USAGE_INPUT_TOKENS;
import static dev.agenttrace.SemanticAttributes.GEN_AI_USAGE_OUTPUT_TOKENS;
import static dev.agenttrace.proxy.IntegrationSpans.read;

import dev.agenttrace.Context;
import dev.agenttrace.Span;
import dev.agenttrace.Tracer;
import dev.agenttrace.proxy.IntegrationSpans;
import dev.langchain4j.model.output.TokenUsage;

/**
 * The GenAI model-call spans of this module (the span itself, running the call and reading values
 * defensively are {@link IntegrationSpans}', shared with the Spring AI module): LangChain4j's token
 * usage.
 */
final class ModelSpans {
  private ModelSpans() {}

  /**
   * Starts the span of a model call as a child of the current span; {@code model} and {@code
   * provider} may be null (the span is then named after the operation alone).
   */
  static Span start(
      Tracer tracer, String operation, String model, String provider, boolean streaming) {
    return IntegrationSpans.startModelCall(
        tracer, Context.current(), operation, model, provider, streaming);
  }

  /** Records the counts of {@code usage} that are known; {@code usage} may be null. */
  static void recordUsage(Span span, TokenUsage usage) {
    if (usage == null) {
      return;
    }
    Integer input = read(usage::inputTokenCount);
    if (input != null) {
      span.setAttribute(GEN_AI_USAGE_INPUT_TOKENS, input.longValue());
    }
    Integer output = read(usage::outputTokenCount);
    if (output != null) {
      span.setAttribute(GEN_AI_USAGE_OUTPUT_TOKENS, output.longValue());
    }
  }
}

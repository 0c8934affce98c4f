package dev.agenttrace;

/**
 * Token counts of one model call. Let the return type of an {@code @LlmCall} method implement it,
 * and the generated proxy records {@code gen_ai.usage.input_tokens}, {@code
 * gen_ai.usage.output_tokens} and, when known, the cache and reasoning counts from the returned
 * value, without reflection.
 *
 * <pre>{@code
 * record Completion(String text, long inputTokens, long outputTokens) implements TokenUsage {}
 * }</pre>
 *
 * <p>A negative count means "unknown" and is not recorded. For return types you do not own, name
 * accessors in {@code @LlmCall(inputTokens = ..., outputTokens = ...)} instead. As the GenAI
 * conventions define them, the input count includes cached tokens and the output count includes
 * reasoning tokens.
 */
public interface TokenUsage {
  /** Tokens in the model's input (prompt), or a negative number if unknown. */
  long inputTokens();

  /** Tokens in the model's output (completion), or a negative number if unknown. */
  long outputTokens();

  /**
   * Input tokens served from the provider's cache ({@code gen_ai.usage.cache_read.input_tokens}),
   * or a negative number if unknown (the default).
   */
  default long cacheReadInputTokens() {
    return -1;
  }

  /**
   * Input tokens written to the provider's cache ({@code
   * gen_ai.usage.cache_creation.input_tokens}), or a negative number if unknown (the default).
   */
  default long cacheCreationInputTokens() {
    return -1;
  }

  /**
   * Reasoning tokens ({@code gen_ai.usage.reasoning.output_tokens}), or a negative number if
   * unknown (the default).
   */
  default long reasoningOutputTokens() {
    return -1;
  }
}

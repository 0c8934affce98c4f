package dev.agenttrace;

/**
 * Token counts of one model call. Let the return type of an {@code @LlmCall} method implement it,
 * and the generated proxy records {@code gen_ai.usage.input_tokens} and {@code
 * gen_ai.usage.output_tokens} from the returned value, without reflection.
 *
 * <pre>{@code
 * record Completion(String text, long inputTokens, long outputTokens) implements TokenUsage {}
 * }</pre>
 *
 * <p>A negative count means "unknown" and is not recorded. For return types you do not own, name
 * accessors in {@code @LlmCall(inputTokens = ..., outputTokens = ...)} instead.
 */
public interface TokenUsage {
  /** Tokens in the model's input (prompt), or a negative number if unknown. */
  long inputTokens();

  /** Tokens in the model's output (completion), or a negative number if unknown. */
  long outputTokens();
}

package dev.agenttrace.example;

import dev.agenttrace.TokenUsage;

/**
 * A model's reply with its token counts. Because it implements {@link TokenUsage}, the generated
 * proxy records {@code gen_ai.usage.input_tokens} and {@code gen_ai.usage.output_tokens} on the
 * model call's span, and the metrics count them in {@code gen_ai.client.token.usage}.
 *
 * @param text the reply
 * @param inputTokens tokens in the prompt
 * @param outputTokens tokens in the reply
 */
public record Completion(String text, long inputTokens, long outputTokens) implements TokenUsage {}

package dev.agenttrace.annotations;

/**
 * What a model call does, as the GenAI conventions name it ({@code gen_ai.operation.name}). Each is
 * a CLIENT span named {@code {operation} {model}} that requires {@code gen_ai.provider.name}.
 */
public enum LlmOperation {
  /** A chat completion ({@code chat}), such as OpenAI's Chat Completions API. */
  CHAT,
  /** A (legacy) text completion ({@code text_completion}). */
  TEXT_COMPLETION,
  /** Multimodal content generation ({@code generate_content}), such as Gemini's. */
  GENERATE_CONTENT,
  /** Embeddings ({@code embeddings}): input tokens only, and no message content. */
  EMBEDDINGS
}

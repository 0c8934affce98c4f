package dev.agenttrace.example;

import dev.agenttrace.annotations.LlmCall;

/**
 * The language model the agents ask. Each call is a {@code chat scripted-model} span with the
 * reply's token counts.
 */
@LlmCall(model = "scripted-model", provider = "scripted")
public interface ChatModel {
  /** The model's reply to {@code prompt}. */
  Completion complete(String prompt);
}

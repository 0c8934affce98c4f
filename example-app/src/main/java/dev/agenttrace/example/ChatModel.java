package dev.agenttrace.example;

import dev.agenttrace.annotations.LlmCall;

/** The language model the agents ask. Each call is a {@code chat scripted-model} span. */
@LlmCall(model = "scripted-model", provider = "scripted")
public interface ChatModel {
  /** The model's reply to {@code prompt}. */
  String complete(String prompt);
}

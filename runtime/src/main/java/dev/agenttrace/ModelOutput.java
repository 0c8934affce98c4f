package dev.agenttrace;

import java.util.List;

/**
 * A model response that can say what the model answered: let the return type of a traced model call
 * implement it, and with {@code captureMessages = true} the call records {@code
 * gen_ai.output.messages} (one message per choice), without reflection.
 */
public interface ModelOutput {
  /** The model's messages, one per choice or candidate. */
  List<? extends GenAiMessage> outputMessages();
}

package dev.agenttrace.springai;

import static dev.agenttrace.SemanticAttributes.OPERATION_CHAT;
import static dev.agenttrace.springai.ModelSpans.nonBlank;
import static dev.agenttrace.springai.ModelSpans.read;

import dev.agenttrace.Context;
import dev.agenttrace.Span;
import dev.agenttrace.Tracer;
import java.util.function.Supplier;
import org.springframework.ai.chat.metadata.ChatResponseMetadata;
import org.springframework.ai.chat.model.ChatResponse;
import org.springframework.ai.chat.prompt.ChatOptions;
import org.springframework.ai.chat.prompt.Prompt;

/**
 * The {@code chat {model}} span of a Spring AI prompt: the model is the prompt's options' or, when
 * they name none, the model's default options'.
 */
final class ChatSpans {
  private ChatSpans() {}

  static Span start(
      Tracer tracer,
      Context parent,
      Prompt prompt,
      Supplier<ChatOptions> defaults,
      String provider,
      boolean streaming) {
    String model = nonBlank(read(() -> prompt.getOptions().getModel()));
    if (model == null) {
      model = nonBlank(read(() -> defaults.get().getModel()));
    }
    return ModelSpans.start(tracer, parent, OPERATION_CHAT, model, provider, streaming);
  }

  /** Records what {@code response} says about the call; {@code response} may be null. */
  static void recordResponse(Span span, ChatResponse response) {
    if (response == null) {
      return;
    }
    ChatResponseMetadata metadata = read(response::getMetadata);
    if (metadata == null) {
      return;
    }
    ModelSpans.recordUsage(span, read(metadata::getUsage), true);
  }
}

package dev.agenttrace.langchain4j;

import static dev.agenttrace.SemanticAttributes.OPERATION_CHAT;
import static dev.agenttrace.langchain4j.ModelSpans.nonBlank;
import static dev.agenttrace.langchain4j.ModelSpans.read;

import dev.agenttrace.Span;
import dev.agenttrace.Tracer;
import dev.langchain4j.model.ModelProvider;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.request.ChatRequestParameters;
import dev.langchain4j.model.chat.response.ChatResponse;
import dev.langchain4j.model.chat.response.ChatResponseMetadata;
import java.util.function.Supplier;

/**
 * The {@code chat {model}} span of a LangChain4j chat request, synchronous or streamed: the model
 * is the request's or, when it names none, the model's default; the provider is the model's {@code
 * provider()}.
 */
final class ChatSpans {
  private ChatSpans() {}

  static Span start(
      Tracer tracer,
      ChatRequest request,
      Supplier<ChatRequestParameters> defaults,
      Supplier<ModelProvider> provider,
      boolean streaming) {
    String model = nonBlank(read(() -> request.parameters().modelName()));
    if (model == null) {
      model = nonBlank(read(() -> defaults.get().modelName()));
    }
    return ModelSpans.start(
        tracer, OPERATION_CHAT, model, Providers.name(read(provider)), streaming);
  }

  /** Records what {@code response} says about the call; {@code response} may be null. */
  static void recordResponse(Span span, ChatResponse response) {
    if (response == null) {
      return;
    }
    ChatResponseMetadata metadata = read(response::metadata);
    if (metadata == null) {
      return;
    }
    ModelSpans.recordUsage(span, read(metadata::tokenUsage));
  }
}

package dev.agenttrace.springai;

import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Deque;
import java.util.List;
import org.springframework.ai.chat.messages.AssistantMessage;
import org.springframework.ai.chat.metadata.ChatGenerationMetadata;
import org.springframework.ai.chat.metadata.ChatResponseMetadata;
import org.springframework.ai.chat.metadata.DefaultUsage;
import org.springframework.ai.chat.metadata.Usage;
import org.springframework.ai.chat.model.ChatModel;
import org.springframework.ai.chat.model.ChatResponse;
import org.springframework.ai.chat.model.Generation;
import org.springframework.ai.chat.prompt.ChatOptions;
import org.springframework.ai.chat.prompt.Prompt;
import reactor.core.publisher.Flux;

/**
 * An in-process chat model as Spring AI providers are written ({@code call(Prompt)}, {@code
 * stream(Prompt)} and default options): each call answers with the next scripted response; a stream
 * is the Flux the test gives.
 */
final class ScriptedChatModel implements ChatModel {
  static final String DEFAULT_MODEL = "gpt-4o-mini";

  private final Deque<ChatResponse> responses;
  Flux<ChatResponse> stream = Flux.empty();
  int streamCalls;

  ScriptedChatModel(ChatResponse... responses) {
    this.responses = new ArrayDeque<>(Arrays.asList(responses));
  }

  /** A response with {@code text}, 12 prompt and 5 completion tokens, finished by "stop". */
  static ChatResponse answer(String text) {
    return response(new AssistantMessage(text), new DefaultUsage(12, 5));
  }

  static ChatResponse response(AssistantMessage message, Usage usage) {
    return new ChatResponse(
        List.of(
            new Generation(message, ChatGenerationMetadata.builder().finishReason("stop").build())),
        ChatResponseMetadata.builder()
            .id("chatcmpl-1")
            .model("gpt-4o-mini-2024-07-18")
            .usage(usage)
            .build());
  }

  @Override
  public ChatResponse call(Prompt prompt) {
    ChatResponse next = responses.poll();
    if (next == null) {
      throw new IllegalStateException("the script has no response left");
    }
    return next;
  }

  @Override
  public Flux<ChatResponse> stream(Prompt prompt) {
    streamCalls++;
    return stream;
  }

  @Override
  public ChatOptions getOptions() {
    return ChatOptions.builder().model(DEFAULT_MODEL).maxTokens(256).build();
  }
}

package dev.agenttrace.langchain4j;

import dev.langchain4j.data.message.AiMessage;
import dev.langchain4j.model.ModelProvider;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.request.ChatRequestParameters;
import dev.langchain4j.model.chat.request.DefaultChatRequestParameters;
import dev.langchain4j.model.chat.response.ChatResponse;
import dev.langchain4j.model.output.FinishReason;
import dev.langchain4j.model.output.TokenUsage;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.List;

/**
 * An in-process OpenAI-like chat model as LangChain4j providers are written (only {@code doChat},
 * {@code provider()} and the default parameters): it answers each request with the next scripted
 * response, and keeps the requests it received.
 */
final class ScriptedChatModel implements ChatModel {
  static final String DEFAULT_MODEL = "gpt-4o-mini";

  private final Deque<ChatResponse> responses;
  private final List<ChatRequest> requests = new ArrayList<>();

  ScriptedChatModel(ChatResponse... responses) {
    this.responses = new ArrayDeque<>(Arrays.asList(responses));
  }

  /** A response with {@code text}, 12 input and 5 output tokens, finished by STOP. */
  static ChatResponse answer(String text) {
    return ChatResponse.builder()
        .aiMessage(AiMessage.from(text))
        .id("chatcmpl-1")
        .modelName("gpt-4o-mini-2024-07-18")
        .tokenUsage(new TokenUsage(12, 5))
        .finishReason(FinishReason.STOP)
        .build();
  }

  @Override
  public ChatResponse doChat(ChatRequest request) {
    requests.add(request);
    ChatResponse next = responses.poll();
    if (next == null) {
      throw new IllegalStateException("the script has no response left");
    }
    return next;
  }

  @Override
  public ChatRequestParameters defaultRequestParameters() {
    return DefaultChatRequestParameters.builder()
        .modelName(DEFAULT_MODEL)
        .maxOutputTokens(256)
        .build();
  }

  @Override
  public ModelProvider provider() {
    return ModelProvider.OPEN_AI;
  }

  List<ChatRequest> requests() {
    return requests;
  }
}

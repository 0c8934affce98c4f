package dev.agenttrace.springai;

import org.springframework.ai.chat.model.ChatResponse;
import org.springframework.ai.chat.model.StreamingChatModel;
import org.springframework.ai.chat.prompt.Prompt;
import reactor.core.publisher.Flux;

/**
 * A {@link StreamingChatModel} whose streams are {@code chat {model}} spans lasting until the
 * stream ends (see {@link TracedStreams}); {@code stream(String)} and {@code stream(Message...)}
 * run the interface's default code on this wrapper, funnelling into the traced {@code
 * stream(Prompt)}.
 */
final class TracedStreamingChatModel implements StreamingChatModel {
  private final StreamingChatModel delegate;
  private final String provider;

  TracedStreamingChatModel(StreamingChatModel delegate, String provider) {
    this.delegate = delegate;
    this.provider = provider;
  }

  @Override
  public Flux<ChatResponse> stream(Prompt prompt) {
    return TracedStreams.chat(prompt, delegate::stream, () -> null, provider);
  }

  @Override
  public String toString() {
    return "Traced[" + delegate + "]";
  }
}

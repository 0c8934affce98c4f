package dev.agenttrace.springai;

import dev.agenttrace.AgentTrace;
import dev.agenttrace.Context;
import dev.agenttrace.Span;
import dev.agenttrace.Tracer;
import dev.agenttrace.proxy.IntegrationSpans;
import org.springframework.ai.chat.model.ChatModel;
import org.springframework.ai.chat.model.ChatResponse;
import org.springframework.ai.chat.prompt.ChatOptions;
import org.springframework.ai.chat.prompt.Prompt;
import reactor.core.publisher.Flux;

/**
 * A {@link ChatModel} whose calls are {@code chat {model}} spans: {@code call(Prompt)} is traced
 * and forwarded; {@code call(String)} and {@code call(Message...)} run ChatModel's default code on
 * this wrapper, which funnels into the traced {@code call(Prompt)}: one span per call, with the
 * response's token counts. A ChatModel is also a streaming model: {@code stream(Prompt)} is traced
 * as {@link TracedStreamingChatModel} does.
 */
final class TracedChatModel implements ChatModel {
  private final ChatModel delegate;
  private final String provider;

  TracedChatModel(ChatModel delegate, String provider) {
    this.delegate = delegate;
    this.provider = provider;
  }

  @Override
  public ChatResponse call(Prompt prompt) {
    Tracer tracer = AgentTrace.tracer();
    if (!tracer.isEnabled()) {
      return delegate.call(prompt);
    }
    Span span =
        ChatSpans.start(tracer, Context.current(), prompt, delegate::getOptions, provider, false);
    return IntegrationSpans.within(
        span, () -> delegate.call(prompt), response -> ChatSpans.recordResponse(span, response));
  }

  @Override
  public Flux<ChatResponse> stream(Prompt prompt) {
    return TracedStreams.chat(prompt, delegate::stream, delegate::getOptions, provider);
  }

  @Override
  public ChatOptions getOptions() {
    return delegate.getOptions();
  }

  @Override
  public String toString() {
    return "Traced[" + delegate + "]";
  }
}

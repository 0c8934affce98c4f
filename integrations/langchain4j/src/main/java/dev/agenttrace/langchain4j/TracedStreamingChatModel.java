package dev.agenttrace.langchain4j;

import dev.agenttrace.AgentTrace;
import dev.agenttrace.Scope;
import dev.agenttrace.Span;
import dev.agenttrace.Tracer;
import dev.agenttrace.proxy.StreamingCall;
import dev.langchain4j.model.ModelProvider;
import dev.langchain4j.model.chat.Capability;
import dev.langchain4j.model.chat.ChatRequestOptions;
import dev.langchain4j.model.chat.StreamingChatModel;
import dev.langchain4j.model.chat.listener.ChatModelListener;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.request.ChatRequestParameters;
import dev.langchain4j.model.chat.response.StreamingChatResponseHandler;
import java.util.List;
import java.util.Set;
import java.util.function.BiConsumer;

/**
 * A {@link StreamingChatModel} whose streamed chat requests are {@code chat {model}} spans that
 * last until the model's complete response or error reaches the handler, with {@code
 * gen_ai.request.stream}, a {@code first_chunk} event and {@code
 * gen_ai.response.time_to_first_chunk}. The same methods are traced as in {@link TracedChatModel};
 * a call that throws before streaming ends its span with the error, and the span ends exactly once
 * (see {@link StreamingCall} for the bound on calls whose handler is never called).
 */
final class TracedStreamingChatModel implements StreamingChatModel {
  private final StreamingChatModel delegate;

  TracedStreamingChatModel(StreamingChatModel delegate) {
    this.delegate = delegate;
  }

  @Override
  public void chat(ChatRequest request, StreamingChatResponseHandler handler) {
    traced(request, handler, delegate::chat);
  }

  @Override
  public void chat(
      ChatRequest request, ChatRequestOptions options, StreamingChatResponseHandler handler) {
    traced(request, handler, (r, h) -> delegate.chat(r, options, h));
  }

  @Override
  public void doChat(ChatRequest request, StreamingChatResponseHandler handler) {
    traced(request, handler, delegate::doChat);
  }

  private void traced(
      ChatRequest request,
      StreamingChatResponseHandler handler,
      BiConsumer<ChatRequest, StreamingChatResponseHandler> call) {
    Tracer tracer = AgentTrace.tracer();
    if (!tracer.isEnabled() || handler == null) {
      call.accept(request, handler);
      return;
    }
    Span span =
        ChatSpans.start(
            tracer, request, delegate::defaultRequestParameters, delegate::provider, true);
    StreamingCall streaming = StreamingCall.start(span);
    try (Scope scope = span.makeCurrent()) {
      call.accept(request, new TracedStreamingHandler(handler, streaming));
    } catch (Throwable error) {
      streaming.fail(error);
      throw error;
    }
  }

  @Override
  public ChatRequestParameters defaultRequestParameters() {
    return delegate.defaultRequestParameters();
  }

  @Override
  public List<ChatModelListener> listeners() {
    return delegate.listeners();
  }

  @Override
  public ModelProvider provider() {
    return delegate.provider();
  }

  @Override
  public Set<Capability> supportedCapabilities() {
    return delegate.supportedCapabilities();
  }

  @Override
  public String toString() {
    return "Traced[" + delegate + "]";
  }
}

package dev.agenttrace.langchain4j;

import dev.agenttrace.AgentTrace;
import dev.agenttrace.Span;
import dev.agenttrace.Tracer;
import dev.agenttrace.proxy.IntegrationSpans;
import dev.langchain4j.model.ModelProvider;
import dev.langchain4j.model.chat.Capability;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.chat.ChatRequestOptions;
import dev.langchain4j.model.chat.listener.ChatModelListener;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.request.ChatRequestParameters;
import dev.langchain4j.model.chat.response.ChatResponse;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

/**
 * A {@link ChatModel} whose chat requests are {@code chat {model}} spans. The request-level methods
 * ({@code chat(ChatRequest)}, {@code chat(ChatRequest, ChatRequestOptions)}, {@code doChat}) are
 * traced and forwarded; the convenience overloads ({@code chat(String)}, {@code
 * chat(ChatMessage...)}, {@code chat(List)}) run ChatModel's own default code on this wrapper, so
 * each makes exactly one span with the counts of the response it produced. Everything else is
 * forwarded.
 */
final class TracedChatModel implements ChatModel {
  private final ChatModel delegate;

  TracedChatModel(ChatModel delegate) {
    this.delegate = delegate;
  }

  @Override
  public ChatResponse chat(ChatRequest request) {
    return traced(request, delegate::chat);
  }

  @Override
  public ChatResponse chat(ChatRequest request, ChatRequestOptions options) {
    return traced(request, r -> delegate.chat(r, options));
  }

  @Override
  public ChatResponse doChat(ChatRequest request) {
    return traced(request, delegate::doChat);
  }

  private ChatResponse traced(ChatRequest request, Function<ChatRequest, ChatResponse> call) {
    Tracer tracer = AgentTrace.tracer();
    if (!tracer.isEnabled()) {
      return call.apply(request);
    }
    Span span =
        ChatSpans.start(
            tracer, request, delegate::defaultRequestParameters, delegate::provider, false);
    return IntegrationSpans.within(
        span, () -> call.apply(request), response -> ChatSpans.recordResponse(span, response));
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

package dev.agenttrace.langchain4j;

import static java.util.Objects.requireNonNull;

import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.chat.StreamingChatModel;
import dev.langchain4j.model.embedding.EmbeddingModel;
import dev.langchain4j.rag.content.retriever.ContentRetriever;

/**
 * Traces LangChain4j's models, retrievers and tools following the OpenTelemetry GenAI conventions,
 * one line each:
 *
 * <pre>{@code
 * ChatModel model = AgentTraceLangChain4j.chatModel(OpenAiChatModel.builder()...build());
 * Assistant assistant = AiServices.builder(Assistant.class)
 *     .chatModel(model)
 *     .tools(AgentTraceAiServices.tools(new OrderTools()))
 *     .build();
 * }</pre>
 *
 * <p>This class needs only {@code langchain4j-core}; the tools of AI services, which live in the
 * {@code langchain4j} artifact, are traced by {@link AgentTraceAiServices}. Each wrapper records
 * its spans with the tracer installed in {@link dev.agenttrace.AgentTrace} at the time of the call
 * (nothing, at no cost, while none is), as a child of the current span, and passes every exception
 * through unchanged. The wrappers forward everything else (default parameters, listeners, provider,
 * capabilities) to the wrapped instance. See {@code docs/langchain4j.md} for what each span records
 * and why wrappers rather than LangChain4j's listeners.
 */
public final class AgentTraceLangChain4j {
  private AgentTraceLangChain4j() {}

  /**
   * {@code model}, each chat request a {@code chat {model}} span: the request's model (or the
   * model's default), {@code gen_ai.provider.name} from {@code model.provider()}, token counts,
   * response id, model and finish reason. {@code chat(String)} and the other overloads make one
   * span each.
   */
  public static ChatModel chatModel(ChatModel model) {
    return new TracedChatModel(requireNonNull(model, "model"));
  }

  /**
   * {@code model}, each streamed chat request a {@code chat {model}} span lasting until the handler
   * receives the complete response or the error, with the time to the first chunk.
   */
  public static StreamingChatModel streamingChatModel(StreamingChatModel model) {
    return new TracedStreamingChatModel(requireNonNull(model, "model"));
  }

  /** {@code model}, each embedding request an {@code embeddings {model}} span with input tokens. */
  public static EmbeddingModel embeddingModel(EmbeddingModel model) {
    return new TracedEmbeddingModel(requireNonNull(model, "model"));
  }

  /** {@code retriever}, each retrieval a {@code retrieval} span. */
  public static ContentRetriever contentRetriever(ContentRetriever retriever) {
    return contentRetriever(retriever, null);
  }

  /**
   * {@code retriever}, each retrieval a {@code retrieval {dataSource}} span with {@code
   * gen_ai.data_source.id}.
   */
  public static ContentRetriever contentRetriever(ContentRetriever retriever, String dataSource) {
    return new TracedContentRetriever(requireNonNull(retriever, "retriever"), dataSource);
  }
}

package dev.agenttrace.langchain4j;

import static java.util.Objects.requireNonNull;

import dev.langchain4j.agent.tool.ToolSpecification;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.chat.StreamingChatModel;
import dev.langchain4j.model.embedding.EmbeddingModel;
import dev.langchain4j.rag.content.retriever.ContentRetriever;
import dev.langchain4j.service.tool.AiServiceTool;
import dev.langchain4j.service.tool.ToolExecutor;
import dev.langchain4j.service.tool.ToolService;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Traces LangChain4j's models, retrievers and tools following the OpenTelemetry GenAI conventions,
 * one line each:
 *
 * <pre>{@code
 * ChatModel model = AgentTraceLangChain4j.chatModel(OpenAiChatModel.builder()...build());
 * Assistant assistant = AiServices.builder(Assistant.class)
 *     .chatModel(model)
 *     .tools(AgentTraceLangChain4j.tools(new OrderTools()))
 *     .build();
 * }</pre>
 *
 * <p>Each wrapper records its spans with the tracer installed in {@link dev.agenttrace.AgentTrace}
 * at the time of the call (nothing, at no cost, while none is), as a child of the current span, and
 * passes every exception through unchanged. The wrappers forward everything else (default
 * parameters, listeners, provider, capabilities) to the wrapped instance. See {@code
 * docs/langchain4j.md} for what each span records and why wrappers rather than LangChain4j's
 * listeners.
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

  /**
   * The {@code @Tool} methods of {@code objectsWithTools} as AI service tools whose executions are
   * {@code execute_tool {name}} spans, for {@code AiServices.builder(...).tools(List)}. LangChain4j
   * finds the methods and builds their executors exactly as {@code .tools(Object...)} does ({@code
   * ToolService.findTools}); this only wraps each executor. Compensating actions of {@code @Tool}
   * objects are not carried over: pass such objects to {@code .tools(Object...)} untraced.
   */
  public static List<AiServiceTool> tools(Object... objectsWithTools) {
    List<AiServiceTool> traced = new ArrayList<>();
    for (Object objectWithTools : objectsWithTools) {
      for (AiServiceTool tool : ToolService.findTools(objectWithTools)) {
        traced.add(
            tool.toBuilder()
                .toolExecutor(
                    new TracedToolExecutor(
                        tool.toolExecutor(), tool.name(), tool.toolSpecification().description()))
                .build());
      }
    }
    return traced;
  }

  /**
   * {@code tools} with each executor traced as {@code execute_tool {name}}, for {@code
   * AiServices.builder(...).tools(Map)}; the iteration order is kept.
   */
  public static Map<ToolSpecification, ToolExecutor> tools(
      Map<ToolSpecification, ToolExecutor> tools) {
    Map<ToolSpecification, ToolExecutor> traced = new LinkedHashMap<>();
    tools.forEach(
        (specification, executor) ->
            traced.put(
                specification,
                new TracedToolExecutor(
                    requireNonNull(executor, "executor"),
                    specification.name(),
                    specification.description())));
    return traced;
  }

  /**
   * {@code executor}, each execution an {@code execute_tool {name}} span named after the tool the
   * request names.
   */
  public static ToolExecutor toolExecutor(ToolExecutor executor) {
    return new TracedToolExecutor(requireNonNull(executor, "executor"), null, null);
  }
}

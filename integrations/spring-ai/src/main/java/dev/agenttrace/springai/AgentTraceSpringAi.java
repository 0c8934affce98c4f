package dev.agenttrace.springai;

import static java.util.Objects.requireNonNull;

import java.util.List;
import org.springframework.ai.chat.model.ChatModel;
import org.springframework.ai.chat.model.StreamingChatModel;
import org.springframework.ai.embedding.EmbeddingModel;
import org.springframework.ai.tool.ToolCallback;

/**
 * Traces Spring AI's models and tool callbacks following the OpenTelemetry GenAI conventions, one
 * line each:
 *
 * <pre>{@code
 * ChatModel model = AgentTraceSpringAi.chatModel("openai", openAiChatModel);
 * ChatClient client = ChatClient.builder(model).build();
 * }</pre>
 *
 * <p>Spring AI's models do not say who serves them, so the provider ({@code gen_ai.provider.name},
 * such as {@code openai}, {@code anthropic} or {@code aws.bedrock}) is given when wrapping. Each
 * wrapper records its spans with the tracer installed in {@link dev.agenttrace.AgentTrace} at the
 * time of the call (nothing, at no cost, while none is), as a child of the current span, and passes
 * every exception through unchanged. See {@code docs/spring-ai.md} for what each span records and
 * why wrappers rather than Spring AI's Micrometer observations.
 */
public final class AgentTraceSpringAi {
  private AgentTraceSpringAi() {}

  /**
   * {@code model}, each call a {@code chat {model}} span (the prompt's model or the model's
   * default) with token counts; its streams are traced as by {@link #streamingChatModel}.
   */
  public static ChatModel chatModel(String provider, ChatModel model) {
    return new TracedChatModel(
        requireNonNull(model, "model"), requireNonNull(provider, "provider"));
  }

  /**
   * {@code model}, each subscription to a stream a {@code chat {model}} span lasting until the
   * stream completes, fails or is cancelled, with the time to the first chunk.
   */
  public static StreamingChatModel streamingChatModel(String provider, StreamingChatModel model) {
    return new TracedStreamingChatModel(
        requireNonNull(model, "model"), requireNonNull(provider, "provider"));
  }

  /** {@code model}, each request an {@code embeddings {model}} span with its input tokens. */
  public static EmbeddingModel embeddingModel(String provider, EmbeddingModel model) {
    return new TracedEmbeddingModel(
        requireNonNull(model, "model"), requireNonNull(provider, "provider"));
  }

  /** {@code tool}, each call an {@code execute_tool {name}} span. */
  public static ToolCallback toolCallback(ToolCallback tool) {
    return new TracedToolCallback(requireNonNull(tool, "tool"));
  }

  /** Each of {@code tools} traced as by {@link #toolCallback}, in order. */
  public static List<ToolCallback> toolCallbacks(List<? extends ToolCallback> tools) {
    return tools.stream().map(AgentTraceSpringAi::toolCallback).toList();
  }
}

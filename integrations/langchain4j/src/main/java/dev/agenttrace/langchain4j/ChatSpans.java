package dev.agenttrace.langchain4j;

import static dev.agenttrace.SemanticAttributes.GEN_AI_REQUEST_FREQUENCY_PENALTY;
import static dev.agenttrace.SemanticAttributes.GEN_AI_REQUEST_MAX_TOKENS;
import static dev.agenttrace.SemanticAttributes.GEN_AI_REQUEST_PRESENCE_PENALTY;
import static dev.agenttrace.SemanticAttributes.GEN_AI_REQUEST_STOP_SEQUENCES;
import static dev.agenttrace.SemanticAttributes.GEN_AI_REQUEST_TEMPERATURE;
import static dev.agenttrace.SemanticAttributes.GEN_AI_REQUEST_TOP_K;
import static dev.agenttrace.SemanticAttributes.GEN_AI_REQUEST_TOP_P;
import static dev.agenttrace.SemanticAttributes.GEN_AI_RESPONSE_FINISH_REASONS;
import static dev.agenttrace.SemanticAttributes.GEN_AI_RESPONSE_ID;
import static dev.agenttrace.SemanticAttributes.GEN_AI_RESPONSE_MODEL;
import static dev.agenttrace.SemanticAttributes.OPERATION_CHAT;
import static dev.agenttrace.proxy.IntegrationSpans.nonBlank;
import static dev.agenttrace.proxy.IntegrationSpans.read;

import dev.agenttrace.Span;
import dev.agenttrace.Tracer;
import dev.agenttrace.proxy.GenAiValues;
import dev.langchain4j.model.ModelProvider;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.request.ChatRequestParameters;
import dev.langchain4j.model.chat.response.ChatResponse;
import dev.langchain4j.model.chat.response.ChatResponseMetadata;
import dev.langchain4j.model.output.FinishReason;
import java.util.List;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * The {@code chat {model}} span of a LangChain4j chat request, synchronous or streamed. Each
 * request parameter (model, temperature, top_p, top_k, max tokens, stop sequences, penalties) is
 * the request's or, when it sets none, the model's default, as LangChain4j itself merges them; the
 * provider is the model's {@code provider()}. The response gives its id, model, finish reason and
 * token counts.
 */
final class ChatSpans {
  private ChatSpans() {}

  static Span start(
      Tracer tracer,
      ChatRequest request,
      Supplier<ChatRequestParameters> defaultsOfModel,
      Supplier<ModelProvider> provider,
      boolean streaming) {
    ChatRequestParameters asked = read(request::parameters);
    ChatRequestParameters defaults = read(defaultsOfModel);
    Span span =
        ModelSpans.start(
            tracer,
            OPERATION_CHAT,
            nonBlank(parameter(asked, defaults, ChatRequestParameters::modelName)),
            Providers.name(read(provider)),
            streaming);
    if (span.isRecording()) {
      Double temperature = parameter(asked, defaults, ChatRequestParameters::temperature);
      if (temperature != null) {
        span.setAttribute(GEN_AI_REQUEST_TEMPERATURE, temperature);
      }
      Double topP = parameter(asked, defaults, ChatRequestParameters::topP);
      if (topP != null) {
        span.setAttribute(GEN_AI_REQUEST_TOP_P, topP);
      }
      Integer topK = parameter(asked, defaults, ChatRequestParameters::topK);
      if (topK != null) {
        span.setAttribute(GEN_AI_REQUEST_TOP_K, topK.longValue());
      }
      Integer maxTokens = parameter(asked, defaults, ChatRequestParameters::maxOutputTokens);
      if (maxTokens != null) {
        span.setAttribute(GEN_AI_REQUEST_MAX_TOKENS, maxTokens.longValue());
      }
      List<String> stop = parameter(asked, defaults, ChatRequestParameters::stopSequences);
      if (stop != null && !stop.isEmpty()) {
        span.setAttribute(GEN_AI_REQUEST_STOP_SEQUENCES, read(() -> GenAiValues.strings(stop)));
      }
      Double frequency = parameter(asked, defaults, ChatRequestParameters::frequencyPenalty);
      if (frequency != null) {
        span.setAttribute(GEN_AI_REQUEST_FREQUENCY_PENALTY, frequency);
      }
      Double presence = parameter(asked, defaults, ChatRequestParameters::presencePenalty);
      if (presence != null) {
        span.setAttribute(GEN_AI_REQUEST_PRESENCE_PENALTY, presence);
      }
    }
    return span;
  }

  /** The request's value of a parameter, else the model's default; null when neither has one. */
  private static <T> T parameter(
      ChatRequestParameters asked,
      ChatRequestParameters defaults,
      Function<ChatRequestParameters, T> parameter) {
    T value = asked == null ? null : read(() -> parameter.apply(asked));
    return value != null || defaults == null ? value : read(() -> parameter.apply(defaults));
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
    String id = nonBlank(read(metadata::id));
    if (id != null) {
      span.setAttribute(GEN_AI_RESPONSE_ID, id);
    }
    String model = nonBlank(read(metadata::modelName));
    if (model != null) {
      span.setAttribute(GEN_AI_RESPONSE_MODEL, model);
    }
    FinishReason reason = read(metadata::finishReason);
    if (reason != null) {
      span.setAttribute(GEN_AI_RESPONSE_FINISH_REASONS, List.of(GenAiValues.enumValue(reason)));
    }
    ModelSpans.recordUsage(span, read(metadata::tokenUsage));
  }
}

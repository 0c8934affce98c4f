package dev.agenttrace.springai;

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

import dev.agenttrace.Context;
import dev.agenttrace.Span;
import dev.agenttrace.Tracer;
import dev.agenttrace.proxy.GenAiValues;
import dev.agenttrace.proxy.IntegrationSpans;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import java.util.function.Supplier;
import org.springframework.ai.chat.metadata.ChatResponseMetadata;
import org.springframework.ai.chat.model.ChatResponse;
import org.springframework.ai.chat.model.Generation;
import org.springframework.ai.chat.prompt.ChatOptions;
import org.springframework.ai.chat.prompt.Prompt;

/**
 * The {@code chat {model}} span of a Spring AI prompt. Each request parameter (model, temperature,
 * top_p, top_k, max tokens, stop sequences, penalties) is the prompt's options' or, when they set
 * none, the model's default options'. The response gives its id, model, finish reasons (one per
 * generation, in lower case) and token counts.
 */
final class ChatSpans {
  private ChatSpans() {}

  static Span start(
      Tracer tracer,
      Context parent,
      Prompt prompt,
      Supplier<ChatOptions> defaultsOfModel,
      String provider,
      boolean streaming) {
    ChatOptions asked = read(prompt::getOptions);
    ChatOptions defaults = read(defaultsOfModel);
    Span span =
        IntegrationSpans.startModelCall(
            tracer,
            parent,
            OPERATION_CHAT,
            nonBlank(option(asked, defaults, ChatOptions::getModel)),
            provider,
            streaming);
    if (span.isRecording()) {
      Double temperature = option(asked, defaults, ChatOptions::getTemperature);
      if (temperature != null) {
        span.setAttribute(GEN_AI_REQUEST_TEMPERATURE, temperature);
      }
      Double topP = option(asked, defaults, ChatOptions::getTopP);
      if (topP != null) {
        span.setAttribute(GEN_AI_REQUEST_TOP_P, topP);
      }
      Integer topK = option(asked, defaults, ChatOptions::getTopK);
      if (topK != null) {
        span.setAttribute(GEN_AI_REQUEST_TOP_K, topK.longValue());
      }
      Integer maxTokens = option(asked, defaults, ChatOptions::getMaxTokens);
      if (maxTokens != null) {
        span.setAttribute(GEN_AI_REQUEST_MAX_TOKENS, maxTokens.longValue());
      }
      List<String> stop = option(asked, defaults, ChatOptions::getStopSequences);
      if (stop != null && !stop.isEmpty()) {
        span.setAttribute(GEN_AI_REQUEST_STOP_SEQUENCES, read(() -> GenAiValues.strings(stop)));
      }
      Double frequency = option(asked, defaults, ChatOptions::getFrequencyPenalty);
      if (frequency != null) {
        span.setAttribute(GEN_AI_REQUEST_FREQUENCY_PENALTY, frequency);
      }
      Double presence = option(asked, defaults, ChatOptions::getPresencePenalty);
      if (presence != null) {
        span.setAttribute(GEN_AI_REQUEST_PRESENCE_PENALTY, presence);
      }
    }
    return span;
  }

  /** The prompt's value of an option, else the model's default; null when neither has one. */
  private static <T> T option(
      ChatOptions asked, ChatOptions defaults, Function<ChatOptions, T> option) {
    T value = asked == null ? null : read(() -> option.apply(asked));
    return value != null || defaults == null ? value : read(() -> option.apply(defaults));
  }

  /** Records what {@code response} says about the call; {@code response} may be null. */
  static void recordResponse(Span span, ChatResponse response) {
    if (response == null) {
      return;
    }
    List<String> reasons = finishReasons(response);
    if (!reasons.isEmpty()) {
      span.setAttribute(GEN_AI_RESPONSE_FINISH_REASONS, reasons);
    }
    ChatResponseMetadata metadata = read(response::getMetadata);
    if (metadata == null) {
      return;
    }
    String id = nonBlank(read(metadata::getId));
    if (id != null) {
      span.setAttribute(GEN_AI_RESPONSE_ID, id);
    }
    String model = nonBlank(read(metadata::getModel));
    if (model != null) {
      span.setAttribute(GEN_AI_RESPONSE_MODEL, model);
    }
    ModelSpans.recordUsage(span, read(metadata::getUsage), true);
  }

  private static List<String> finishReasons(ChatResponse response) {
    List<String> reasons = new ArrayList<>();
    List<Generation> generations = read(response::getResults);
    if (generations == null) {
      return reasons;
    }
    for (Generation generation : generations) {
      String reason =
          generation == null
              ? null
              : nonBlank(read(() -> generation.getMetadata().getFinishReason()));
      if (reason != null) {
        reasons.add(reason.toLowerCase(Locale.ROOT));
      }
    }
    return reasons;
  }
}

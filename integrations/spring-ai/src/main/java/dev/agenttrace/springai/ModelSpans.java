package dev.agenttrace.springai;

import static dev.agenttrace.SemanticAttributes.GEN_AI_OPERATION_NAME;
import static dev.agenttrace.SemanticAttributes.GEN_AI_PROVIDER_NAME;
import static dev.agenttrace.SemanticAttributes.GEN_AI_REQUEST_MODEL;
import static dev.agenttrace.SemanticAttributes.GEN_AI_REQUEST_STREAM;
import static dev.agenttrace.SemanticAttributes.GEN_AI_USAGE_INPUT_TOKENS;
import static dev.agenttrace.SemanticAttributes.GEN_AI_USAGE_OUTPUT_TOKENS;

import dev.agenttrace.Attributes;
import dev.agenttrace.Context;
import dev.agenttrace.Scope;
import dev.agenttrace.Span;
import dev.agenttrace.SpanKind;
import dev.agenttrace.Tracer;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.ai.chat.metadata.EmptyUsage;
import org.springframework.ai.chat.metadata.Usage;

/**
 * The GenAI model-call spans of this module: {@code {operation} {model}}, kind CLIENT, with the
 * operation, request model and provider. Reading a framework value for an attribute never fails the
 * call: a value whose accessor throws is left out (logged at debug level).
 */
final class ModelSpans {
  private static final Logger logger = LoggerFactory.getLogger(ModelSpans.class);

  private ModelSpans() {}

  /** Starts the span of a model call as a child of {@code parent}; {@code model} may be null. */
  static Span start(
      Tracer tracer,
      Context parent,
      String operation,
      String model,
      String provider,
      boolean streaming) {
    Attributes.Builder attributes =
        Attributes.builder()
            .put(GEN_AI_OPERATION_NAME, operation)
            .put(GEN_AI_REQUEST_MODEL, model)
            .put(GEN_AI_PROVIDER_NAME, provider);
    if (streaming) {
      attributes.put(GEN_AI_REQUEST_STREAM, true);
    }
    return tracer
        .spanBuilder(model == null ? operation : operation + " " + model)
        .setParent(parent)
        .setSpanKind(SpanKind.CLIENT)
        .setAllAttributes(attributes.build())
        .startSpan();
  }

  /**
   * Records the counts of {@code usage} that are known; nothing for a null usage or Spring AI's
   * {@link EmptyUsage} (a response that reported none, whose zeros are not counts).
   */
  static void recordUsage(Span span, Usage usage, boolean withOutput) {
    if (usage == null || usage instanceof EmptyUsage) {
      return;
    }
    Integer input = read(usage::getPromptTokens);
    if (input != null) {
      span.setAttribute(GEN_AI_USAGE_INPUT_TOKENS, input.longValue());
    }
    Integer output = withOutput ? read(usage::getCompletionTokens) : null;
    if (output != null) {
      span.setAttribute(GEN_AI_USAGE_OUTPUT_TOKENS, output.longValue());
    }
  }

  /**
   * Runs {@code call} with {@code span} current, hands its result to {@code onResult} (which reads
   * defensively and never throws), and ends the span; an exception marks the span ERROR and passes
   * through unchanged.
   */
  static <T> T within(Span span, Supplier<T> call, Consumer<? super T> onResult) {
    try (Scope scope = span.makeCurrent()) {
      T result = call.get();
      onResult.accept(result);
      return result;
    } catch (Throwable error) {
      span.recordError(error);
      throw error;
    } finally {
      span.end();
    }
  }

  /** The value {@code accessor} returns, or null when it returns null or throws. */
  static <T> T read(Supplier<T> accessor) {
    try {
      return accessor.get();
    } catch (RuntimeException e) {
      logger.debug("AgentTrace: an attribute's accessor failed; the attribute is left out", e);
      return null;
    }
  }

  /** {@code value} unless it is null or blank, else null. */
  static String nonBlank(String value) {
    return value == null || value.isBlank() ? null : value;
  }
}

package dev.agenttrace.proxy;

import static dev.agenttrace.SemanticAttributes.GEN_AI_OPERATION_NAME;
import static dev.agenttrace.SemanticAttributes.GEN_AI_PROVIDER_NAME;
import static dev.agenttrace.SemanticAttributes.GEN_AI_REQUEST_MODEL;
import static dev.agenttrace.SemanticAttributes.GEN_AI_REQUEST_STREAM;

import dev.agenttrace.Attributes;
import dev.agenttrace.Context;
import dev.agenttrace.Scope;
import dev.agenttrace.Span;
import dev.agenttrace.SpanKind;
import dev.agenttrace.Tracer;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * The model-call spans of AgentTrace's framework integrations ({@code agenttrace-langchain4j},
 * {@code agenttrace-spring-ai}), which wrap a framework's objects by hand where generated proxies
 * cannot follow them (span names from each request, reactive streams). Released with those modules;
 * not an API for applications.
 *
 * <p>Guarantees: reading a framework value for an attribute never fails the call (a value whose
 * accessor throws is left out and counted in {@link GenAiValues#skippedCount()}); an exception of
 * the wrapped call marks the span ERROR and passes through unchanged; the span ends exactly once.
 */
public final class IntegrationSpans {
  private IntegrationSpans() {}

  /**
   * Starts the span of a model call, {@code {operation} {model}}, kind CLIENT, as a child of {@code
   * parent}, with the operation, request model and provider; {@code model} and {@code provider} may
   * be null (the span is then named after the operation alone).
   */
  public static Span startModelCall(
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
   * Runs {@code call} with {@code span} current, hands its result to {@code onResult} (which reads
   * defensively and never throws), and ends the span; an exception marks the span ERROR and passes
   * through unchanged.
   */
  public static <T> T within(Span span, Supplier<T> call, Consumer<? super T> onResult) {
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

  /** The value {@code accessor} returns, or null when it returns null or throws (counted). */
  public static <T> T read(Supplier<T> accessor) {
    try {
      return accessor.get();
    } catch (RuntimeException e) {
      GenAiValues.skipped();
      return null;
    }
  }

  /** {@code value} unless it is null or blank, else null. */
  public static String nonBlank(String value) {
    return value == null || value.isBlank() ? null : value;
  }
}

package dev.agenttrace.processor;

import java.util.List;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.type.ExecutableType;
import javax.lang.model.type.TypeMirror;

/**
 * One method the proxy overrides.
 *
 * @param element the method as declared (possibly in a supertype)
 * @param type the method's type as a member of the proxied type, type arguments substituted
 * @param thrownTypes the checked exceptions the override may declare (for a method inherited from
 *     several supertypes, those all of them allow)
 * @param span the span to wrap the call in, or {@code null} to forward the call untouched
 * @param attributes the parameters recorded as attributes
 * @param result how the returned value is handled
 * @param genAi what a GenAI span reads from the arguments and the result, or {@code null}
 * @param capture what the call records of its arguments and result, or {@code null}
 * @param handler the streaming handler parameter the call completes through, or {@code null}
 * @param suppressedWarnings lint categories the mirrored signature would trip, to suppress
 * @param runsDefaultCode whether the override runs the interface's own default code instead of
 *     forwarding the call: when traced, on a view of the delegate that records into this call's
 *     span (a model call whose result cannot carry the token counts, so that the call it funnels
 *     into supplies them); when not, on the proxy itself (a method returning the interface)
 */
record ProxyMethod(
    ExecutableElement element,
    ExecutableType type,
    List<? extends TypeMirror> thrownTypes,
    SpanDescriptor span,
    List<ParameterAttribute> attributes,
    ResultKind result,
    GenAiReads genAi,
    Capture capture,
    StreamingHandlers.Found handler,
    List<String> suppressedWarnings,
    boolean runsDefaultCode) {

  boolean isTraced() {
    return span != null;
  }

  /** This method, running the interface's default code instead of forwarding. */
  ProxyMethod runningDefaultCode() {
    return new ProxyMethod(
        element,
        type,
        thrownTypes,
        span,
        attributes,
        result,
        genAi,
        capture,
        handler,
        suppressedWarnings,
        true);
  }

  /** The values read from the result, or null for none. */
  ResultReads resultReads() {
    return genAi == null ? null : genAi.resultReads();
  }

  /** Whether the call's span outlives it, following a stream to its end. */
  boolean isStreaming() {
    return handler != null || result == ResultKind.PUBLISHER || result == ResultKind.STREAM;
  }

  /** What the method returns, which decides when its span ends. */
  enum ResultKind {
    /** Nothing: the span ends when the method returns. */
    VOID,
    /** A value: the span ends when the method returns. */
    VALUE,
    /** A {@code CompletionStage}: the span ends when it completes. */
    ASYNC,
    /** A {@code Flow.Publisher}: the span ends when the stream completes, fails or is cancelled. */
    PUBLISHER,
    /** A {@code Stream}: the span ends when the stream is exhausted, fails or is closed. */
    STREAM
  }

  /**
   * What a tool call records beyond its {@code @SpanAttribute}s.
   *
   * @param argumentIndexes the parameters recorded in {@code gen_ai.tool.call.arguments}, or an
   *     empty list when arguments are not captured
   * @param arguments whether arguments are captured
   * @param result whether the result is captured as {@code gen_ai.tool.call.result}
   */
  record Capture(List<Integer> argumentIndexes, boolean arguments, boolean result) {}
}

package dev.agenttrace.processor;

import dev.agenttrace.processor.MethodCollector.Candidate;
import dev.agenttrace.processor.ProxyMethod.Capture;
import dev.agenttrace.processor.ProxyMethod.ResultKind;
import java.util.ArrayList;
import java.util.List;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.TypeElement;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.ExecutableType;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.type.WildcardType;
import javax.lang.model.util.Elements;
import javax.lang.model.util.Types;

/**
 * Describes one method a proxy overrides: how its result is handled (plain, void, or a {@code
 * CompletionStage} the span waits for), its span, parameter attributes, token usage and capture,
 * and the lint categories its mirrored signature needs suppressed.
 */
final class MethodModels {
  private final Elements elements;
  private final Types types;
  private final MethodCollector collector;
  private final SpanDescriptors spans;
  private final ParameterRules parameters;
  private final TokenUsageResolver tokens;
  private final Lint lint;

  MethodModels(
      Elements elements,
      Types types,
      MethodCollector collector,
      SpanDescriptors spans,
      ParameterRules parameters,
      TokenUsageResolver tokens,
      Lint lint) {
    this.elements = elements;
    this.types = types;
    this.collector = collector;
    this.spans = spans;
    this.parameters = parameters;
    this.tokens = tokens;
    this.lint = lint;
  }

  /**
   * The model of {@code candidate} of {@code target}: traced with the given settings (either may be
   * null; both null forwards the call untouched).
   */
  ProxyMethod describe(
      TypeElement target,
      Candidate candidate,
      OperationSettings methodSettings,
      OperationSettings typeSettings,
      TokenUsageResolver.SharedPaths shared) {
    ExecutableElement method = candidate.element();
    ExecutableType type = candidate.type();
    ResultKind result = resultKind(type.getReturnType());
    List<String> suppressed = lint.forMethod(method, type, result == ResultKind.ASYNC);
    boolean traced = methodSettings != null || typeSettings != null;
    if (!traced) {
      parameters.attributes(candidate.annotated(), type, null);
      return new ProxyMethod(
          method,
          type,
          candidate.thrownTypes(),
          null,
          List.of(),
          result,
          null,
          null,
          suppressed,
          false);
    }
    SpanDescriptor span =
        spans.describe(target, candidate.annotated(), methodSettings, typeSettings);
    List<ParameterAttribute> attributes = parameters.attributes(candidate.annotated(), type, span);
    TokenUsagePaths usage = null;
    if (span.operation() == Operation.LLM_CALL) {
      TypeMirror valueType =
          switch (result) {
            case VOID -> null;
            case VALUE -> type.getReturnType();
            case ASYNC -> asyncValueType(type.getReturnType());
          };
      usage =
          tokens.resolve(
              method, valueType, methodSettings, sameOperation(typeSettings, span), shared);
    }
    Capture capture = null;
    if (span.operation() == Operation.TOOL) {
      capture =
          parameters.capture(
              candidate.annotated(), result, methodSettings, sameOperation(typeSettings, span));
    }
    return new ProxyMethod(
        method,
        type,
        candidate.thrownTypes(),
        span,
        attributes,
        result,
        usage,
        capture,
        suppressed,
        false);
  }

  private static OperationSettings sameOperation(OperationSettings type, SpanDescriptor span) {
    return type != null && type.operation() == span.operation() ? type : null;
  }

  /** A fresh tracker for the type-level token paths of one proxy. */
  TokenUsageResolver.SharedPaths sharedPaths() {
    return tokens.sharedPaths();
  }

  /**
   * {@code methods} of a delegating proxy for {@code target}, with those marked that run the
   * interface's own default code instead of forwarding to the delegate:
   *
   * <ul>
   *   <li>a model call traced by the type's or the request's settings whose result cannot carry the
   *       token counts ({@code String chat(String)}), in a proxy where another traced method's
   *       result can. Its default code runs on a view of the delegate, so that the call it funnels
   *       into ({@code chat(ChatRequest)}) records the counts on this call's one span;
   *   <li>an untraced default method returning the interface itself ({@code addListener}): it runs
   *       on the proxy, so that the instance it builds around {@code this} stays traced.
   * </ul>
   *
   * Every other method is forwarded, so a delegate's own implementation of it is called.
   */
  List<ProxyMethod> withDefaultCodeRuns(TypeElement target, List<ProxyMethod> methods) {
    boolean anyUsage = methods.stream().anyMatch(m -> m.isTraced() && m.tokenUsage() != null);
    List<ProxyMethod> marked = new ArrayList<>();
    for (ProxyMethod method : methods) {
      boolean isDefault = method.element().getModifiers().contains(Modifier.DEFAULT);
      boolean runsDefaultCode =
          isDefault
              && (method.isTraced()
                  ? anyUsage
                      && method.span().operation() == Operation.LLM_CALL
                      && method.tokenUsage() == null
                      && !hasOwnOperation(method.element())
                      && (method.result() == ResultKind.VALUE || method.result() == ResultKind.VOID)
                  : returnsOwnType(types, target, method.type()));
      marked.add(runsDefaultCode ? method.runningDefaultCode() : method);
    }
    return marked;
  }

  /** Whether a method of {@code target}, seen as {@code method}, returns {@code target} itself. */
  static boolean returnsOwnType(Types types, TypeElement target, ExecutableType method) {
    TypeMirror returned = method.getReturnType();
    return returned.getKind() == TypeKind.DECLARED
        && types.isSameType(types.erasure(returned), types.erasure(target.asType()));
  }

  private static boolean hasOwnOperation(ExecutableElement method) {
    for (Operation operation : Operation.values()) {
      if (Annotations.find(method, operation.annotationName()) != null) {
        return true;
      }
    }
    return false;
  }

  void addObjectForwarders(List<ProxyMethod> methods) {
    for (ExecutableElement objectMethod : collector.forwardedObjectMethods()) {
      boolean declared =
          methods.stream()
              .anyMatch(
                  m ->
                      m.element().getSimpleName().equals(objectMethod.getSimpleName())
                          && collector.isObjectMethod(m.element()));
      if (!declared) {
        ExecutableType type = (ExecutableType) objectMethod.asType();
        methods.add(
            new ProxyMethod(
                objectMethod,
                type,
                List.of(),
                null,
                List.of(),
                resultKind(type.getReturnType()),
                null,
                null,
                List.of(),
                false));
      }
    }
  }

  private ResultKind resultKind(TypeMirror returnType) {
    if (returnType.getKind() == TypeKind.VOID) {
      return ResultKind.VOID;
    }
    TypeElement stage = elements.getTypeElement("java.util.concurrent.CompletionStage");
    if (returnType.getKind() == TypeKind.DECLARED
        && types.isAssignable(types.erasure(returnType), types.erasure(stage.asType()))) {
      return ResultKind.ASYNC;
    }
    return ResultKind.VALUE;
  }

  /** {@code T} of the {@code CompletionStage<T>} that {@code type} is; Object when raw. */
  private TypeMirror asyncValueType(TypeMirror type) {
    TypeElement stage = elements.getTypeElement("java.util.concurrent.CompletionStage");
    TypeMirror current = type;
    while (current instanceof DeclaredType declared) {
      if (declared.asElement().equals(stage)) {
        if (declared.getTypeArguments().isEmpty()) {
          break;
        }
        TypeMirror argument = declared.getTypeArguments().get(0);
        if (argument instanceof WildcardType wildcard) {
          return wildcard.getExtendsBound() != null
              ? wildcard.getExtendsBound()
              : elements.getTypeElement("java.lang.Object").asType();
        }
        return argument;
      }
      TypeMirror next = null;
      for (TypeMirror supertype : types.directSupertypes(current)) {
        if (types.isAssignable(types.erasure(supertype), types.erasure(stage.asType()))) {
          next = supertype;
          break;
        }
      }
      current = next;
    }
    return elements.getTypeElement("java.lang.Object").asType();
  }
}

package dev.agenttrace.processor;

import dev.agenttrace.processor.MethodCollector.Candidate;
import dev.agenttrace.processor.ProxyMethod.Capture;
import dev.agenttrace.processor.ProxyMethod.ResultKind;
import java.util.List;
import javax.lang.model.element.ExecutableElement;
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
 * CompletionStage} the span waits for), its span, parameter attributes, the GenAI values it reads
 * (request and response paths, token usage, tool call id, messages) and tool capture, and the lint
 * categories its mirrored signature needs suppressed.
 */
final class MethodModels {
  private final Elements elements;
  private final Types types;
  private final MethodCollector collector;
  private final SpanDescriptors spans;
  private final ParameterRules parameters;
  private final GenAiPaths genAiPaths;
  private final Lint lint;

  /** {@code CompletionStage}, erased, and {@code Object}: looked up once, asked for per method. */
  private final TypeElement stage;

  private final TypeMirror erasedStage;
  private final TypeMirror object;

  MethodModels(
      Elements elements,
      Types types,
      MethodCollector collector,
      SpanDescriptors spans,
      ParameterRules parameters,
      GenAiPaths genAiPaths,
      Lint lint) {
    this.elements = elements;
    this.types = types;
    this.collector = collector;
    this.spans = spans;
    this.parameters = parameters;
    this.genAiPaths = genAiPaths;
    this.lint = lint;
    this.stage = elements.getTypeElement("java.util.concurrent.CompletionStage");
    this.erasedStage = types.erasure(stage.asType());
    this.object = elements.getTypeElement("java.lang.Object").asType();
  }

  /**
   * The model of {@code candidate} of {@code target}: traced with the given settings (either may be
   * null; both null forwards the call untouched).
   */
  ProxyMethod describe(
      TypeElement target,
      Candidate candidate,
      OperationSettings methodSettings,
      OperationSettings typeSettings) {
    ExecutableElement method = candidate.element();
    ExecutableType type = candidate.type();
    ResultKind result = resultKind(type.getReturnType());
    List<String> suppressed = lint.forMethod(method, type, result == ResultKind.ASYNC);
    boolean traced = methodSettings != null || typeSettings != null;
    if (!traced) {
      reportMisplacedParameterAnnotations(candidate);
      return new ProxyMethod(
          method, type, candidate.thrownTypes(), null, List.of(), result, null, null, suppressed);
    }
    SpanDescriptor span =
        spans.describe(target, candidate.annotated(), methodSettings, typeSettings);
    List<ParameterAttribute> attributes = parameters.attributes(candidate.annotated(), type, span);
    GenAiReads genAi = null;
    if (span.genAiOperation() != null) {
      TypeMirror valueType =
          switch (result) {
            case VOID -> null;
            case VALUE -> type.getReturnType();
            case ASYNC -> asyncValueType(type.getReturnType());
          };
      genAi =
          genAiPaths.resolve(
              candidate.annotated(),
              type,
              span,
              methodSettings,
              sameOperation(typeSettings, span),
              valueType);
      genAi = genAi.isEmpty() ? null : genAi;
    } else {
      genAiPaths.checkUntraced(candidate.annotated());
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
        genAi,
        capture,
        suppressed);
  }

  /** Reports {@code @SpanAttribute} and {@code @ToolCallId} on a method that is not traced. */
  void reportMisplacedParameterAnnotations(Candidate candidate) {
    parameters.attributes(candidate.annotated(), candidate.type(), null);
    genAiPaths.checkUntraced(candidate.annotated());
  }

  private static OperationSettings sameOperation(OperationSettings type, SpanDescriptor span) {
    return type != null && type.operation() == span.operation() ? type : null;
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
                List.of()));
      }
    }
  }

  private ResultKind resultKind(TypeMirror returnType) {
    if (returnType.getKind() == TypeKind.VOID) {
      return ResultKind.VOID;
    }
    if (returnType.getKind() == TypeKind.DECLARED
        && types.isAssignable(types.erasure(returnType), erasedStage)) {
      return ResultKind.ASYNC;
    }
    return ResultKind.VALUE;
  }

  /** {@code T} of the {@code CompletionStage<T>} that {@code type} is; Object when raw. */
  private TypeMirror asyncValueType(TypeMirror type) {
    TypeMirror current = type;
    while (current instanceof DeclaredType declared) {
      if (declared.asElement().equals(stage)) {
        if (declared.getTypeArguments().isEmpty()) {
          break;
        }
        TypeMirror argument = declared.getTypeArguments().get(0);
        if (argument instanceof WildcardType wildcard) {
          return wildcard.getExtendsBound() != null ? wildcard.getExtendsBound() : object;
        }
        return argument;
      }
      TypeMirror next = null;
      for (TypeMirror supertype : types.directSupertypes(current)) {
        if (types.isAssignable(types.erasure(supertype), erasedStage)) {
          next = supertype;
          break;
        }
      }
      current = next;
    }
    return object;
  }
}

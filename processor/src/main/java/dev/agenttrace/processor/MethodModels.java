package dev.agenttrace.processor;

import dev.agenttrace.processor.MethodCollector.Candidate;
import dev.agenttrace.processor.ProxyMethod.Capture;
import dev.agenttrace.processor.ProxyMethod.ResultKind;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.TypeElement;
import javax.lang.model.element.VariableElement;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.ExecutableType;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.type.WildcardType;
import javax.lang.model.util.Elements;
import javax.lang.model.util.Types;

/**
 * Describes one method a proxy overrides: how its result is handled (plain, void, a {@code
 * CompletionStage} the span waits for, or a stream it follows: a returned {@code Flow.Publisher} or
 * {@code Stream}, or a streaming handler parameter), its span, parameter attributes, the GenAI
 * values it reads (request and response paths, token usage, tool call id, messages) and tool
 * capture, and the lint categories its mirrored signature needs suppressed.
 */
final class MethodModels {
  private static final String COMPLETION_STAGE = "java.util.concurrent.CompletionStage";
  private static final String FLOW_PUBLISHER = "java.util.concurrent.Flow.Publisher";
  private static final String STREAM = "java.util.stream.Stream";
  private static final String REACTIVE_STREAMS_PUBLISHER = "org.reactivestreams.Publisher";

  private final Elements elements;
  private final Types types;
  private final MethodCollector collector;
  private final SpanDescriptors spans;
  private final ParameterRules parameters;
  private final GenAiPaths genAiPaths;
  private final Lint lint;
  private final StreamingHandlers handlers;
  private final ErrorReporter errors;

  /**
   * {@code CompletionStage}, {@code Flow.Publisher}, {@code Stream}, Reactive Streams' {@code
   * Publisher} (erased, by name; absent when not on the class path) and {@code Object}: looked up
   * once, asked for per method.
   */
  private final Map<String, TypeMirror> erased = new HashMap<>();

  private final TypeMirror object;

  MethodModels(
      Elements elements,
      Types types,
      MethodCollector collector,
      SpanDescriptors spans,
      ParameterRules parameters,
      GenAiPaths genAiPaths,
      Lint lint,
      ErrorReporter errors) {
    this.elements = elements;
    this.types = types;
    this.collector = collector;
    this.spans = spans;
    this.parameters = parameters;
    this.genAiPaths = genAiPaths;
    this.lint = lint;
    this.errors = errors;
    this.handlers = new StreamingHandlers(elements, types, errors, collector, lint);
    for (String name :
        List.of(COMPLETION_STAGE, FLOW_PUBLISHER, STREAM, REACTIVE_STREAMS_PUBLISHER)) {
      // Flow is missing below Java 9 (--release 8 is reported on the annotated type), Reactive
      // Streams when not on the class path.
      TypeElement found = elements.getTypeElement(name);
      if (found != null) {
        erased.put(name, types.erasure(found.asType()));
      }
    }
    this.object = elements.getTypeElement("java.lang.Object").asType();
  }

  /**
   * The model of {@code candidate} of {@code target}: traced with the given settings (either may be
   * null; both null forwards the call untouched); null after reporting why it cannot be traced.
   */
  ProxyMethod describe(
      TypeElement target,
      Candidate candidate,
      OperationSettings methodSettings,
      OperationSettings typeSettings,
      GenAiPaths.SharedPaths shared) {
    ExecutableElement method = candidate.element();
    ExecutableType type = candidate.type();
    ResultKind result = resultKind(type.getReturnType());
    boolean traced = methodSettings != null || typeSettings != null;
    if (!traced) {
      reportMisplacedParameterAnnotations(candidate);
      checkNoHandlerAnnotation(method);
      return new ProxyMethod(
          method,
          type,
          candidate.thrownTypes(),
          null,
          List.of(),
          result,
          null,
          null,
          null,
          lint.forMethod(method, type, result == ResultKind.ASYNC),
          false);
    }
    boolean requested = isRequest(typeSettings);
    StreamingHandlers.Site site = handlers.site(method, typeSettings, requested);
    if (isUnfollowableStream(type.getReturnType())) {
      site.error(
          Messages.UNFOLLOWABLE_STREAM,
          method.getSimpleName() + "()",
          type.getReturnType(),
          method.getSimpleName() + "()");
      return null;
    }
    SpanDescriptor span =
        spans.describe(target, candidate.annotated(), methodSettings, typeSettings);
    OperationSettings typeLevel = sameOperation(typeSettings, span);
    // A call completing through a handler reads its response values from the final response the
    // handler receives, not from what the method returns.
    Function<TypeMirror, GenAiReads> genAiReads =
        valueType ->
            genAiPaths.resolve(
                candidate.annotated(), type, span, methodSettings, typeLevel, valueType, shared);
    GenAiReads[] handlerReads = new GenAiReads[1];
    StreamingHandlers.Lookup lookup =
        handlers.find(
            method,
            type.getParameterTypes(),
            requested ? typeSettings.mirror() : null,
            site,
            (complete, response) -> {
              if (span.genAiOperation() == null || handlerReads[0] != null) {
                return null;
              }
              handlerReads[0] = genAiReads.apply(response);
              return handlerReads[0].resultReads();
            });
    if (lookup.failed()) {
      return null;
    }
    StreamingHandlers.Found handler = lookup.found();
    List<ParameterAttribute> attributes = parameters.attributes(candidate.annotated(), type, span);
    GenAiReads genAi = handlerReads[0];
    if (genAi != null) {
      genAi = genAi.isEmpty() ? null : genAi;
    } else if (span.genAiOperation() != null) {
      TypeMirror valueType =
          switch (result) {
            case VOID -> null;
            case VALUE -> type.getReturnType();
            case ASYNC -> typeArgument(type.getReturnType(), COMPLETION_STAGE);
            case PUBLISHER -> typeArgument(type.getReturnType(), FLOW_PUBLISHER);
            case STREAM -> typeArgument(type.getReturnType(), STREAM);
          };
      genAi = genAiReads.apply(handler != null ? null : valueType);
      genAi = genAi.isEmpty() ? null : genAi;
    } else {
      genAiPaths.checkUntraced(candidate.annotated());
    }
    Capture capture = null;
    if (span.operation() == Operation.TOOL) {
      capture = parameters.capture(candidate.annotated(), result, methodSettings, typeLevel);
    }
    boolean unchecked = result != ResultKind.VOID && result != ResultKind.VALUE;
    return new ProxyMethod(
        method,
        type,
        candidate.thrownTypes(),
        span,
        attributes,
        result,
        genAi,
        capture,
        handler,
        lint.forMethod(method, type, unchecked),
        false);
  }

  /** Whether {@code settings} are those of a {@code TraceInterface} (a class-file interface). */
  private static boolean isRequest(OperationSettings settings) {
    return settings != null
        && ((TypeElement) settings.mirror().getAnnotationType().asElement())
            .getQualifiedName()
            .contentEquals(Annotations.TRACE_INTERFACE);
  }

  /** A {@code @StreamingHandler} parameter of an untraced method would never be followed. */
  private void checkNoHandlerAnnotation(ExecutableElement method) {
    for (VariableElement parameter : method.getParameters()) {
      AnnotationMirror mirror = Annotations.find(parameter, StreamingHandlers.STREAMING_HANDLER);
      if (mirror != null) {
        errors.error(
            parameter,
            mirror,
            Messages.HANDLER_ON_UNTRACED_METHOD,
            parameter.getSimpleName(),
            method.getSimpleName() + "()");
      }
    }
  }

  /**
   * A stream type other than the ones followed: a subtype of {@code Flow.Publisher} or {@code
   * Stream} (the proxy could not return its own), or a Reactive Streams publisher (Reactor's {@code
   * Flux}).
   */
  private boolean isUnfollowableStream(TypeMirror returnType) {
    if (returnType.getKind() != TypeKind.DECLARED) {
      return false;
    }
    TypeMirror erasedReturn = types.erasure(returnType);
    for (String name : List.of(FLOW_PUBLISHER, STREAM, REACTIVE_STREAMS_PUBLISHER)) {
      // Looked up once, not per method: a type missing from the class path is searched for in
      // every module on each lookup.
      TypeMirror stream = erased.get(name);
      if (stream == null || !types.isAssignable(erasedReturn, stream)) {
        continue;
      }
      boolean exact = types.isSameType(erasedReturn, stream);
      if (!exact || name.equals(REACTIVE_STREAMS_PUBLISHER)) {
        return true;
      }
    }
    return false;
  }

  /** Reports {@code @SpanAttribute} and {@code @ToolCallId} on a method that is not traced. */
  void reportMisplacedParameterAnnotations(Candidate candidate) {
    parameters.attributes(candidate.annotated(), candidate.type(), null);
    genAiPaths.checkUntraced(candidate.annotated());
  }

  private static OperationSettings sameOperation(OperationSettings type, SpanDescriptor span) {
    return type != null && type.operation() == span.operation() ? type : null;
  }

  /** The streaming handler rules, to check declarations with. */
  StreamingHandlers handlers() {
    return handlers;
  }

  /** A fresh tracker for the type-level token paths of one proxy. */
  GenAiPaths.SharedPaths sharedPaths() {
    return genAiPaths.sharedPaths();
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
    boolean anyUsage = methods.stream().anyMatch(m -> m.isTraced() && m.resultReads() != null);
    List<ProxyMethod> marked = new ArrayList<>();
    for (ProxyMethod method : methods) {
      boolean isDefault = method.element().getModifiers().contains(Modifier.DEFAULT);
      boolean runsDefaultCode =
          isDefault
              && (method.isTraced()
                  ? anyUsage
                      && !method.isStreaming()
                      && method.span().operation() == Operation.LLM_CALL
                      && method.resultReads() == null
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
    if (returnType.getKind() != TypeKind.DECLARED) {
      return ResultKind.VALUE;
    }
    TypeMirror returned = types.erasure(returnType);
    if (isErasure(returned, COMPLETION_STAGE, true)) {
      return ResultKind.ASYNC;
    }
    if (isErasure(returned, FLOW_PUBLISHER, false)) {
      return ResultKind.PUBLISHER;
    }
    if (isErasure(returned, STREAM, false)) {
      return ResultKind.STREAM;
    }
    return ResultKind.VALUE;
  }

  private TypeMirror erasure(String name) {
    return erased.get(name);
  }

  /**
   * Whether {@code type} is (or, with {@code orSubtype}, is a subtype of) the erased {@code name}.
   */
  private boolean isErasure(TypeMirror type, String name, boolean orSubtype) {
    TypeMirror wanted = erasure(name);
    return wanted != null
        && (orSubtype ? types.isAssignable(type, wanted) : types.isSameType(type, wanted));
  }

  /**
   * {@code T} of the {@code Generic<T>} ({@code CompletionStage}, {@code Flow.Publisher}, {@code
   * Stream}) that {@code type} is; a wildcard's bound; Object when raw.
   */
  private TypeMirror typeArgument(TypeMirror type, String generic) {
    TypeElement wanted = elements.getTypeElement(generic);
    TypeMirror current = type;
    while (current instanceof DeclaredType declared) {
      if (declared.asElement().equals(wanted)) {
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
        if (types.isAssignable(types.erasure(supertype), erasure(generic))) {
          next = supertype;
          break;
        }
      }
      current = next;
    }
    return object;
  }
}

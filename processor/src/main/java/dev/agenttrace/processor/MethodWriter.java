package dev.agenttrace.processor;

import com.palantir.javapoet.AnnotationSpec;
import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.NameAllocator;
import com.palantir.javapoet.ParameterSpec;
import com.palantir.javapoet.TypeName;
import dev.agenttrace.processor.HandlerModel.HandlerMethod;
import dev.agenttrace.processor.ProxyMethod.ResultKind;
import dev.agenttrace.processor.ProxyType.Style;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.IntStream;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.VariableElement;
import javax.lang.model.type.ExecutableType;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.type.TypeVariable;
import javax.lang.model.util.Types;

/**
 * Writes one overriding method of a proxy: the signature mirrored from the traced type (type
 * arguments substituted, type-use annotations kept, runtime annotations of the method and its
 * parameters copied; see {@link CopiedAnnotations}) and a body that forwards the call or runs it
 * inside a span ({@link TracedBody}).
 *
 * <p>Bodies name their locals through a {@link NameAllocator} that already holds the proxy's
 * fields, the simple names of the types the body uses and the user's parameters, which are renamed
 * if they would clash (parameter names are not part of a signature).
 */
final class MethodWriter {
  /** Simple names the bodies use for types; a parameter named like one would obscure it. */
  private static final List<String> TYPE_NAMES =
      List.of(
          "AgentTrace",
          "Tracer",
          "Span",
          "Scope",
          "StatusCode",
          "SemanticAttributes",
          "ToolCallJson",
          "AttributeValues",
          "GenAiValues",
          "MessageJson",
          "ContentCapture",
          "SpanTemplates",
          "CompletionException",
          "Throwable",
          "RuntimeException",
          "Object",
          "String",
          "Long",
          "Double",
          "Boolean",
          "Arrays",
          "Override",
          "SuppressWarnings",
          "StreamingCall",
          "TracedPublisher",
          "TracedStreams",
          ProxyWriter.FUNNEL);

  private static final Set<Modifier> NOT_COPIED =
      EnumSet.of(
          Modifier.ABSTRACT,
          Modifier.DEFAULT,
          Modifier.NATIVE,
          Modifier.SYNCHRONIZED,
          Modifier.STRICTFP,
          Modifier.FINAL);

  /**
   * The constants of one traced method.
   *
   * @param template the {@code SpanTemplate} field
   * @param attributeKeys the {@code AttributeKey} fields, one per parameter attribute
   * @param argumentNames the field holding captured parameter names, or null
   */
  record Constants(String template, List<String> attributeKeys, String argumentNames) {}

  private final Style style;

  /**
   * Names every method body starts from: the proxy's fields and the types bodies use. Built once
   * per proxy and copied per method, as allocating them again for each method showed in the
   * processor's profile.
   */
  private final NameAllocator reservedNames;

  private final Types types;
  private final TypeName anyProxy;
  private final ClassName target;
  private final UsageHelpers usage;
  private final AttributeValueCode attributeValues;
  private final CopiedAnnotations copiedAnnotations;
  private final TypeName proxy;
  private final Map<String, String> handlerClasses;

  /**
   * @param reservedNames the proxy's field names, which parameters must not shadow
   * @param anyProxy the proxy class with wildcard type arguments, to recognise another proxy
   * @param target the traced type, for {@code Target.super.method()}
   * @param usage the proxy's token usage helpers
   * @param copiedAnnotations which annotations overrides carry over
   * @param proxy the proxy class, raw, for references to its static methods
   * @param handlerClasses the nested classes wrapping streaming handlers, by {@link
   *     HandlerModel#key()}
   */
  MethodWriter(
      Style style,
      Set<String> reservedNames,
      Types types,
      TypeName anyProxy,
      ClassName target,
      UsageHelpers usage,
      CopiedAnnotations copiedAnnotations,
      TypeName proxy,
      Map<String, String> handlerClasses) {
    this.style = style;
    this.types = types;
    this.anyProxy = anyProxy;
    this.target = target;
    this.usage = usage;
    this.attributeValues = new AttributeValueCode(types);
    this.copiedAnnotations = copiedAnnotations;
    this.proxy = proxy;
    this.handlerClasses = handlerClasses;
    this.reservedNames = new NameAllocator();
    for (String reserved : reservedNames) {
      this.reservedNames.newName(reserved, "field " + reserved);
    }
    for (String typeName : TYPE_NAMES) {
      this.reservedNames.newName(typeName, "type " + typeName);
    }
  }

  /** The proxy's override of {@code method}. */
  MethodSpec write(ProxyMethod method, Constants constants) {
    NameAllocator names = names(Set.of());
    List<String> parameters = parameterNames(method, names);
    MethodSpec.Builder builder = signature(method, parameters, true);
    String receiver = style == Style.DELEGATE ? ProxyWriter.DELEGATE : "super";
    CodeBlock call = call(receiver, method, parameters);
    boolean returnsVoid = method.result() == ResultKind.VOID;
    if (style == Style.DELEGATE && isEqualsOfObject(method)) {
      // A proxy equals only a proxy of the same type whose delegate its own delegate equals: the
      // relation stays symmetric (a raw delegate never equals its proxy, nor the other way round).
      String other = parameters.get(0);
      String unwrapped = local(names, "other");
      return builder
          .addStatement(
              InlineFormat.of(
                  "return $N instanceof $T $N$W&& $N.equals($N.$N)",
                  other,
                  anyProxy,
                  unwrapped,
                  ProxyWriter.DELEGATE,
                  unwrapped,
                  ProxyWriter.DELEGATE))
          .build();
    }
    CodeBlock untracedCall = call;
    if (method.runsDefaultCode()) {
      // The interface's own code, run on this proxy: what it calls goes through the proxy.
      untracedCall = call(InlineFormat.of("$T.super", target), method, parameters);
    }
    if (!method.isTraced()) {
      return builder.addStatement(returnsVoid ? "$L" : "return $L", untracedCall).build();
    }
    BodyBuilder body = new BodyBuilder();
    new TracedBody(
            method,
            constants,
            names,
            parameters,
            body,
            untracedCall,
            span ->
                method.runsDefaultCode()
                    ? call(
                        InlineFormat.of("new $N($N)", ProxyWriter.FUNNEL, span), method, parameters)
                    : call,
            returnType(method),
            usage,
            attributeValues,
            new TracedBody.Streaming(
                proxy,
                method.handler() == null
                    ? null
                    : handlerClasses.get(method.handler().model().key()),
                handler -> callReplacing(receiver, method, parameters, handler)))
        .write();
    return builder.addCode(body.build()).build();
  }

  /** {@code call} with the handler argument replaced by {@code handler}. */
  private static CodeBlock callReplacing(
      String receiver, ProxyMethod method, List<String> parameters, CodeBlock handler) {
    CodeBlock arguments =
        IntStream.range(0, parameters.size())
            .mapToObj(
                i ->
                    i == method.handler().index()
                        ? handler
                        : InlineFormat.of("$N", parameters.get(i)))
            .collect(CodeBlock.joining(", "));
    return InlineFormat.of(
        "$L.$N($L)", receiver, method.element().getSimpleName().toString(), arguments);
  }

  /**
   * The override of {@code method} in the class wrapping a streaming handler: notes what the call
   * says about the stream on {@code callField}, then passes it on to {@code handlerField}.
   */
  MethodSpec writeHandlerMethod(HandlerMethod method, String handlerField, String callField) {
    NameAllocator names = names(Set.of(handlerField, callField));
    List<String> parameters = new ArrayList<>();
    for (int i = 0; i < method.element().getParameters().size(); i++) {
      parameters.add(
          names.newName(method.element().getParameters().get(i).getSimpleName().toString(), i));
    }
    MethodSpec.Builder builder =
        signature(
            method.element(),
            method.type(),
            method.thrownTypes(),
            method.suppressedWarnings(),
            parameters,
            false);
    switch (method.role()) {
      case CHUNK -> builder.addStatement(InlineFormat.of("$N.chunk()", callField));
      case ERROR ->
          builder.addStatement(InlineFormat.of("$N.fail($N)", callField, parameters.get(0)));
      case COMPLETE -> {
        if (method.usage() != null) {
          builder.addStatement(
              InlineFormat.of(
                  "$N($N.span(), $N)",
                  usage.helperFor(method.usage()),
                  callField,
                  parameters.get(0)));
        }
        builder.addStatement(InlineFormat.of("$N.complete()", callField));
      }
      case FORWARD -> {}
    }
    CodeBlock call =
        InlineFormat.of(
            "$N.$N($L)",
            handlerField,
            method.element().getSimpleName().toString(),
            String.join(", ", parameters));
    boolean returnsVoid = method.type().getReturnType().getKind() == TypeKind.VOID;
    return builder.addStatement(returnsVoid ? "$L" : "return $L", call).build();
  }

  /**
   * The funnel's override of {@code method} (see {@code ProxyWriter}): forwards to the delegate,
   * and records the token counts of a traced model call on {@code spanField}, the span of the call
   * that runs a default method.
   */
  MethodSpec writeFunnel(ProxyMethod method, String spanField) {
    NameAllocator names = names(Set.of(spanField));
    List<String> parameters = parameterNames(method, names);
    MethodSpec.Builder builder = signature(method, parameters, false);
    CodeBlock call = call(ProxyWriter.DELEGATE, method, parameters);
    if (method.result() == ResultKind.VOID) {
      return builder.addStatement(InlineFormat.of("$L", call)).build();
    }
    if (!method.isTraced() || method.resultReads() == null || method.result() != ResultKind.VALUE) {
      return builder.addStatement(InlineFormat.of("return $L", call)).build();
    }
    String result = local(names, "result");
    return builder
        .addStatement(InlineFormat.of("$T $N = $L", returnType(method), result, call))
        .addStatement(
            InlineFormat.of("$N($N, $N)", usage.helperFor(method.resultReads()), spanField, result))
        .addStatement(InlineFormat.of("return $N", result))
        .build();
  }

  /**
   * A new local named after {@code suggestion}. Tagged with a fresh object because JavaPoet tags an
   * untagged name with a random UUID, a {@code SecureRandom} call per local that showed in the
   * processor's profile; the tags are never looked up.
   */
  static String local(NameAllocator names, String suggestion) {
    return names.newName(suggestion, new Object());
  }

  private NameAllocator names(Set<String> extraFields) {
    NameAllocator names = reservedNames.clone();
    for (String field : extraFields) {
      names.newName(field, "field " + field);
    }
    return names;
  }

  private static List<String> parameterNames(ProxyMethod method, NameAllocator names) {
    ExecutableElement element = method.element();
    List<String> parameters = new ArrayList<>();
    for (int i = 0; i < element.getParameters().size(); i++) {
      parameters.add(
          names.newName(element.getParameters().get(i).getSimpleName().toString(), "p" + i));
    }
    return parameters;
  }

  private static CodeBlock call(Object receiver, ProxyMethod method, List<String> parameters) {
    return InlineFormat.of(
        "$L.$N($L)",
        receiver,
        method.element().getSimpleName().toString(),
        String.join(", ", parameters));
  }

  private static boolean isEqualsOfObject(ProxyMethod method) {
    ExecutableElement element = method.element();
    return !method.isTraced()
        && element.getSimpleName().contentEquals("equals")
        && element.getParameters().size() == 1
        && element.getParameters().get(0).asType().toString().equals("java.lang.Object");
  }

  private MethodSpec.Builder signature(
      ProxyMethod method, List<String> parameters, boolean copyAnnotations) {
    return signature(
        method.element(),
        method.type(),
        method.thrownTypes(),
        method.suppressedWarnings(),
        parameters,
        copyAnnotations);
  }

  private MethodSpec.Builder signature(
      ExecutableElement element,
      ExecutableType type,
      List<? extends TypeMirror> thrownTypes,
      List<String> suppressedWarnings,
      List<String> parameters,
      boolean copyAnnotations) {
    MethodSpec.Builder builder =
        MethodSpec.methodBuilder(element.getSimpleName().toString()).addAnnotation(Override.class);
    if (!suppressedWarnings.isEmpty()) {
      builder.addAnnotation(ProxyWriter.suppressWarnings(suppressedWarnings));
    }
    if (copyAnnotations) {
      for (AnnotationMirror copied : copiedAnnotations.of(element, element.getReturnType())) {
        builder.addAnnotation(AnnotationSpec.get(copied));
      }
    }
    for (Modifier modifier : element.getModifiers()) {
      if (!NOT_COPIED.contains(modifier)) {
        builder.addModifiers(modifier);
      }
    }
    for (TypeVariable variable : type.getTypeVariables()) {
      builder.addTypeVariable(TypeNames.declaration(variable));
    }
    builder.returns(TypeNames.of(declaredIfSame(element.getReturnType(), type.getReturnType())));
    for (int i = 0; i < parameters.size(); i++) {
      VariableElement parameter = element.getParameters().get(i);
      TypeMirror declared = parameter.asType();
      ParameterSpec.Builder spec =
          ParameterSpec.builder(
              TypeNames.of(declaredIfSame(declared, type.getParameterTypes().get(i))),
              parameters.get(i));
      if (copyAnnotations) {
        for (AnnotationMirror copied : copiedAnnotations.of(parameter, declared)) {
          spec.addAnnotation(AnnotationSpec.get(copied));
        }
      }
      builder.addParameter(spec.build());
    }
    builder.varargs(element.isVarArgs());
    for (TypeMirror thrown : thrownTypes) {
      builder.addException(TypeNames.of(thrown));
    }
    return builder;
  }

  private TypeName returnType(ProxyMethod method) {
    return TypeNames.of(
        declaredIfSame(method.element().getReturnType(), method.type().getReturnType()));
  }

  /** The declared type, which carries type-use annotations, unless substitution changed it. */
  private TypeMirror declaredIfSame(TypeMirror declared, TypeMirror member) {
    return types.isSameType(declared, member) ? declared : member;
  }
}

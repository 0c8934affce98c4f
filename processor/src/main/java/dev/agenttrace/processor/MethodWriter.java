package dev.agenttrace.processor;

import static dev.agenttrace.processor.RuntimeNames.AGENT_TRACE;
import static dev.agenttrace.processor.RuntimeNames.ATTRIBUTE_VALUES;
import static dev.agenttrace.processor.RuntimeNames.CONTENT_CAPTURE;
import static dev.agenttrace.processor.RuntimeNames.MESSAGE_JSON;
import static dev.agenttrace.processor.RuntimeNames.SCOPE;
import static dev.agenttrace.processor.RuntimeNames.SEMANTIC_ATTRIBUTES;
import static dev.agenttrace.processor.RuntimeNames.SPAN;
import static dev.agenttrace.processor.RuntimeNames.SPAN_TEMPLATES;
import static dev.agenttrace.processor.RuntimeNames.TOOL_CALL_JSON;
import static dev.agenttrace.processor.RuntimeNames.TRACER;

import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.NameAllocator;
import com.palantir.javapoet.TypeName;
import dev.agenttrace.processor.ProxyMethod.ResultKind;
import dev.agenttrace.processor.ProxyType.Style;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletionException;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.TypeElement;
import javax.lang.model.type.ArrayType;
import javax.lang.model.type.ExecutableType;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.type.TypeVariable;
import javax.lang.model.util.Types;

/**
 * Writes one overriding method of a proxy: the signature mirrored from the traced type (type
 * arguments substituted, type-use annotations kept) and a body that forwards the call or runs it
 * inside a span.
 *
 * <p>A traced body checks {@code tracer.isEnabled()} first and otherwise calls straight through,
 * allocating nothing; reads only constants; and names its locals through a {@link NameAllocator}
 * that already holds the proxy's fields, the simple names of the types the body uses and the user's
 * parameters, which are renamed if they would clash (parameter names are not part of a signature).
 * Asynchronous results end their span when they complete, and the caller gets the very future the
 * traced code returned.
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
          "SuppressWarnings");

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
  private final Types types;
  private final TypeName anyProxy;

  /**
   * @param anyProxy the proxy class with wildcard type arguments, to recognise another proxy
   */
  /**
   * Names every method body starts from: the proxy's fields and the types bodies use. Built once
   * per proxy and copied per method, as allocating them again for each method showed in the
   * processor's profile.
   */
  private final NameAllocator reservedNames;

  MethodWriter(Style style, Set<String> reservedNames, Types types, TypeName anyProxy) {
    this.style = style;
    this.types = types;
    this.anyProxy = anyProxy;
    this.reservedNames = new NameAllocator();
    for (String reserved : reservedNames) {
      this.reservedNames.newName(reserved, "field " + reserved);
    }
    for (String typeName : TYPE_NAMES) {
      this.reservedNames.newName(typeName, "type " + typeName);
    }
  }

  MethodSpec write(ProxyMethod method, Constants constants) {
    NameAllocator names = reservedNames.clone();
    ExecutableElement element = method.element();
    List<String> parameters = new ArrayList<>();
    for (int i = 0; i < element.getParameters().size(); i++) {
      parameters.add(
          names.newName(element.getParameters().get(i).getSimpleName().toString(), "p" + i));
    }
    MethodSpec.Builder builder = signature(method, parameters);
    if (!method.suppressedWarnings().isEmpty()) {
      builder.addAnnotation(ProxyWriter.suppressWarnings(method.suppressedWarnings()));
    }
    CodeBlock call =
        CodeBlock.of(
            "$L.$N($L)",
            style == Style.DELEGATE ? ProxyWriter.DELEGATE : "super",
            element.getSimpleName().toString(),
            String.join(", ", parameters));
    boolean returnsVoid = method.result() == ResultKind.VOID;
    if (style == Style.DELEGATE && isEqualsOfObject(method)) {
      // A proxy equals only a proxy of the same type whose delegate its own delegate equals: the
      // relation stays symmetric (a raw delegate never equals its proxy, nor the other way round).
      String other = parameters.get(0);
      String unwrapped = names.newName("other");
      return builder
          .addStatement(
              "return $N instanceof $T $N && $N.equals($N.$N)",
              other,
              anyProxy,
              unwrapped,
              ProxyWriter.DELEGATE,
              unwrapped,
              ProxyWriter.DELEGATE)
          .build();
    }
    if (!method.isTraced()) {
      return builder.addStatement(returnsVoid ? "$L" : "return $L", call).build();
    }
    new TracedBody(method, constants, names, parameters, builder, call).write();
    return builder.build();
  }

  private static boolean isEqualsOfObject(ProxyMethod method) {
    ExecutableElement element = method.element();
    return !method.isTraced()
        && element.getSimpleName().contentEquals("equals")
        && element.getParameters().size() == 1
        && element.getParameters().get(0).asType().toString().equals("java.lang.Object");
  }

  private MethodSpec.Builder signature(ProxyMethod method, List<String> parameters) {
    ExecutableElement element = method.element();
    ExecutableType type = method.type();
    MethodSpec.Builder builder =
        MethodSpec.methodBuilder(element.getSimpleName().toString()).addAnnotation(Override.class);
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
      TypeMirror declared = element.getParameters().get(i).asType();
      builder.addParameter(
          TypeNames.of(declaredIfSame(declared, type.getParameterTypes().get(i))),
          parameters.get(i));
    }
    builder.varargs(element.isVarArgs());
    for (TypeMirror thrown : method.thrownTypes()) {
      builder.addException(TypeNames.of(thrown));
    }
    return builder;
  }

  /** The declared type, which carries type-use annotations, unless substitution changed it. */
  private TypeMirror declaredIfSame(TypeMirror declared, TypeMirror member) {
    return types.isSameType(declared, member) ? declared : member;
  }

  /** The body of one traced method. */
  private final class TracedBody {
    private final ProxyMethod method;
    private final Constants constants;
    private final NameAllocator names;
    private final List<String> parameters;
    private final MethodSpec.Builder builder;
    private final CodeBlock call;
    private final String span;
    private final ValueReads reads;

    TracedBody(
        ProxyMethod method,
        Constants constants,
        NameAllocator names,
        List<String> parameters,
        MethodSpec.Builder builder,
        CodeBlock call) {
      this.method = method;
      this.constants = constants;
      this.names = names;
      this.parameters = parameters;
      this.builder = builder;
      this.call = call;
      this.span = names.newName("span");
      this.reads = new ValueReads(names);
    }

    void write() {
      String tracer = names.newName("tracer");
      builder.addStatement("$T $N = $T.tracer()", TRACER, tracer, AGENT_TRACE);
      builder.beginControlFlow("if (!$N.isEnabled())", tracer);
      if (method.result() == ResultKind.VOID) {
        builder.addStatement("$L", call).addStatement("return");
      } else {
        builder.addStatement("return $L", call);
      }
      builder.endControlFlow();
      startSpan(tracer);
      List<CodeBlock> start = startAttributes();
      CodeBlock genAiStart = genAiStart();
      if (!start.isEmpty() || !genAiStart.isEmpty()) {
        builder.beginControlFlow("if ($N.isRecording())", span);
        start.forEach(builder::addStatement);
        builder.addCode(genAiStart);
        builder.endControlFlow();
      }
      if (method.result() == ResultKind.ASYNC) {
        writeAsync();
      } else {
        writeSync();
      }
    }

    /**
     * Starts the span from the method's template, or, when the model is read from an argument, from
     * a copy named after it, so that samplers see the model.
     */
    private void startSpan(String tracer) {
      GenAiReads genAi = method.genAi();
      if (genAi == null || genAi.requestModel() == null) {
        builder.addStatement("$T $N = $N.startSpan($N)", SPAN, span, tracer, constants.template());
        return;
      }
      ValuePath path = genAi.requestModel();
      String model = names.newName("model");
      builder.addStatement("$T $N = null", String.class, model);
      builder.addCode(
          reads.read(
              path,
              parameters.get(path.parameterIndex()),
              value -> CodeBlock.of("$N = $L", model, value)));
      builder.addStatement(
          "$T $N =$W$N.startSpan($T.withRequestModel($N, $S, $N))",
          SPAN,
          span,
          tracer,
          SPAN_TEMPLATES,
          constants.template(),
          method.span().genAiOperation(),
          model);
    }

    /** GenAI values read from the arguments, and the input messages, when the span starts. */
    private CodeBlock genAiStart() {
      GenAiReads genAi = method.genAi();
      CodeBlock.Builder code = CodeBlock.builder();
      if (genAi == null) {
        return code.build();
      }
      for (ValuePath path : genAi.request()) {
        code.add(reads.record(path, parameters.get(path.parameterIndex()), span));
      }
      if (genAi.messages() != null && !genAi.messages().inputs().isEmpty()) {
        CodeBlock values =
            genAi.messages().inputs().stream()
                .map(index -> CodeBlock.of("$N", parameters.get(index)))
                .collect(CodeBlock.joining(", "));
        code.beginControlFlow("if ($T.isEnabled())", CONTENT_CAPTURE)
            .addStatement(
                "$T.recordInput($N,$Wnew $T[] {$L})", MESSAGE_JSON, span, Object.class, values)
            .endControlFlow();
      }
      return code.build();
    }

    private void writeSync() {
      boolean returnsVoid = method.result() == ResultKind.VOID;
      String scope = names.newName("scope");
      String result = names.newName("result");
      String error = names.newName("e");
      builder.addStatement("$T $N = $N.makeCurrent()", SCOPE, scope, span);
      builder.beginControlFlow("try");
      if (returnsVoid) {
        builder.addStatement("$L", call);
      } else {
        builder.addStatement("$T $N = $L", returnType(), result, call);
        builder.addCode(resultAttributes(result));
      }
      if (!returnsVoid) {
        builder.addStatement("return $N", result);
      }
      builder.nextControlFlow("catch ($T $N)", Throwable.class, error);
      builder.addStatement("$N.recordError($N)", span, error);
      builder.addStatement("throw $N", error);
      builder.nextControlFlow("finally");
      builder.addStatement("$N.close()", scope);
      builder.addStatement("$N.end()", span);
      builder.endControlFlow();
    }

    private void writeAsync() {
      String scope = names.newName("scope");
      String result = names.newName("result");
      String error = names.newName("e");
      String rejected = names.newName("rejected");
      String value = names.newName("value");
      String failure = names.newName("failure");
      builder.addStatement("$T $N", returnType(), result);
      // As on the synchronous path, the scope closes before the span ends.
      builder.beginControlFlow("try");
      builder.addStatement("$T $N = $N.makeCurrent()", SCOPE, scope, span);
      builder.beginControlFlow("try");
      builder.addStatement("$N = $L", result, call);
      builder.nextControlFlow("finally");
      builder.addStatement("$N.close()", scope);
      builder.endControlFlow();
      builder.nextControlFlow("catch ($T $N)", Throwable.class, error);
      builder.addStatement("$N.recordError($N)", span, error);
      builder.addStatement("$N.end()", span);
      builder.addStatement("throw $N", error);
      builder.endControlFlow();
      builder.beginControlFlow("if ($N == null)", result);
      builder.addStatement("$N.end()", span);
      builder.addStatement("return $N", result);
      builder.endControlFlow();
      builder.addComment("The span ends when the stage completes; the caller gets the same stage.");
      builder.beginControlFlow("try");
      builder.addCode("$N.whenComplete(($N, $N) -> {\n$>", result, value, failure);
      builder.beginControlFlow("if ($N == null)", failure);
      builder.addCode(resultAttributes(value));
      builder.nextControlFlow("else");
      builder.addStatement(
          "$N.recordError($N instanceof $T && $N.getCause() != null$W? $N.getCause()$W: $N)",
          span,
          failure,
          CompletionException.class,
          failure,
          failure,
          failure);
      builder.endControlFlow();
      builder.addStatement("$N.end()", span);
      builder.addCode("$<});\n");
      builder.nextControlFlow("catch ($T $N)", RuntimeException.class, rejected);
      builder.addComment("A stage that refuses callbacks is returned as it is, untraced.");
      builder.addStatement("$N.end()", span);
      builder.endControlFlow();
      builder.addStatement("return $N", result);
    }

    private TypeName returnType() {
      return TypeNames.of(
          declaredIfSame(method.element().getReturnType(), method.type().getReturnType()));
    }

    /** Parameter attributes and captured arguments, recorded when the span starts. */
    private List<CodeBlock> startAttributes() {
      List<CodeBlock> statements = new ArrayList<>();
      for (int i = 0; i < method.attributes().size(); i++) {
        ParameterAttribute attribute = method.attributes().get(i);
        statements.add(
            CodeBlock.of(
                "$N.setAttribute($N,$W$L)",
                span,
                constants.attributeKeys().get(i),
                attributeValue(attribute, parameters.get(attribute.index()))));
      }
      if (constants.argumentNames() != null) {
        CodeBlock values =
            method.capture().argumentIndexes().stream()
                .map(index -> CodeBlock.of("$N", parameters.get(index)))
                .collect(CodeBlock.joining(", "));
        statements.add(
            CodeBlock.of(
                "$N.setAttribute($T.GEN_AI_TOOL_CALL_ARGUMENTS,$W$T.arguments($N,$Wnew $T[] {$L}))",
                span,
                SEMANTIC_ATTRIBUTES,
                TOOL_CALL_JSON,
                constants.argumentNames(),
                Object.class,
                values));
      }
      return statements;
    }

    /** GenAI values, output messages and the captured result, read when the call succeeded. */
    private CodeBlock resultAttributes(String value) {
      GenAiReads genAi = method.genAi();
      boolean captureResult = method.capture() != null && method.capture().result();
      boolean response = genAi != null && !genAi.response().isEmpty();
      boolean output = genAi != null && genAi.messages() != null && genAi.messages().output();
      if (!response && !output && !captureResult) {
        return CodeBlock.of("");
      }
      CodeBlock.Builder code = CodeBlock.builder().beginControlFlow("if ($N.isRecording())", span);
      if (captureResult) {
        code.addStatement(
            "$N.setAttribute($T.GEN_AI_TOOL_CALL_RESULT,$W$T.result($N))",
            span,
            SEMANTIC_ATTRIBUTES,
            TOOL_CALL_JSON,
            value);
      }
      if (response) {
        code.beginControlFlow("if ($N != null)", value);
        for (ValuePath path : genAi.response()) {
          code.add(reads.record(path, value, span));
        }
        code.endControlFlow();
      }
      if (output) {
        code.beginControlFlow("if ($T.isEnabled())", CONTENT_CAPTURE)
            .addStatement("$T.recordOutput($N, $N)", MESSAGE_JSON, span, value)
            .endControlFlow();
      }
      return code.endControlFlow().build();
    }
  }

  /** The expression recording a parameter with its type kept; null stays null (not recorded). */
  private CodeBlock attributeValue(ParameterAttribute attribute, String name) {
    TypeMirror type = attribute.type();
    boolean primitive = attribute.primitive();
    return switch (attribute.valueKind()) {
      case BOOLEAN, STRING -> CodeBlock.of("$N", name);
      case LONG -> numeric(type, primitive, name, TypeKind.LONG, "long", "java.lang.Long");
      case DOUBLE -> numeric(type, primitive, name, TypeKind.DOUBLE, "double", "java.lang.Double");
      case CHAR ->
          primitive
              ? CodeBlock.of("$T.valueOf($N)", String.class, name)
              : CodeBlock.of("$N == null ? null : $N.toString()", name, name);
      case ENUM -> CodeBlock.of("$N == null ? null : $N.name()", name, name);
      // Only these run user code (toString()), so only these go through the helper that never
      // throws; a primitive array's text cannot fail.
      case ARRAY ->
          ((ArrayType) type).getComponentType().getKind().isPrimitive()
              ? CodeBlock.of("$N == null ? null : $T.toString($N)", name, Arrays.class, name)
              : CodeBlock.of("$T.deepToStringSafely($N)", ATTRIBUTE_VALUES, name);
      case OTHER -> CodeBlock.of("$T.toStringSafely($N)", ATTRIBUTE_VALUES, name);
    };
  }

  private CodeBlock numeric(
      TypeMirror type, boolean primitive, String name, TypeKind kind, String cast, String box) {
    if (primitive) {
      return type.getKind() == kind
          ? CodeBlock.of("$N", name)
          : CodeBlock.of("($L) $N", cast, name);
    }
    boolean exactBox =
        type.getKind() == TypeKind.DECLARED
            && ((TypeElement) types.asElement(type)).getQualifiedName().contentEquals(box);
    return exactBox
        ? CodeBlock.of("$N", name)
        : CodeBlock.of("$N == null ? null : $N.$LValue()", name, name, cast);
  }
}

package dev.agenttrace.processor;

import static dev.agenttrace.processor.RuntimeNames.ATTRIBUTE_KEY;
import static dev.agenttrace.processor.RuntimeNames.SEMANTIC_ATTRIBUTES;
import static dev.agenttrace.processor.RuntimeNames.SPAN_TEMPLATE;
import static dev.agenttrace.processor.RuntimeNames.SPAN_TEMPLATES;

import com.palantir.javapoet.AnnotationSpec;
import com.palantir.javapoet.ArrayTypeName;
import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.FieldSpec;
import com.palantir.javapoet.JavaFile;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeName;
import com.palantir.javapoet.TypeSpec;
import com.palantir.javapoet.TypeVariableName;
import com.palantir.javapoet.WildcardTypeName;
import dev.agenttrace.processor.ProxyType.Style;
import dev.agenttrace.processor.SpanDescriptor.ConstantAttribute;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.TypeElement;
import javax.lang.model.element.TypeParameterElement;
import javax.lang.model.element.VariableElement;
import javax.lang.model.util.Elements;
import javax.lang.model.util.Types;

/**
 * Writes the source of a proxy from its validated model. Does no validation: every decision that
 * can fail was made by {@link ProxyModelBuilder}.
 *
 * <p>The class it writes keeps every name and attribute key in a static final constant; {@link
 * MethodWriter} writes the method bodies. A delegating proxy is {@code final} with a private
 * constructor and a static {@code wrap}; a subclass mirrors every accessible constructor.
 */
final class ProxyWriter {
  static final String DELEGATE = "delegate";

  /** The nested class that runs default methods of the interface; see {@link #funnel}. */
  static final String FUNNEL = "Funnel";

  private static final String FUNNEL_SPAN = "span";

  private static final TypeName BOOLEAN_KEY =
      ParameterizedTypeName.get(ATTRIBUTE_KEY, ClassName.get(Boolean.class));
  private static final TypeName LONG_KEY =
      ParameterizedTypeName.get(ATTRIBUTE_KEY, ClassName.get(Long.class));
  private static final TypeName DOUBLE_KEY =
      ParameterizedTypeName.get(ATTRIBUTE_KEY, ClassName.get(Double.class));
  private static final TypeName STRING_KEY =
      ParameterizedTypeName.get(ATTRIBUTE_KEY, ClassName.get(String.class));

  private final Elements elements;
  private final Types types;
  private final CopiedAnnotations copiedAnnotations;

  ProxyWriter(Elements elements, Types types) {
    this.elements = elements;
    this.types = types;
    this.copiedAnnotations = new CopiedAnnotations(elements);
  }

  JavaFile write(ProxyType proxy) {
    TypeElement target = proxy.target();
    ClassName targetName = ClassName.get(target);
    List<TypeVariableName> typeVariables = new ArrayList<>();
    for (TypeParameterElement parameter : target.getTypeParameters()) {
      typeVariables.add(TypeNames.declaration(parameter));
    }
    List<TypeName> typeArguments = new ArrayList<>();
    for (TypeParameterElement parameter : target.getTypeParameters()) {
      typeArguments.add(TypeVariableName.get(parameter.getSimpleName().toString()));
    }
    TypeName targetType =
        typeArguments.isEmpty()
            ? targetName
            : ParameterizedTypeName.get(targetName, typeArguments.toArray(new TypeName[0]));

    TypeSpec.Builder type =
        TypeSpec.classBuilder(proxy.proxyName())
            .addOriginatingElement(proxy.originatingElement())
            .addAnnotation(
                AnnotationSpec.builder(RuntimeNames.GENERATED)
                    .addMember("value", "$S", AgentTraceProcessor.class.getCanonicalName())
                    .build())
            .addTypeVariables(typeVariables);
    if (!proxy.suppressedWarnings().isEmpty()) {
      type.addAnnotation(suppressWarnings(proxy.suppressedWarnings()));
    }
    if (proxy.isPublic()) {
      type.addModifiers(Modifier.PUBLIC);
    }

    ConstantPool constants = new ConstantPool(List.of(DELEGATE, "serialVersionUID"));
    List<MethodWriter.Constants> methodConstants = new ArrayList<>();
    for (ProxyMethod method : proxy.methods()) {
      methodConstants.add(method.isTraced() ? constants(method, constants) : null);
    }
    type.addFields(constants.fields());
    // Tells the runtime a proxy exists (for its "nothing was traced" hint), once per class.
    type.addStaticBlock(
        CodeBlock.builder()
            .addStatement(InlineFormat.of("$T.initialized()", RuntimeNames.PROXY_CLASSES))
            .build());

    if (proxy.style() == Style.DELEGATE) {
      writeDelegateMembers(proxy, type, targetName, targetType, typeVariables);
    } else {
      writeSubclassMembers(proxy, type, targetName, targetType);
    }
    Set<String> reserved = constants.names();
    Set<String> memberNames = new HashSet<>(reserved);
    memberNames.add("wrap");
    proxy.methods().forEach(m -> memberNames.add(m.element().getSimpleName().toString()));
    UsageHelpers usage = new UsageHelpers(memberNames);
    TypeName anyProxy =
        typeVariables.isEmpty()
            ? proxy.proxyName()
            : ParameterizedTypeName.get(
                proxy.proxyName(),
                typeVariables.stream()
                    .map(v -> WildcardTypeName.subtypeOf(Object.class))
                    .toArray(TypeName[]::new));
    HandlerWrappers handlers = new HandlerWrappers(proxy.methods(), memberNames);
    Set<String> bodyNames = new HashSet<>(reserved);
    bodyNames.addAll(handlers.names().values());
    MethodWriter methods =
        new MethodWriter(
            proxy.style(),
            bodyNames,
            types,
            anyProxy,
            targetName,
            usage,
            copiedAnnotations,
            proxy.proxyName(),
            handlers.names());
    for (int i = 0; i < proxy.methods().size(); i++) {
      type.addMethod(methods.write(proxy.methods().get(i), methodConstants.get(i)));
    }
    if (proxy.methods().stream().anyMatch(ProxyWriter::runsDefaultCodeInFunnel)) {
      type.addType(funnel(proxy, targetName, targetType, methods));
    }
    handlers.write(methods).forEach(type::addType);
    type.addMethods(usage.methods());
    return JavaFile.builder(proxy.proxyName().packageName(), type.build())
        .indent("  ")
        .skipJavaLangImports(true)
        .build();
  }

  private void writeDelegateMembers(
      ProxyType proxy,
      TypeSpec.Builder type,
      ClassName targetName,
      TypeName targetType,
      List<TypeVariableName> typeVariables) {
    type.addJavadoc(
        "Traces calls to {@link $T}: each traced method runs inside a span,\nevery other method"
            + " is forwarded untouched to the wrapped instance.\n",
        targetName);
    if (proxy.methods().stream().anyMatch(ProxyWriter::runsDefaultCodeInFunnel)) {
      type.addJavadoc(
          "\n<p>Default methods whose result cannot carry the token counts run the interface's"
              + " own code\n(see {@link $N}), so that the call they make records its counts on"
              + " their one span.\n",
          FUNNEL);
    }
    type.addJavadoc(
            "\n<p>Generated by the AgentTrace annotation processor from {@link $T}; do not"
                + " edit.\n",
            ClassName.get((TypeElement) proxy.originatingElement()))
        .addModifiers(Modifier.FINAL)
        .addSuperinterface(targetType)
        .addField(targetType, DELEGATE, Modifier.PRIVATE, Modifier.FINAL)
        .addMethod(
            MethodSpec.constructorBuilder()
                .addModifiers(Modifier.PRIVATE)
                .addParameter(targetType, DELEGATE)
                .addStatement(InlineFormat.of("this.$N = $N", DELEGATE, DELEGATE))
                .build())
        .addMethod(
            MethodSpec.methodBuilder("wrap")
                .addJavadoc(
                    "Returns {@code delegate} wrapped so that its traced methods record spans.\n\n"
                        + "@throws NullPointerException if {@code delegate} is null\n")
                .addModifiers(Modifier.PUBLIC, Modifier.STATIC)
                .addTypeVariables(typeVariables)
                .returns(targetType)
                .addParameter(targetType, DELEGATE)
                .addStatement(
                    InlineFormat.of(
                        "return new $T$L($T.requireNonNull($N, $S))",
                        proxy.proxyName(),
                        typeVariables.isEmpty() ? "" : "<>",
                        Objects.class,
                        DELEGATE,
                        DELEGATE))
                .build());
  }

  private void writeSubclassMembers(
      ProxyType proxy, TypeSpec.Builder type, ClassName targetName, TypeName targetType) {
    type.addJavadoc(
            "{@link $T} with its traced methods running inside spans, including calls the class"
                + " makes on\nitself. Construct it instead of {@link $T}.\n\n<p>Generated by the"
                + " AgentTrace annotation processor from {@link $T}; do not edit.\n",
            targetName,
            targetName,
            targetName)
        .superclass(targetType)
        .addModifiers(proxy.isAbstract() ? Modifier.ABSTRACT : Modifier.FINAL);
    TypeElement serializable = elements.getTypeElement("java.io.Serializable");
    if (types.isAssignable(proxy.target().asType(), serializable.asType())) {
      type.addField(
          FieldSpec.builder(
                  TypeName.LONG,
                  "serialVersionUID",
                  Modifier.PRIVATE,
                  Modifier.STATIC,
                  Modifier.FINAL)
              .initializer("1L")
              .build());
    }
    for (ExecutableElement constructor : proxy.constructors()) {
      type.addMethod(mirrorConstructor(constructor));
    }
  }

  private static MethodSpec mirrorConstructor(ExecutableElement constructor) {
    MethodSpec.Builder builder = MethodSpec.constructorBuilder();
    for (Modifier modifier : constructor.getModifiers()) {
      if (modifier == Modifier.PUBLIC || modifier == Modifier.PROTECTED) {
        builder.addModifiers(modifier);
      }
    }
    for (TypeParameterElement parameter : constructor.getTypeParameters()) {
      builder.addTypeVariable(TypeNames.declaration(parameter));
    }
    List<String> names = new ArrayList<>();
    for (VariableElement parameter : constructor.getParameters()) {
      String name = parameter.getSimpleName().toString();
      names.add(name);
      builder.addParameter(TypeNames.of(parameter.asType()), name);
    }
    builder.varargs(constructor.isVarArgs());
    constructor.getThrownTypes().forEach(thrown -> builder.addException(TypeNames.of(thrown)));
    return builder.addStatement(InlineFormat.of("super($L)", String.join(", ", names))).build();
  }

  /**
   * The view of the delegate on which the proxy runs a default method whose result cannot carry the
   * token counts ({@code String chat(String)}): the default code's calls on {@code this} reach the
   * delegate through it, and a traced model call among them records its token counts on the span of
   * the call that runs the default method, so that one user-level call is one span.
   */
  private static TypeSpec funnel(
      ProxyType proxy, ClassName targetName, TypeName targetType, MethodWriter methods) {
    TypeSpec.Builder funnel =
        TypeSpec.classBuilder(FUNNEL)
            .addJavadoc(
                "Runs default methods of {@link $T} on the delegate:\ntheir calls on {@code this}"
                    + " reach the delegate, and a traced model call among them\nrecords its token"
                    + " counts on the span of the call that runs the default method.\n",
                targetName)
            .addModifiers(Modifier.PRIVATE, Modifier.FINAL)
            .addSuperinterface(targetType)
            .addField(RuntimeNames.SPAN, FUNNEL_SPAN, Modifier.PRIVATE, Modifier.FINAL)
            .addMethod(
                MethodSpec.constructorBuilder()
                    .addParameter(RuntimeNames.SPAN, FUNNEL_SPAN)
                    .addStatement(InlineFormat.of("this.$N = $N", FUNNEL_SPAN, FUNNEL_SPAN))
                    .build());
    for (ProxyMethod method : proxy.methods()) {
      if (!method.runsDefaultCode() && !isObjectMethod(method)) {
        funnel.addMethod(methods.writeFunnel(method, FUNNEL_SPAN));
      }
    }
    return funnel.build();
  }

  private static boolean runsDefaultCodeInFunnel(ProxyMethod method) {
    return method.runsDefaultCode() && method.isTraced();
  }

  private static boolean isObjectMethod(ProxyMethod method) {
    return method.element().getEnclosingElement() instanceof TypeElement type
        && type.getQualifiedName().contentEquals("java.lang.Object");
  }

  private static MethodWriter.Constants constants(ProxyMethod method, ConstantPool constants) {
    String base = constantName(method.element().getSimpleName().toString());
    boolean streamingModelCall =
        method.isStreaming() && method.span().operation() == Operation.LLM_CALL;
    String template =
        constants.constant(
            SPAN_TEMPLATE,
            streamingModelCall ? base + "_STREAMING" : base,
            templateInitializer(method.span(), streamingModelCall),
            List.of(method.span(), streamingModelCall));
    List<String> keys = new ArrayList<>();
    for (ParameterAttribute attribute : method.attributes()) {
      keys.add(
          constants.constant(
              keyType(attribute),
              keyConstantName(attribute.key()),
              InlineFormat.of(
                  "$T.$N($Z$S)",
                  ATTRIBUTE_KEY,
                  attribute.valueKind().keyFactory(),
                  attribute.key()),
              List.of(attribute.valueKind().keyFactory(), attribute.key())));
    }
    String argumentNames = null;
    if (method.capture() != null && method.capture().arguments()) {
      CodeBlock names =
          method.capture().argumentIndexes().stream()
              .map(
                  i ->
                      InlineFormat.of(
                          "$S", method.element().getParameters().get(i).getSimpleName()))
              .collect(CodeBlock.joining(", "));
      argumentNames =
          constants.constant(
              ArrayTypeName.of(String.class),
              base + "_ARGUMENT_NAMES",
              InlineFormat.of("{$L}", names));
    }
    return new MethodWriter.Constants(template, keys, argumentNames);
  }

  /**
   * The span template constant: one call of the runtime's factory for the operation, then one
   * {@code withAttribute} per optional constant (server, agent id, tool type, ..., and {@code
   * gen_ai.request.stream} for a streamed model call), so the generated class reads plainly and
   * javac infers no generic builder chain per method.
   */
  private static CodeBlock templateInitializer(SpanDescriptor span, boolean streaming) {
    // One format for the whole initializer, so that JavaPoet emits it in few fragments.
    StringBuilder format = new StringBuilder("$T.$N(");
    List<Object> args = new ArrayList<>(List.of(SPAN_TEMPLATES, span.factory()));
    String separator = "";
    if (span.operation() == Operation.TRACED) {
      format.append("$S");
      args.add(span.spanName());
      separator = ",$W";
    }
    for (String argument : span.factoryArguments()) {
      format.append(separator).append("$S");
      args.add(
          argument.equals(SpanDescriptor.OPERATION) ? span.genAiOperation() : span.value(argument));
      separator = ",$W";
    }
    format.append(')');
    for (ConstantAttribute attribute : span.constantAttributes()) {
      String constant = attribute.semanticAttributeConstant();
      if (span.factoryArguments().contains(constant) || constant.equals("GEN_AI_OPERATION_NAME")) {
        continue;
      }
      format.append(
          attribute.isLong() ? "$Z.withAttribute($T.$L,$W$LL)" : "$Z.withAttribute($T.$L,$W$S)");
      args.add(SEMANTIC_ATTRIBUTES);
      args.add(constant);
      args.add(attribute.value());
    }
    if (streaming) {
      format.append("$Z.withAttribute($T.GEN_AI_REQUEST_STREAM,$Wtrue)");
      args.add(SEMANTIC_ATTRIBUTES);
    }
    return InlineFormat.of(format.toString(), args.toArray());
  }

  private static TypeName keyType(ParameterAttribute attribute) {
    return switch (attribute.valueKind()) {
      case BOOLEAN -> BOOLEAN_KEY;
      case LONG -> LONG_KEY;
      case DOUBLE -> DOUBLE_KEY;
      default -> STRING_KEY;
    };
  }

  static AnnotationSpec suppressWarnings(Collection<String> categories) {
    AnnotationSpec.Builder annotation = AnnotationSpec.builder(SuppressWarnings.class);
    for (String category : categories) {
      annotation.addMember("value", "$S", category);
    }
    return annotation.build();
  }

  /** {@code order.id} becomes {@code ORDER_ID}; a key starting with a digit gets a prefix. */
  static String keyConstantName(String key) {
    String upper = key.toUpperCase(Locale.ROOT);
    StringBuilder name = new StringBuilder(upper.length() + 4);
    upper
        .codePoints()
        .forEach(
            c ->
                name.append(
                    (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' ? (char) c : '_'));
    return Character.isDigit(name.charAt(0)) ? name.insert(0, "KEY_").toString() : name.toString();
  }

  /** {@code lookupOrder} becomes {@code LOOKUP_ORDER}. */
  static String constantName(String camelCase) {
    StringBuilder constant = new StringBuilder();
    for (int i = 0; i < camelCase.length(); i++) {
      char c = camelCase.charAt(i);
      if (Character.isUpperCase(c) && i > 0 && !Character.isUpperCase(camelCase.charAt(i - 1))) {
        constant.append('_');
      }
      constant.append(Character.toUpperCase(c));
    }
    return constant.toString().toUpperCase(Locale.ROOT);
  }
}

package dev.agenttrace.processor;

import static dev.agenttrace.processor.RuntimeNames.SEMANTIC_ATTRIBUTES;
import static dev.agenttrace.processor.RuntimeNames.SPAN;

import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.NameAllocator;
import com.palantir.javapoet.TypeName;
import com.palantir.javapoet.TypeVariableName;
import dev.agenttrace.processor.TokenUsagePaths.Accessor;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.lang.model.element.Modifier;
import javax.lang.model.type.ArrayType;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.IntersectionType;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.type.TypeVariable;
import javax.lang.model.type.WildcardType;

/**
 * The private static methods of one proxy that read token counts from a model's response onto a
 * span, one per distinct response type and accessor chains, named after the type ({@code
 * recordChatResponseUsage(span, response)}). Every traced method returning that type, the view that
 * runs default methods, streaming handlers and stream elements call the same method.
 *
 * <p>Each method reads nothing when the value is {@code null} or the span does not record, skips a
 * {@code null} along a chain and a negative count, and never throws: an accessor that fails is the
 * model's business, not the call's.
 */
final class UsageHelpers {
  private final Set<String> memberNames;
  private final Map<String, String> nameByKey = new LinkedHashMap<>();
  private final List<MethodSpec> methods = new ArrayList<>();

  /**
   * @param memberNames names the proxy already uses for fields and methods
   */
  UsageHelpers(Set<String> memberNames) {
    this.memberNames = new HashSet<>(memberNames);
  }

  /** The name of the method recording {@code usage}, written on first use. */
  String helperFor(TokenUsagePaths usage) {
    List<TypeVariableName> variables = typeVariables(usage.valueType());
    TypeName valueType = TypeNames.of(usage.valueType());
    String key = variables + " " + valueType + " " + usage.input() + " " + usage.output();
    String existing = nameByKey.get(key);
    if (existing != null) {
      return existing;
    }
    String base = "record" + simpleName(usage.valueType()) + "Usage";
    String name = base;
    for (int suffix = 2; !memberNames.add(name); suffix++) {
      name = base + suffix;
    }
    nameByKey.put(key, name);
    methods.add(write(name, variables, valueType, usage));
    return name;
  }

  /** The methods written so far. */
  List<MethodSpec> methods() {
    return List.copyOf(methods);
  }

  private static MethodSpec write(
      String name, List<TypeVariableName> variables, TypeName valueType, TokenUsagePaths usage) {
    NameAllocator names = new NameAllocator();
    String span = names.newName("span");
    String value = names.newName("value");
    String ignored = names.newName("ignored");
    CodeBlock.Builder code = CodeBlock.builder();
    code.beginControlFlow("if ($N == null || !$N.isRecording())", value, span);
    code.addStatement("return");
    code.endControlFlow();
    code.beginControlFlow("try");
    // Both counts usually hang off one usage object: read the accessors they share once.
    int shared = sharedPrefix(usage.input(), usage.output());
    String current = value;
    for (int i = 0; i < shared; i++) {
      String next = names.newName(usage.input().get(i).name());
      code.addStatement("var $N = $N.$N()", next, current, usage.input().get(i).name());
      code.beginControlFlow("if ($N != null)", next);
      current = next;
    }
    tokenCount(
        code, names, span, current, rest(usage.input(), shared), "GEN_AI_USAGE_INPUT_TOKENS");
    tokenCount(
        code, names, span, current, rest(usage.output(), shared), "GEN_AI_USAGE_OUTPUT_TOKENS");
    for (int i = 0; i < shared; i++) {
      code.endControlFlow();
    }
    code.nextControlFlow("catch ($T $N)", Throwable.class, ignored);
    code.add("// Reading token usage for the span must never fail the call.\n");
    code.endControlFlow();
    return MethodSpec.methodBuilder(name)
        .addModifiers(Modifier.PRIVATE, Modifier.STATIC)
        .addTypeVariables(variables)
        .addParameter(SPAN, span)
        .addParameter(valueType, value)
        .addCode(code.build())
        .build();
  }

  /** How many leading accessors, short of either count itself, both chains share. */
  private static int sharedPrefix(List<Accessor> input, List<Accessor> output) {
    int shared = 0;
    while (shared < input.size() - 1
        && shared < output.size() - 1
        && input.get(shared).name().equals(output.get(shared).name())) {
      shared++;
    }
    return shared;
  }

  private static List<Accessor> rest(List<Accessor> path, int from) {
    return path.isEmpty() ? path : path.subList(from, path.size());
  }

  /** Follows {@code path} from {@code value}, null-safely, and records a known count. */
  private static void tokenCount(
      CodeBlock.Builder code,
      NameAllocator names,
      String span,
      String value,
      List<Accessor> path,
      String attribute) {
    if (path.isEmpty()) {
      return;
    }
    String current = value;
    int opened = 0;
    for (int i = 0; i < path.size(); i++) {
      Accessor accessor = path.get(i);
      String next = names.newName(accessor.name());
      code.addStatement("var $N = $N.$N()", next, current, accessor.name());
      current = next;
      if (i < path.size() - 1) {
        code.beginControlFlow("if ($N != null)", current);
        opened++;
      } else if (accessor.primitive()) {
        code.beginControlFlow("if ($N >= 0)", current);
        code.addStatement(
            "$N.setAttribute($T.$L,$W$N)", span, SEMANTIC_ATTRIBUTES, attribute, current);
        code.endControlFlow();
      } else {
        code.beginControlFlow("if ($N != null && $N >= 0)", current, current);
        code.addStatement(
            "$N.setAttribute($T.$L,$W$N.longValue())",
            span,
            SEMANTIC_ATTRIBUTES,
            attribute,
            current);
        code.endControlFlow();
      }
    }
    for (int i = 0; i < opened; i++) {
      code.endControlFlow();
    }
  }

  /** The type variables {@code type} mentions, declared with their bounds for a static method. */
  private static List<TypeVariableName> typeVariables(TypeMirror type) {
    Map<String, TypeVariable> found = new LinkedHashMap<>();
    collect(type, found);
    List<TypeVariableName> declarations = new ArrayList<>();
    for (TypeVariable variable : found.values()) {
      declarations.add(TypeNames.declaration(variable));
    }
    return declarations;
  }

  private static void collect(TypeMirror type, Map<String, TypeVariable> found) {
    if (type instanceof TypeVariable variable) {
      String name = variable.asElement().getSimpleName().toString();
      if (found.putIfAbsent(name, variable) == null) {
        collect(variable.getUpperBound(), found);
      }
    } else if (type instanceof DeclaredType declared) {
      declared.getTypeArguments().forEach(argument -> collect(argument, found));
    } else if (type instanceof ArrayType array) {
      collect(array.getComponentType(), found);
    } else if (type instanceof WildcardType wildcard) {
      if (wildcard.getExtendsBound() != null) {
        collect(wildcard.getExtendsBound(), found);
      }
      if (wildcard.getSuperBound() != null) {
        collect(wildcard.getSuperBound(), found);
      }
    } else if (type instanceof IntersectionType intersection) {
      intersection.getBounds().forEach(bound -> collect(bound, found));
    }
  }

  private static String simpleName(TypeMirror type) {
    if (type instanceof DeclaredType declared) {
      return declared.asElement().getSimpleName().toString();
    }
    if (type instanceof TypeVariable variable) {
      return variable.asElement().getSimpleName().toString();
    }
    return "Result";
  }
}

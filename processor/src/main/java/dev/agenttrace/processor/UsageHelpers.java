package dev.agenttrace.processor;

import static dev.agenttrace.processor.RuntimeNames.SPAN;

import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.NameAllocator;
import com.palantir.javapoet.TypeName;
import com.palantir.javapoet.TypeVariableName;
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
 * The private static methods of one proxy that read the response values (token counts, response id,
 * model, finish reasons) from a model's response onto a span, one per distinct response type and
 * paths, named after the type ({@code recordChatResponseValues(span, response)}). Every traced
 * method returning that type, the view that runs default methods, streaming handlers and stream
 * elements call the same method.
 *
 * <p>Each method reads nothing when the value is {@code null} or the span does not record, skips a
 * {@code null} along a chain and a negative count, and never throws: an accessor that fails skips
 * its one value (counted by {@code GenAiValues.skipped()}), never the call.
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

  /** The name of the method recording {@code reads}, written on first use. */
  String helperFor(ResultReads reads) {
    List<TypeVariableName> variables = typeVariables(reads.valueType());
    TypeName valueType = TypeNames.of(reads.valueType());
    String key = variables + " " + valueType + " " + reads.paths();
    String existing = nameByKey.get(key);
    if (existing != null) {
      return existing;
    }
    String base = "record" + simpleName(reads.valueType()) + "Values";
    String name = base;
    for (int suffix = 2; !memberNames.add(name); suffix++) {
      name = base + suffix;
    }
    nameByKey.put(key, name);
    methods.add(write(name, variables, valueType, reads));
    return name;
  }

  /** The methods written so far. */
  List<MethodSpec> methods() {
    return List.copyOf(methods);
  }

  private static MethodSpec write(
      String name, List<TypeVariableName> variables, TypeName valueType, ResultReads reads) {
    NameAllocator names = new NameAllocator();
    String span = MethodWriter.local(names, "span");
    String value = MethodWriter.local(names, "value");
    ValueReads values = new ValueReads(names);
    CodeBlock.Builder code = CodeBlock.builder();
    code.beginControlFlow("if ($N == null || !$N.isRecording())", value, span);
    code.addStatement("return");
    code.endControlFlow();
    for (ValuePath path : reads.paths()) {
      code.add(values.record(path, value, span));
    }
    return MethodSpec.methodBuilder(name)
        .addModifiers(Modifier.PRIVATE, Modifier.STATIC)
        .addTypeVariables(variables)
        .addParameter(SPAN, span)
        .addParameter(valueType, value)
        .addCode(code.build())
        .build();
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

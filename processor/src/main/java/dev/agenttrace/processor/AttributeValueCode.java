package dev.agenttrace.processor;

import static dev.agenttrace.processor.RuntimeNames.ATTRIBUTE_VALUES;

import com.palantir.javapoet.CodeBlock;
import java.util.Arrays;
import javax.lang.model.element.TypeElement;
import javax.lang.model.type.ArrayType;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.util.Types;

/**
 * The expression recording a {@code @SpanAttribute} parameter with its type kept where
 * OpenTelemetry has one; {@code null} stays {@code null}, so nothing is recorded.
 */
final class AttributeValueCode {
  private final Types types;

  AttributeValueCode(Types types) {
    this.types = types;
  }

  /** The value of {@code attribute}, read from the parameter (or local) {@code name}. */
  CodeBlock of(ParameterAttribute attribute, String name) {
    TypeMirror type = attribute.type();
    boolean primitive = attribute.primitive();
    return switch (attribute.valueKind()) {
      case BOOLEAN, STRING -> InlineFormat.of("$N", name);
      case LONG -> numeric(type, primitive, name, TypeKind.LONG, "long", "java.lang.Long");
      case DOUBLE -> numeric(type, primitive, name, TypeKind.DOUBLE, "double", "java.lang.Double");
      case CHAR ->
          primitive
              ? InlineFormat.of("$T.valueOf($N)", String.class, name)
              : InlineFormat.of("$N == null ? null : $N.toString()", name, name);
      case ENUM -> InlineFormat.of("$N == null ? null : $N.name()", name, name);
      // Only these run user code (toString()), so only these go through the helper that never
      // throws; a primitive array's text cannot fail.
      case ARRAY ->
          ((ArrayType) type).getComponentType().getKind().isPrimitive()
              ? InlineFormat.of("$N == null ? null : $T.toString($N)", name, Arrays.class, name)
              : InlineFormat.of("$T.deepToStringSafely($N)", ATTRIBUTE_VALUES, name);
      case OTHER -> InlineFormat.of("$T.toStringSafely($N)", ATTRIBUTE_VALUES, name);
    };
  }

  /**
   * The value of {@code attribute} as an argument of {@code Tracer.startSpan(template, key,
   * value)}, or null when it cannot be one: only values that cost nothing to compute and box
   * nothing qualify (primitives as {@code long}, {@code double} or {@code boolean}, exact boxes and
   * {@code String}s), because the argument is computed before the tracer knows whether the span
   * records.
   */
  CodeBlock atStart(ParameterAttribute attribute, String name) {
    TypeMirror type = attribute.type();
    boolean primitive = attribute.primitive();
    return switch (attribute.valueKind()) {
      case LONG -> primitive || isExactly(type, "java.lang.Long") ? of(attribute, name) : null;
      case DOUBLE -> primitive || isExactly(type, "java.lang.Double") ? of(attribute, name) : null;
      case BOOLEAN -> of(attribute, name);
      case STRING -> isExactly(type, "java.lang.String") ? of(attribute, name) : null;
      case CHAR, ENUM, ARRAY, OTHER -> null;
    };
  }

  private boolean isExactly(TypeMirror type, String qualifiedName) {
    return type.getKind() == TypeKind.DECLARED
        && ((TypeElement) types.asElement(type)).getQualifiedName().contentEquals(qualifiedName);
  }

  private CodeBlock numeric(
      TypeMirror type, boolean primitive, String name, TypeKind kind, String cast, String box) {
    if (primitive) {
      return type.getKind() == kind
          ? InlineFormat.of("$N", name)
          : InlineFormat.of("($L) $N", cast, name);
    }
    return isExactly(type, box)
        ? InlineFormat.of("$N", name)
        : InlineFormat.of("$N == null ? null : $N.$LValue()", name, name, cast);
  }
}

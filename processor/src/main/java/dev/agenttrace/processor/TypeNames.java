package dev.agenttrace.processor;

import com.palantir.javapoet.AnnotationSpec;
import com.palantir.javapoet.ArrayTypeName;
import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeName;
import com.palantir.javapoet.TypeVariableName;
import com.palantir.javapoet.WildcardTypeName;
import java.util.ArrayList;
import java.util.List;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.TypeElement;
import javax.lang.model.element.TypeParameterElement;
import javax.lang.model.type.ArrayType;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.IntersectionType;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.type.TypeVariable;
import javax.lang.model.type.WildcardType;

/**
 * JavaPoet type names that keep type-use annotations such as {@code @Nullable} at every level
 * ({@code List<@Nullable String>}, {@code String @Nullable []}), which {@link TypeName#get} drops.
 */
final class TypeNames {
  private TypeNames() {}

  /** {@code type} as written in a signature, with its type-use annotations. */
  static TypeName of(TypeMirror type) {
    TypeName name =
        switch (type.getKind()) {
          case DECLARED -> declared((DeclaredType) type);
          case ARRAY -> ArrayTypeName.of(of(((ArrayType) type).getComponentType()));
          case WILDCARD -> wildcard((WildcardType) type);
          case TYPEVAR ->
              TypeVariableName.get(((TypeVariable) type).asElement().getSimpleName().toString());
          default -> TypeName.get(type);
        };
    List<AnnotationSpec> annotations = new ArrayList<>();
    for (AnnotationMirror annotation : type.getAnnotationMirrors()) {
      annotations.add(AnnotationSpec.get(annotation));
    }
    return annotations.isEmpty() ? name : name.annotated(annotations);
  }

  /** A declaration of the type variable {@code variable}, with its bounds. */
  static TypeVariableName declaration(TypeVariable variable) {
    List<TypeName> bounds = new ArrayList<>();
    TypeMirror upper = variable.getUpperBound();
    List<? extends TypeMirror> upperBounds =
        upper instanceof IntersectionType intersection ? intersection.getBounds() : List.of(upper);
    for (TypeMirror bound : upperBounds) {
      if (!isObject(bound)) {
        bounds.add(of(bound));
      }
    }
    String name = variable.asElement().getSimpleName().toString();
    return TypeVariableName.get(name, bounds.toArray(new TypeName[0]));
  }

  /** A declaration of the type parameter {@code parameter}, with its bounds. */
  static TypeVariableName declaration(TypeParameterElement parameter) {
    return declaration((TypeVariable) parameter.asType());
  }

  private static TypeName declared(DeclaredType type) {
    TypeElement element = (TypeElement) type.asElement();
    List<TypeName> arguments = new ArrayList<>();
    for (TypeMirror argument : type.getTypeArguments()) {
      arguments.add(of(argument));
    }
    TypeMirror enclosing = type.getEnclosingType();
    if (enclosing.getKind() == TypeKind.DECLARED
        && !element.getModifiers().contains(Modifier.STATIC)
        && of(enclosing) instanceof ParameterizedTypeName outer) {
      return outer.nestedClass(element.getSimpleName().toString(), arguments);
    }
    ClassName raw = ClassName.get(element);
    return arguments.isEmpty()
        ? raw
        : ParameterizedTypeName.get(raw, arguments.toArray(new TypeName[0]));
  }

  private static TypeName wildcard(WildcardType type) {
    if (type.getExtendsBound() != null) {
      return WildcardTypeName.subtypeOf(of(type.getExtendsBound()));
    }
    if (type.getSuperBound() != null) {
      return WildcardTypeName.supertypeOf(of(type.getSuperBound()));
    }
    return WildcardTypeName.subtypeOf(Object.class);
  }

  private static boolean isObject(TypeMirror type) {
    return type instanceof DeclaredType declared
        && ((TypeElement) declared.asElement())
            .getQualifiedName()
            .contentEquals("java.lang.Object");
  }
}

package dev.agenttrace.processor;

import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.Element;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.element.TypeParameterElement;
import javax.lang.model.element.VariableElement;
import javax.lang.model.type.ArrayType;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.ExecutableType;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.type.WildcardType;
import javax.lang.model.util.Elements;

/**
 * The lint categories a proxy would trip only because it mirrors the user's signatures: overriding
 * a deprecated method, naming a raw or deprecated type, re-declaring a generic varargs parameter.
 * The writer suppresses exactly these, on the narrowest declaration, so that a build with {@code
 * -Xlint:all -Werror} passes and any other warning in generated code still shows.
 */
final class Lint {
  static final String DEPRECATION = "deprecation";
  static final String REMOVAL = "removal";
  static final String RAWTYPES = "rawtypes";
  static final String UNCHECKED = "unchecked";

  private final Elements elements;
  private final CopiedAnnotations copied;

  Lint(Elements elements) {
    this.elements = elements;
    this.copied = new CopiedAnnotations(elements);
  }

  /** What overriding {@code method} (seen as {@code type}) and calling it would trip. */
  List<String> forMethod(ExecutableElement method, ExecutableType type, boolean async) {
    Set<String> found = new TreeSet<>();
    deprecation(method, found);
    for (AnnotationMirror annotation : copied.of(method, method.getReturnType())) {
      deprecation(annotation.getAnnotationType().asElement(), found);
    }
    for (VariableElement parameter : method.getParameters()) {
      for (AnnotationMirror annotation : copied.of(parameter, parameter.asType())) {
        deprecation(annotation.getAnnotationType().asElement(), found);
      }
    }
    scan(type.getReturnType(), found);
    type.getParameterTypes().forEach(parameter -> scan(parameter, found));
    type.getThrownTypes().forEach(thrown -> scan(thrown, found));
    for (TypeParameterElement parameter : method.getTypeParameters()) {
      parameter.getBounds().forEach(bound -> scan(bound, found));
    }
    List<? extends TypeMirror> parameters = type.getParameterTypes();
    if (method.isVarArgs()
        && !parameters.isEmpty()
        && !isReifiable(((ArrayType) parameters.get(parameters.size() - 1)).getComponentType())) {
      found.add(UNCHECKED);
    }
    if (async && found.contains(RAWTYPES)) {
      // whenComplete on a raw CompletionStage is an unchecked call.
      found.add(UNCHECKED);
    }
    return List.copyOf(found);
  }

  /** What naming {@code target}, its type parameters and its constructors would trip. */
  Set<String> forType(TypeElement target, List<ExecutableElement> constructors) {
    Set<String> found = new TreeSet<>();
    deprecation(target, found);
    for (TypeParameterElement parameter : target.getTypeParameters()) {
      parameter.getBounds().forEach(bound -> scan(bound, found));
    }
    for (ExecutableElement constructor : constructors) {
      deprecation(constructor, found);
      for (VariableElement parameter : constructor.getParameters()) {
        scan(parameter.asType(), found);
      }
      constructor.getThrownTypes().forEach(thrown -> scan(thrown, found));
    }
    return found;
  }

  private void scan(TypeMirror type, Set<String> found) {
    if (type instanceof DeclaredType declared) {
      Element element = declared.asElement();
      deprecation(element, found);
      if (declared.getTypeArguments().isEmpty()
          && !((TypeElement) element).getTypeParameters().isEmpty()) {
        found.add(RAWTYPES);
      }
      declared.getTypeArguments().forEach(argument -> scan(argument, found));
      if (declared.getEnclosingType().getKind() == TypeKind.DECLARED) {
        scan(declared.getEnclosingType(), found);
      }
    } else if (type instanceof ArrayType array) {
      scan(array.getComponentType(), found);
    } else if (type instanceof WildcardType wildcard) {
      if (wildcard.getExtendsBound() != null) {
        scan(wildcard.getExtendsBound(), found);
      }
      if (wildcard.getSuperBound() != null) {
        scan(wildcard.getSuperBound(), found);
      }
    }
  }

  private void deprecation(Element element, Set<String> found) {
    if (!elements.isDeprecated(element)) {
      return;
    }
    AnnotationMirror deprecated = Annotations.find(element, "java.lang.Deprecated");
    boolean forRemoval =
        deprecated != null && "true".equals(Annotations.string(deprecated, "forRemoval"));
    found.add(forRemoval ? REMOVAL : DEPRECATION);
  }

  private static boolean isReifiable(TypeMirror type) {
    if (type instanceof DeclaredType declared) {
      for (TypeMirror argument : declared.getTypeArguments()) {
        if (!(argument instanceof WildcardType wildcard)
            || wildcard.getExtendsBound() != null
            || wildcard.getSuperBound() != null) {
          return false;
        }
      }
      return declared.getEnclosingType().getKind() != TypeKind.DECLARED
          || isReifiable(declared.getEnclosingType());
    }
    if (type instanceof ArrayType array) {
      return isReifiable(array.getComponentType());
    }
    return type.getKind().isPrimitive();
  }
}

package dev.agenttrace.processor;

import java.util.ArrayList;
import java.util.List;
import javax.lang.model.element.Element;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.TypeElement;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.ExecutableType;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.util.ElementFilter;
import javax.lang.model.util.Elements;
import javax.lang.model.util.Types;

/**
 * Finds the methods a proxy must override, seen as members of the proxied type: type arguments of
 * generic supertypes substituted, and a method inherited from several supertypes (diamonds, the
 * same method declared twice) merged into one override that satisfies all of them.
 */
final class MethodCollector {
  private final Elements elements;
  private final Types types;
  private final TypeElement object;

  MethodCollector(Elements elements, Types types) {
    this.elements = elements;
    this.types = types;
    this.object = elements.getTypeElement("java.lang.Object");
  }

  /**
   * One method to override.
   *
   * @param element the declaration whose signature the override copies: of the inherited ones, the
   *     one whose return type suits all others
   * @param annotated the declaration whose annotations apply: the first of the merged ones that
   *     carries an operation annotation, else {@code element}
   * @param type {@code element} as a member of the proxied type
   * @param thrownTypes the checked exceptions every merged declaration allows
   */
  record Candidate(
      ExecutableElement element,
      ExecutableElement annotated,
      ExecutableType type,
      List<? extends TypeMirror> thrownTypes) {}

  /** Abstract and default instance methods of an interface, declared or inherited; not Object's. */
  List<Candidate> interfaceMethods(TypeElement type) {
    return interfaceMethods((DeclaredType) type.asType());
  }

  /**
   * As {@link #interfaceMethods(TypeElement)}, seen as members of {@code declared}, such as a
   * parameterized handler type {@code Handler<Reply>}.
   */
  List<Candidate> interfaceMethods(DeclaredType declared) {
    TypeElement type = (TypeElement) declared.asElement();
    List<List<ExecutableElement>> groups = new ArrayList<>();
    for (ExecutableElement method : ElementFilter.methodsIn(elements.getAllMembers(type))) {
      if (method.getEnclosingElement().equals(object)
          || method.getModifiers().contains(Modifier.STATIC)
          || method.getModifiers().contains(Modifier.PRIVATE)) {
        continue;
      }
      List<ExecutableElement> group = groupOf(groups, declared, method);
      if (group == null) {
        group = new ArrayList<>();
        groups.add(group);
      }
      group.add(method);
    }
    List<Candidate> candidates = new ArrayList<>();
    for (List<ExecutableElement> group : groups) {
      candidates.add(merge(declared, group));
    }
    return candidates;
  }

  /** Instance methods a subclass could override, declared in the class itself. */
  List<Candidate> classMethods(TypeElement type) {
    DeclaredType declared = (DeclaredType) type.asType();
    List<Candidate> candidates = new ArrayList<>();
    for (ExecutableElement method : ElementFilter.methodsIn(type.getEnclosedElements())) {
      ExecutableType methodType = memberType(declared, method);
      candidates.add(new Candidate(method, method, methodType, methodType.getThrownTypes()));
    }
    return candidates;
  }

  /** Object's {@code equals}, {@code hashCode} and {@code toString}, which proxies forward. */
  List<ExecutableElement> forwardedObjectMethods() {
    List<ExecutableElement> methods = new ArrayList<>();
    for (ExecutableElement method : ElementFilter.methodsIn(object.getEnclosedElements())) {
      if (isObjectMethod(method)) {
        methods.add(method);
      }
    }
    return methods;
  }

  /** Whether {@code method} is, or overrides, Object's equals, hashCode or toString. */
  boolean isObjectMethod(ExecutableElement method) {
    String name = method.getSimpleName().toString();
    List<? extends Element> parameters = method.getParameters();
    return switch (name) {
      case "hashCode", "toString" -> parameters.isEmpty();
      case "equals" ->
          parameters.size() == 1 && types.isSameType(parameters.get(0).asType(), object.asType());
      default -> false;
    };
  }

  ExecutableType memberType(DeclaredType declared, ExecutableElement method) {
    return (ExecutableType) types.asMemberOf(declared, method);
  }

  private List<ExecutableElement> groupOf(
      List<List<ExecutableElement>> groups, DeclaredType declared, ExecutableElement method) {
    ExecutableType methodType = memberType(declared, method);
    for (List<ExecutableElement> group : groups) {
      ExecutableElement first = group.get(0);
      if (!first.getSimpleName().equals(method.getSimpleName())) {
        continue;
      }
      ExecutableType firstType = memberType(declared, first);
      if (types.isSubsignature(methodType, firstType)
          || types.isSubsignature(firstType, methodType)) {
        return group;
      }
    }
    return null;
  }

  private Candidate merge(DeclaredType declared, List<ExecutableElement> group) {
    ExecutableElement chosen = group.get(0);
    for (ExecutableElement method : group) {
      if (returnsSubtypeOfAll(declared, method, group)) {
        chosen = method;
        break;
      }
    }
    ExecutableElement annotated = chosen;
    for (ExecutableElement method : group) {
      if (hasOperationAnnotation(method)) {
        annotated = method;
        break;
      }
    }
    ExecutableType type = memberType(declared, chosen);
    if (group.size() == 1) {
      return new Candidate(chosen, annotated, type, type.getThrownTypes());
    }
    List<TypeMirror> thrown = new ArrayList<>();
    for (ExecutableElement method : group) {
      for (TypeMirror exception : memberType(declared, method).getThrownTypes()) {
        if (allowedByAll(declared, exception, group) && !containsSame(thrown, exception)) {
          thrown.add(exception);
        }
      }
    }
    return new Candidate(chosen, annotated, type, thrown);
  }

  private boolean returnsSubtypeOfAll(
      DeclaredType declared, ExecutableElement method, List<ExecutableElement> group) {
    TypeMirror returnType = memberType(declared, method).getReturnType();
    for (ExecutableElement other : group) {
      TypeMirror otherReturn = memberType(declared, other).getReturnType();
      if (!types.isAssignable(returnType, otherReturn)) {
        return false;
      }
    }
    return true;
  }

  private boolean allowedByAll(
      DeclaredType declared, TypeMirror exception, List<ExecutableElement> group) {
    for (ExecutableElement method : group) {
      boolean allowed = false;
      for (TypeMirror declaredException : memberType(declared, method).getThrownTypes()) {
        if (types.isSubtype(exception, declaredException)) {
          allowed = true;
          break;
        }
      }
      if (!allowed) {
        return false;
      }
    }
    return true;
  }

  private boolean containsSame(List<TypeMirror> list, TypeMirror type) {
    for (TypeMirror element : list) {
      if (types.isSameType(element, type)) {
        return true;
      }
    }
    return false;
  }

  private static boolean hasOperationAnnotation(ExecutableElement method) {
    for (Operation operation : Operation.values()) {
      if (Annotations.find(method, operation.annotationName()) != null) {
        return true;
      }
    }
    return false;
  }
}

package dev.agenttrace.processor;

import dev.agenttrace.processor.GenAiSetting.Kind;
import dev.agenttrace.processor.ValuePath.Accessor;
import dev.agenttrace.processor.ValuePath.Conversion;
import java.util.ArrayList;
import java.util.List;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.TypeElement;
import javax.lang.model.type.ArrayType;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.ExecutableType;
import javax.lang.model.type.IntersectionType;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.type.TypeVariable;
import javax.lang.model.type.WildcardType;
import javax.lang.model.util.ElementFilter;
import javax.lang.model.util.Elements;
import javax.lang.model.util.Types;

/**
 * Follows a dot-separated chain of public no-argument accessors from a type at compile time, and
 * decides how the value at its end becomes an attribute value. Reports nothing itself: it says
 * where a chain broke or why its end does not fit, and the caller words the error.
 */
final class AccessorChains {
  private final Elements elements;
  private final Types types;

  AccessorChains(Elements elements, Types types) {
    this.elements = elements;
    this.types = types;
  }

  /**
   * The outcome of following a chain.
   *
   * @param accessors the accessors, or null when the chain broke
   * @param end the type at the end (or the type lacking the accessor when broken)
   * @param missing the accessor name that does not exist, or null
   */
  record Chain(List<Accessor> accessors, TypeMirror end, String missing) {
    boolean broken() {
      return accessors == null;
    }
  }

  /** Follows {@code names} from {@code root}; an empty list stays at {@code root}. */
  Chain follow(TypeMirror root, List<String> names) {
    List<Accessor> accessors = new ArrayList<>();
    TypeMirror current = root;
    for (String name : names) {
      ExecutableElement accessor = accessor(current, name);
      if (accessor == null) {
        return new Chain(null, current, name);
      }
      TypeMirror returned =
          ((ExecutableType) types.asMemberOf((DeclaredType) declaredView(current), accessor))
              .getReturnType();
      accessors.add(new Accessor(name, returned.getKind().isPrimitive()));
      current = returned;
    }
    return new Chain(List.copyOf(accessors), current, null);
  }

  /**
   * How a value of {@code type} is recorded as an attribute of {@code kind}, or null when it cannot
   * be; {@code numbersAsText} lets integral numbers fill a string attribute.
   */
  Conversion conversion(TypeMirror type, Kind kind, boolean numbersAsText) {
    TypeKind unboxed = unboxedKind(type);
    boolean primitive = type.getKind().isPrimitive();
    return switch (kind) {
      case LONG ->
          isIntegral(unboxed) ? (primitive ? Conversion.PRIMITIVE : Conversion.BOXED) : null;
      case DOUBLE -> {
        if (primitive) {
          yield isIntegral(unboxed) || unboxed == TypeKind.FLOAT || unboxed == TypeKind.DOUBLE
              ? Conversion.PRIMITIVE
              : null;
        }
        yield isSubtype(type, "java.lang.Number") ? Conversion.BOXED : null;
      }
      case BOOLEAN ->
          unboxed == TypeKind.BOOLEAN
              ? (primitive ? Conversion.PRIMITIVE : Conversion.BOXED)
              : null;
      case STRING -> {
        if (isSubtype(type, "java.lang.CharSequence")) {
          yield Conversion.TEXT;
        }
        if (isEnum(type)) {
          yield Conversion.ENUM;
        }
        yield numbersAsText && isIntegral(unboxed) ? Conversion.NUMBER_TEXT : null;
      }
      case STRINGS ->
          type.getKind() == TypeKind.ARRAY && !isPrimitiveArray(type)
                  || isSubtype(type, "java.lang.Iterable")
                  || isSubtype(type, "java.lang.CharSequence")
                  || isEnum(type)
              ? Conversion.STRINGS
              : null;
    };
  }

  /** Whether {@code type} (or its bound) is assignable to the erasure of {@code className}. */
  boolean isSubtype(TypeMirror type, String className) {
    TypeElement target = elements.getTypeElement(className);
    TypeMirror view = type.getKind() == TypeKind.ARRAY ? type : declaredView(type);
    return target != null
        && view != null
        && types.isAssignable(types.erasure(view), types.erasure(target.asType()));
  }

  /** A public, non-static, no-argument, non-void method {@code name} of {@code type}, or null. */
  private ExecutableElement accessor(TypeMirror type, String name) {
    TypeMirror view = declaredView(type);
    if (view == null || name.isEmpty()) {
      return null;
    }
    TypeElement element = (TypeElement) types.asElement(view);
    for (ExecutableElement method : ElementFilter.methodsIn(elements.getAllMembers(element))) {
      if (method.getSimpleName().contentEquals(name)
          && method.getParameters().isEmpty()
          && method.getModifiers().contains(Modifier.PUBLIC)
          && !method.getModifiers().contains(Modifier.STATIC)
          && method.getReturnType().getKind() != TypeKind.VOID) {
        return method;
      }
    }
    return null;
  }

  /** The declared type whose members {@code type} has: itself, or a type variable's bound. */
  TypeMirror declaredView(TypeMirror type) {
    TypeMirror current = type;
    for (int depth = 0; depth < 16; depth++) {
      if (current instanceof TypeVariable variable) {
        current = variable.getUpperBound();
      } else if (current instanceof IntersectionType intersection) {
        current = intersection.getBounds().get(0);
      } else if (current.getKind() == TypeKind.WILDCARD) {
        TypeMirror bound = ((WildcardType) current).getExtendsBound();
        current = bound != null ? bound : elements.getTypeElement("java.lang.Object").asType();
      } else {
        return current.getKind() == TypeKind.DECLARED ? current : null;
      }
    }
    return null;
  }

  private TypeKind unboxedKind(TypeMirror type) {
    if (type.getKind().isPrimitive()) {
      return type.getKind();
    }
    TypeMirror view = declaredView(type);
    if (view == null) {
      return TypeKind.NONE;
    }
    try {
      return types.unboxedType(view).getKind();
    } catch (IllegalArgumentException notABox) {
      return TypeKind.NONE;
    }
  }

  private static boolean isIntegral(TypeKind kind) {
    return switch (kind) {
      case BYTE, SHORT, INT, LONG -> true;
      default -> false;
    };
  }

  private boolean isEnum(TypeMirror type) {
    return isSubtype(type, "java.lang.Enum");
  }

  private static boolean isPrimitiveArray(TypeMirror type) {
    return ((ArrayType) type).getComponentType().getKind().isPrimitive();
  }
}

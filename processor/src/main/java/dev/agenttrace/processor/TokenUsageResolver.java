package dev.agenttrace.processor;

import dev.agenttrace.processor.TokenUsagePaths.Accessor;
import java.util.ArrayList;
import java.util.List;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.TypeElement;
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
 * Decides at compile time how a model call's token usage is read from its result: through the
 * accessor chains named in {@code inputTokens}/{@code outputTokens}, else through the runtime's
 * {@code TokenUsage} interface when the result implements it. Reports accessors that do not exist
 * or do not return an integral count.
 */
final class TokenUsageResolver {
  static final String INPUT = "inputTokens";
  static final String OUTPUT = "outputTokens";

  private final Elements elements;
  private final Types types;
  private final ErrorReporter errors;

  TokenUsageResolver(Elements elements, Types types, ErrorReporter errors) {
    this.elements = elements;
    this.types = types;
    this.errors = errors;
  }

  /**
   * The accessor chains for a call returning {@code valueType} (the completed value for an async
   * call; {@code null} for void), or {@code null} when no token usage is recorded.
   */
  TokenUsagePaths resolve(
      ExecutableElement method,
      TypeMirror valueType,
      OperationSettings methodSettings,
      OperationSettings typeSettings) {
    OperationSettings inputOwner =
        OperationSettings.definingString(methodSettings, typeSettings, INPUT);
    OperationSettings outputOwner =
        OperationSettings.definingString(methodSettings, typeSettings, OUTPUT);
    String methodName = method.getSimpleName() + "()";
    if (inputOwner == null && outputOwner == null) {
      return valueType != null && implementsTokenUsage(valueType)
          ? new TokenUsagePaths(
              List.of(new Accessor(INPUT, true)), List.of(new Accessor(OUTPUT, true)))
          : null;
    }
    if (valueType == null) {
      // Usage named on the type applies to the methods that return something.
      OperationSettings explicit = inputOwner == methodSettings ? inputOwner : outputOwner;
      if (explicit != null && explicit == methodSettings) {
        errors.error(
            explicit.element(),
            explicit.mirror(),
            Messages.TOKENS_WITHOUT_RESULT,
            methodName,
            method.getReturnType());
      }
      return null;
    }
    List<Accessor> input = path(inputOwner, INPUT, methodName, valueType);
    List<Accessor> output = path(outputOwner, OUTPUT, methodName, valueType);
    if (input == null || output == null) {
      return null;
    }
    return new TokenUsagePaths(input, output);
  }

  /** The chain for one count; empty when not named; null after reporting an error. */
  private List<Accessor> path(
      OperationSettings owner, String setting, String methodName, TypeMirror valueType) {
    if (owner == null) {
      return List.of();
    }
    String path = owner.string(setting);
    AnnotationValue value = owner.value(setting);
    List<Accessor> accessors = new ArrayList<>();
    TypeMirror current = valueType;
    String[] names = path.split("\\.", -1);
    for (int i = 0; i < names.length; i++) {
      String name = names[i];
      ExecutableElement accessor = accessor(current, name);
      if (accessor == null) {
        errors.error(
            owner.element(),
            owner.mirror(),
            value,
            Messages.TOKEN_ACCESSOR_MISSING,
            setting,
            path,
            methodName,
            current,
            name);
        return null;
      }
      TypeMirror returned =
          ((ExecutableType) types.asMemberOf((DeclaredType) declaredView(current), accessor))
              .getReturnType();
      boolean last = i == names.length - 1;
      if (last && !isIntegral(returned)) {
        errors.error(
            owner.element(),
            owner.mirror(),
            value,
            Messages.TOKEN_ACCESSOR_NOT_INTEGRAL,
            setting,
            path,
            name,
            returned);
        return null;
      }
      accessors.add(new Accessor(name, returned.getKind().isPrimitive()));
      current = returned;
    }
    return List.copyOf(accessors);
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
  private TypeMirror declaredView(TypeMirror type) {
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

  private boolean isIntegral(TypeMirror type) {
    TypeMirror unboxed = type;
    if (type.getKind() == TypeKind.DECLARED) {
      try {
        unboxed = types.unboxedType(type);
      } catch (IllegalArgumentException notABox) {
        return false;
      }
    }
    return switch (unboxed.getKind()) {
      case BYTE, SHORT, INT, LONG -> true;
      default -> false;
    };
  }

  private boolean implementsTokenUsage(TypeMirror type) {
    TypeElement tokenUsage = elements.getTypeElement(RuntimeNames.TOKEN_USAGE.canonicalName());
    TypeMirror view = declaredView(type);
    return tokenUsage != null && view != null && types.isAssignable(view, tokenUsage.asType());
  }
}

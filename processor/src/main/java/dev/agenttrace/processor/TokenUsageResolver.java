package dev.agenttrace.processor;

import dev.agenttrace.processor.TokenUsagePaths.Accessor;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
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
   * Tracks, for one proxy, whether the token paths of its type-level settings (or of its {@code
   * TraceInterface}) fit the result of at least one traced method. A path that fits some methods
   * and not others applies where it fits; one that fits none is reported, with the reason it did
   * not fit the first method tried.
   */
  final class SharedPaths {
    private final Map<String, Failure> failures = new LinkedHashMap<>();
    private final Set<String> resolved = new HashSet<>();

    private void failed(Failure failure) {
      failures.putIfAbsent(failure.setting(), failure);
    }

    private void resolved(String setting) {
      resolved.add(setting);
    }

    /** Reports each path that fit no traced method's result. */
    void report() {
      for (Failure failure : failures.values()) {
        if (!resolved.contains(failure.setting())) {
          failure.report(errors);
        }
      }
    }
  }

  /** A fresh tracker for the type-level token paths of one proxy. */
  SharedPaths sharedPaths() {
    return new SharedPaths();
  }

  /**
   * The accessor chains for a call whose result (for an async call the completed value, for a
   * streamed call the final response or each element) is {@code valueType}, or {@code null} when no
   * token usage is recorded. {@code valueType} is {@code null} when there is no result.
   *
   * <p>Paths named on the method's own annotation must fit its result (else an error now); paths
   * inherited from the type or a {@code TraceInterface} apply where they fit, tracked by {@code
   * shared}.
   */
  TokenUsagePaths resolve(
      ExecutableElement method,
      TypeMirror valueType,
      OperationSettings methodSettings,
      OperationSettings typeSettings,
      SharedPaths shared) {
    OperationSettings inputOwner =
        OperationSettings.definingString(methodSettings, typeSettings, INPUT);
    OperationSettings outputOwner =
        OperationSettings.definingString(methodSettings, typeSettings, OUTPUT);
    String methodName = method.getSimpleName() + "()";
    if (inputOwner == null && outputOwner == null) {
      return valueType != null && implementsTokenUsage(valueType)
          ? new TokenUsagePaths(
              valueType, List.of(new Accessor(INPUT, true)), List.of(new Accessor(OUTPUT, true)))
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
    List<Accessor> input =
        path(inputOwner, inputOwner == methodSettings, INPUT, methodName, valueType, shared);
    List<Accessor> output =
        path(outputOwner, outputOwner == methodSettings, OUTPUT, methodName, valueType, shared);
    if (input == null || output == null || (input.isEmpty() && output.isEmpty())) {
      return null;
    }
    return new TokenUsagePaths(valueType, input, output);
  }

  /**
   * The chain for one count: empty when not named or (for an inherited path) when it does not fit
   * this result; null after reporting an error for a path of the method's own annotation.
   */
  private List<Accessor> path(
      OperationSettings owner,
      boolean ownAnnotation,
      String setting,
      String methodName,
      TypeMirror valueType,
      SharedPaths shared) {
    if (owner == null) {
      return List.of();
    }
    String path = owner.string(setting);
    List<Accessor> accessors = new ArrayList<>();
    TypeMirror current = valueType;
    String[] names = path.split("\\.", -1);
    for (int i = 0; i < names.length; i++) {
      String name = names[i];
      ExecutableElement accessor = accessor(current, name);
      Failure failure = null;
      TypeMirror returned = null;
      if (accessor == null) {
        failure =
            new Failure(
                owner,
                setting,
                Messages.TOKEN_ACCESSOR_MISSING,
                new Object[] {setting, path, methodName, current, name});
      } else {
        returned =
            ((ExecutableType) types.asMemberOf((DeclaredType) declaredView(current), accessor))
                .getReturnType();
        if (i == names.length - 1 && !isIntegral(returned)) {
          failure =
              new Failure(
                  owner,
                  setting,
                  Messages.TOKEN_ACCESSOR_NOT_INTEGRAL,
                  new Object[] {setting, path, name, returned});
        }
      }
      if (failure != null) {
        if (ownAnnotation) {
          failure.report(errors);
          return null;
        }
        shared.failed(failure);
        return List.of();
      }
      accessors.add(new Accessor(name, returned.getKind().isPrimitive()));
      current = returned;
    }
    if (!ownAnnotation) {
      shared.resolved(setting);
    }
    return List.copyOf(accessors);
  }

  /** Why a token path does not fit a result, reported on the setting. */
  private record Failure(OperationSettings owner, String setting, String format, Object[] args) {
    void report(ErrorReporter errors) {
      errors.error(owner.element(), owner.mirror(), owner.value(setting), format, args);
    }
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

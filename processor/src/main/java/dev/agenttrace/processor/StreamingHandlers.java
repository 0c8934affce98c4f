package dev.agenttrace.processor;

import dev.agenttrace.processor.HandlerModel.HandlerMethod;
import dev.agenttrace.processor.HandlerModel.Role;
import dev.agenttrace.processor.MethodCollector.Candidate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.element.VariableElement;
import javax.lang.model.type.ArrayType;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.type.TypeVariable;
import javax.lang.model.type.WildcardType;
import javax.lang.model.util.ElementFilter;
import javax.lang.model.util.Elements;
import javax.lang.model.util.Types;

/**
 * Finds the streaming handler parameter of a traced method and validates it into a {@link
 * HandlerModel}: which handler types are streaming handlers ({@code @StreamingHandler} on the
 * parameter, on the handler type, in the {@code TraceInterface}, or LangChain4j's, which is known),
 * and whether the proxy can implement it (an interface, with type arguments it can name, with the
 * named methods, error methods taking one {@code Throwable}).
 */
final class StreamingHandlers {
  static final String STREAMING_HANDLER = "dev.agenttrace.annotations.StreamingHandler";

  /** Handlers known by name, as if they carried {@code @StreamingHandler}. */
  private static final Map<String, Roles> KNOWN =
      Map.of(
          "dev.langchain4j.model.chat.response.StreamingChatResponseHandler",
          new Roles(
              null,
              null,
              List.of("onCompleteResponse"),
              List.of("onError"),
              List.of("onPartialResponse", "onPartialThinking", "onPartialToolCall")));

  private final Elements elements;
  private final Types types;
  private final ErrorReporter errors;
  private final MethodCollector collector;
  private final Lint lint;

  StreamingHandlers(
      Elements elements, Types types, ErrorReporter errors, MethodCollector collector, Lint lint) {
    this.elements = elements;
    this.types = types;
    this.errors = errors;
    this.collector = collector;
    this.lint = lint;
  }

  /**
   * The method names of each role, and where they were declared (for errors).
   *
   * @param mirror the {@code @StreamingHandler}, or null for a known handler
   * @param element the element carrying it, or null
   */
  record Roles(
      AnnotationMirror mirror,
      Element element,
      List<String> complete,
      List<String> error,
      List<String> chunk) {
    Role roleOf(String name) {
      if (complete.contains(name)) {
        return Role.COMPLETE;
      }
      if (error.contains(name)) {
        return Role.ERROR;
      }
      return chunk.contains(name) ? Role.CHUNK : Role.FORWARD;
    }
  }

  /** The streaming handler parameter of a traced method, found and validated. */
  record Found(int index, HandlerModel model) {}

  /** The result of looking for a handler: none, one (validated), or an error already reported. */
  record Lookup(Found found, boolean failed) {
    static final Lookup NONE = new Lookup(null, false);
    static final Lookup FAILED = new Lookup(null, true);
  }

  /** Resolves the token counts of a complete method's one parameter. */
  interface UsageResolver {
    ResultReads resolve(ExecutableElement completeMethod, TypeMirror response);
  }

  /**
   * The handler parameter of {@code method} (seen as {@code parameterTypes}), or none; reports what
   * the proxy cannot do with it on {@code site}.
   *
   * @param request the {@code TraceInterface} of a requested proxy, or null
   */
  Lookup find(
      ExecutableElement method,
      List<? extends TypeMirror> parameterTypes,
      AnnotationMirror request,
      Site site,
      UsageResolver usage) {
    Lookup lookup = Lookup.NONE;
    String first = null;
    for (int i = 0; i < parameterTypes.size(); i++) {
      VariableElement parameter = method.getParameters().get(i);
      TypeMirror type = parameterTypes.get(i);
      Roles roles = rolesOf(parameter, type, request);
      if (roles == null) {
        continue;
      }
      String name = parameter.getSimpleName().toString();
      if (first != null) {
        site.error(Messages.TWO_HANDLERS, describe(method), first, name);
        return Lookup.FAILED;
      }
      first = name;
      Site parameterSite = site.mirror() == null ? new Site(errors, parameter, null) : site;
      HandlerModel model = validate(method, name, type, roles, parameterSite, usage);
      lookup = model == null ? Lookup.FAILED : new Lookup(new Found(i, model), false);
    }
    return lookup;
  }

  /** The roles of a parameter's handler type, or null when it is no streaming handler. */
  private Roles rolesOf(VariableElement parameter, TypeMirror type, AnnotationMirror request) {
    AnnotationMirror onParameter = Annotations.find(parameter, STREAMING_HANDLER);
    if (onParameter != null) {
      return roles(onParameter, parameter);
    }
    TypeElement handlerType = handlerElement(type);
    if (handlerType == null) {
      return null;
    }
    if (request != null) {
      for (AnnotationMirror declared : Annotations.mirrors(request, "streamingHandlers")) {
        AnnotationValue value = Annotations.explicitValue(declared, "type");
        if (value != null
            && value.getValue() instanceof DeclaredType named
            && named.asElement().equals(handlerType)) {
          return roles(declared, null);
        }
      }
    }
    AnnotationMirror onType = Annotations.find(handlerType, STREAMING_HANDLER);
    if (onType != null) {
      return roles(onType, handlerType);
    }
    return KNOWN.get(handlerType.getQualifiedName().toString());
  }

  /** The declared handler type of {@code type}, seen through a type variable's bound. */
  private static TypeElement handlerElement(TypeMirror type) {
    TypeMirror current = type;
    if (current instanceof TypeVariable variable) {
      current = variable.getUpperBound();
    }
    return current instanceof DeclaredType declared ? (TypeElement) declared.asElement() : null;
  }

  private static Roles roles(AnnotationMirror mirror, Element element) {
    return new Roles(
        mirror,
        element,
        Annotations.strings(mirror, "complete"),
        Annotations.strings(mirror, "error"),
        Annotations.strings(mirror, "chunk"));
  }

  private HandlerModel validate(
      ExecutableElement method,
      String parameter,
      TypeMirror type,
      Roles roles,
      Site site,
      UsageResolver usage) {
    String methodName = describe(method);
    if (!(type instanceof DeclaredType declared) || hasUnnameableArguments(declared)) {
      site.error(Messages.HANDLER_NOT_NAMEABLE, parameter, methodName, type, methodName);
      return null;
    }
    TypeElement handler = (TypeElement) declared.asElement();
    if (handler.getKind() != ElementKind.INTERFACE) {
      site.error(Messages.HANDLER_NOT_INTERFACE, handler.getQualifiedName(), methodName);
      return null;
    }
    List<Candidate> candidates = collector.interfaceMethods(declared);
    Site rolesSite = roles.mirror() == null ? site : site.at(roles);
    if (!checkRoles(handler, candidates, roles, rolesSite)) {
      return null;
    }
    List<HandlerMethod> methods = new ArrayList<>();
    for (Candidate candidate : candidates) {
      ExecutableElement element = candidate.element();
      Role role = roles.roleOf(element.getSimpleName().toString());
      List<? extends TypeMirror> parameters = candidate.type().getParameterTypes();
      ResultReads paths =
          role == Role.COMPLETE && parameters.size() == 1
              ? usage.resolve(element, parameters.get(0))
              : null;
      methods.add(
          new HandlerMethod(
              element,
              candidate.type(),
              candidate.thrownTypes(),
              role,
              paths,
              lint.forMethod(element, candidate.type(), false)));
    }
    return new HandlerModel(declared, List.copyOf(methods));
  }

  /**
   * Reports role names the handler does not have, a name in two roles, and error methods not taking
   * one {@code Throwable}; true if there is none of these.
   */
  private boolean checkRoles(
      TypeElement handler, List<Candidate> candidates, Roles roles, Site site) {
    List<String> names = new ArrayList<>();
    for (Candidate candidate : candidates) {
      String name = candidate.element().getSimpleName().toString();
      if (!names.contains(name)) {
        names.add(name);
      }
    }
    boolean ok = true;
    Map<String, List<String>> namesByRole = new LinkedHashMap<>();
    namesByRole.put("complete", roles.complete());
    namesByRole.put("error", roles.error());
    namesByRole.put("chunk", roles.chunk());
    Map<String, String> roleByName = new LinkedHashMap<>();
    for (Map.Entry<String, List<String>> role : namesByRole.entrySet()) {
      for (String name : role.getValue()) {
        String previous = roleByName.putIfAbsent(name, role.getKey());
        if (previous != null) {
          site.error(Messages.HANDLER_ROLE_TWICE, name, previous, role.getKey());
          ok = false;
        } else if (!names.contains(name)) {
          site.error(
              Messages.HANDLER_UNKNOWN_METHOD,
              role.getKey(),
              name,
              handler.getQualifiedName(),
              String.join(", ", names));
          ok = false;
        }
      }
    }
    TypeMirror throwable = elements.getTypeElement("java.lang.Throwable").asType();
    for (Candidate candidate : candidates) {
      List<? extends TypeMirror> parameters = candidate.type().getParameterTypes();
      if (roles.error().contains(candidate.element().getSimpleName().toString())
          && (parameters.size() != 1 || !types.isAssignable(parameters.get(0), throwable))) {
        site.error(
            Messages.HANDLER_ERROR_METHOD,
            candidate.element().getSimpleName(),
            handler.getQualifiedName());
        ok = false;
      }
    }
    return ok;
  }

  /**
   * Checks a {@code @StreamingHandler} where it is written: on a type (an interface with the named
   * methods) or a parameter, neither naming {@code type}; or in a {@code TraceInterface}, which
   * must name it.
   */
  void checkDeclarations(TypeElement type) {
    AnnotationMirror onType = Annotations.find(type, STREAMING_HANDLER);
    if (onType != null) {
      Site site = new Site(errors, type, onType);
      if (Annotations.explicitValue(onType, "type") != null) {
        site.error(Messages.STREAMING_HANDLER_TYPE);
      } else if (type.getKind() != ElementKind.INTERFACE) {
        site.error(Messages.HANDLER_NOT_INTERFACE, type.getQualifiedName(), "its methods");
      } else {
        checkRoles(type, collector.interfaceMethods(type), roles(onType, type), site);
      }
    }
    for (ExecutableElement method : ElementFilter.methodsIn(type.getEnclosedElements())) {
      for (VariableElement parameter : method.getParameters()) {
        AnnotationMirror onParameter = Annotations.find(parameter, STREAMING_HANDLER);
        if (onParameter != null && Annotations.explicitValue(onParameter, "type") != null) {
          errors.error(parameter, onParameter, Messages.STREAMING_HANDLER_TYPE);
        }
      }
    }
  }

  /** Reports handlers of a {@code TraceInterface} that do not name their interface. */
  void checkRequest(Element owner, AnnotationMirror request) {
    for (AnnotationMirror handler : Annotations.mirrors(request, "streamingHandlers")) {
      if (Annotations.explicitValue(handler, "type") == null) {
        errors.error(owner, request, Messages.STREAMING_HANDLER_WITHOUT_TYPE);
      }
    }
  }

  /**
   * Type variables anywhere in the arguments, or a wildcard argument: a nested class of the proxy
   * cannot implement such a type.
   */
  private static boolean hasUnnameableArguments(DeclaredType type) {
    for (TypeMirror argument : type.getTypeArguments()) {
      if (argument instanceof WildcardType || mentionsTypeVariable(argument)) {
        return true;
      }
    }
    return false;
  }

  private static boolean mentionsTypeVariable(TypeMirror type) {
    if (type.getKind() == TypeKind.TYPEVAR) {
      return true;
    }
    if (type instanceof ArrayType array) {
      return mentionsTypeVariable(array.getComponentType());
    }
    if (type instanceof WildcardType wildcard) {
      return (wildcard.getExtendsBound() != null
              && mentionsTypeVariable(wildcard.getExtendsBound()))
          || (wildcard.getSuperBound() != null && mentionsTypeVariable(wildcard.getSuperBound()));
    }
    if (type instanceof DeclaredType declared) {
      for (TypeMirror argument : declared.getTypeArguments()) {
        if (mentionsTypeVariable(argument)) {
          return true;
        }
      }
    }
    return false;
  }

  private static String describe(ExecutableElement method) {
    return method.getSimpleName() + "()";
  }

  /**
   * Where a handler problem is reported: on the method's parameter in your source, or on the {@code
   * TraceInterface} of a requested proxy (whose interface is a class file).
   */
  record Site(ErrorReporter errors, Element element, AnnotationMirror mirror) {
    void error(String format, Object... args) {
      errors.error(element, mirror, format, args);
    }

    /** The {@code @StreamingHandler} that named the roles, when it is in source. */
    Site at(Roles roles) {
      if (roles.element() != null) {
        return new Site(errors, roles.element(), roles.mirror());
      }
      return this;
    }
  }

  /** The site for problems of {@code method}'s handler. */
  Site site(ExecutableElement method, OperationSettings typeSettings, boolean requested) {
    return requested
        ? new Site(errors, typeSettings.element(), typeSettings.mirror())
        : new Site(errors, method, null);
  }
}

package dev.agenttrace.processor;

import com.palantir.javapoet.ClassName;
import dev.agenttrace.processor.MethodCollector.Candidate;
import dev.agenttrace.processor.ProxyType.Style;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import javax.annotation.processing.ProcessingEnvironment;
import javax.lang.model.SourceVersion;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.NestingKind;
import javax.lang.model.element.TypeElement;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.util.ElementFilter;
import javax.lang.model.util.Elements;
import javax.lang.model.util.Types;

/**
 * Validates an annotated type and describes the proxy to write for it. Every problem is reported on
 * the element it concerns; a type with any error yields no model, so no proxy is written.
 *
 * <p>Interfaces get a delegating proxy; non-final classes a subclass overriding the traced methods.
 * Span names and attributes come from {@link SpanDescriptors}, parameter attributes and capture
 * from {@link ParameterRules}, GenAI request and response values from {@link GenAiPaths}.
 */
final class ProxyModelBuilder {
  private final Elements elements;
  private final Types types;
  private final ErrorReporter errors;
  private final MethodCollector collector;
  private final SpanDescriptors spans;
  private final ParameterRules parameters;
  private final MethodModels methodModels;
  private final Lint lint;
  private final boolean nothingTracedIsWarning;

  /** The processor option that turns "traces nothing" from an error into a warning. */
  static final String NOTHING_TRACED_OPTION = "agenttrace.nothingTraced";

  ProxyModelBuilder(ProcessingEnvironment env, ErrorReporter errors) {
    this.nothingTracedIsWarning = "warning".equals(env.getOptions().get(NOTHING_TRACED_OPTION));
    this.elements = env.getElementUtils();
    this.types = env.getTypeUtils();
    this.errors = errors;
    this.collector = new MethodCollector(elements, types);
    this.spans = new SpanDescriptors(elements, errors);
    this.parameters = new ParameterRules(types, errors);
    this.lint = new Lint(elements);
    this.methodModels =
        new MethodModels(
            elements,
            types,
            collector,
            spans,
            parameters,
            new GenAiPaths(elements, types, errors),
            lint,
            errors);
  }

  /** The proxy's name: simple names of the type and its enclosing types, joined by '_'. */
  static ClassName proxyName(TypeElement type, String packageName) {
    StringBuilder simpleName = new StringBuilder(type.getSimpleName());
    for (Element enclosing = type.getEnclosingElement();
        enclosing instanceof TypeElement;
        enclosing = enclosing.getEnclosingElement()) {
      simpleName.insert(0, enclosing.getSimpleName() + "_");
    }
    return ClassName.get(packageName, simpleName + "Traced");
  }

  /** The model of the proxy for {@code type}, which carries operation annotations itself. */
  Optional<ProxyType> build(TypeElement type) {
    int errorsBefore = errors.errorCount();
    methodModels.handlers().checkDeclarations(type);
    OperationSettings typeSettings = operationOf(type, type.getSimpleName().toString());
    boolean isInterface = type.getKind() == ElementKind.INTERFACE;
    List<Candidate> candidates =
        isInterface ? collector.interfaceMethods(type) : collector.classMethods(type);
    checkStaticAndPrivateMethods(type);
    if (typeSettings == null && !anyOperation(candidates)) {
      // Only parameter annotations brought the type here: report misplaced ones.
      for (Candidate candidate : candidates) {
        methodModels.reportMisplacedParameterAnnotations(candidate);
      }
      return Optional.empty();
    }
    String annotationName =
        typeSettings != null
            ? typeSettings.operation().annotationSimpleName()
            : firstOperation(candidates).annotationSimpleName();
    if (!checkProxyable(type, typeSettings, annotationName)) {
      return Optional.empty();
    }
    String packageName = elements.getPackageOf(type).getQualifiedName().toString();
    ClassName proxyName = proxyName(type, packageName);
    checkNameFree(type, proxyName);

    List<ProxyMethod> methods = new ArrayList<>();
    int unnamedTools = 0;
    GenAiPaths.SharedPaths shared = methodModels.sharedPaths();
    for (Candidate candidate : candidates) {
      OperationSettings methodSettings =
          operationOf(candidate.annotated(), candidate.annotated().getSimpleName() + "()");
      boolean traced;
      if (isInterface) {
        traced =
            methodSettings != null || (typeSettings != null && isOperation(type, candidate, false));
      } else {
        traced = classMethodTraced(candidate.element(), methodSettings, typeSettings);
      }
      if (traced && methodSettings == null && isAbstract(candidate.element())) {
        unnamedTools++;
      }
      if (!traced && !isInterface) {
        methodModels.reportMisplacedParameterAnnotations(candidate);
        continue;
      }
      ProxyMethod method =
          methodModels.describe(
              type,
              candidate,
              traced ? methodSettings : null,
              traced ? typeSettings : null,
              shared);
      if (method != null) {
        methods.add(method);
      }
    }
    shared.report();
    if (isInterface) {
      checkWrapFree(type, candidates);
      methods = methodModels.withDefaultCodeRuns(type, methods);
      methodModels.addObjectForwarders(methods);
    }
    if (typeSettings != null && typeSettings.operation() == Operation.TOOL) {
      spans.checkTypeLevelToolName(typeSettings, type.getSimpleName(), unnamedTools);
    }
    if (typeSettings != null
        && errors.errorCount() == errorsBefore
        && methods.stream().noneMatch(ProxyMethod::isTraced)) {
      nothingTraced(type, typeSettings.mirror(), Messages.NOTHING_TRACED, annotationName, type);
    }
    if (errors.errorCount() != errorsBefore) {
      return Optional.empty();
    }
    List<ExecutableElement> constructors = isInterface ? List.of() : constructors(type);
    return Optional.of(
        new ProxyType(
            type,
            type,
            proxyName,
            isInterface ? Style.DELEGATE : Style.SUBCLASS,
            type.getModifiers().contains(Modifier.PUBLIC),
            !isInterface && type.getModifiers().contains(Modifier.ABSTRACT),
            List.copyOf(methods),
            constructors,
            lint.forType(type, constructors)));
  }

  /**
   * The model of a proxy for a third-party interface, requested by {@code request} (a
   * {@code @TraceInterface}) on {@code owner}; empty after reporting an error.
   */
  Optional<ProxyType> buildRequested(TypeElement owner, AnnotationMirror request) {
    int errorsBefore = errors.errorCount();
    AnnotationValue targetValue = Annotations.explicitValue(request, "value");
    if (targetValue == null || !(targetValue.getValue() instanceof DeclaredType targetType)) {
      return Optional.empty(); // javac reports the unresolvable class itself
    }
    TypeElement target = (TypeElement) targetType.asElement();
    String packageName = elements.getPackageOf(owner).getQualifiedName().toString();
    if (target.getKind() != ElementKind.INTERFACE) {
      errors.error(
          owner,
          request,
          targetValue,
          Messages.TRACE_INTERFACE_NOT_AN_INTERFACE,
          target.getQualifiedName(),
          describeKind(target));
      return Optional.empty();
    }
    if (!isAccessibleFrom(target, packageName)) {
      errors.error(
          owner,
          request,
          targetValue,
          Messages.TRACE_INTERFACE_NOT_ACCESSIBLE,
          target.getQualifiedName(),
          packageName);
      return Optional.empty();
    }
    String kindName = Annotations.string(request, "kind");
    Operation operation =
        kindName.isEmpty()
            ? Operation.TRACED
            : Operation.valueOf(kindName.substring(kindName.lastIndexOf('.') + 1));
    OperationSettings settings = new OperationSettings(operation, owner, request);
    spans.checkRequestSettings(settings, target);
    methodModels.handlers().checkRequest(owner, request);

    ClassName proxyName = proxyName(target, packageName);
    AnnotationValue proxyNameValue = Annotations.explicitValue(request, "proxyName");
    if (proxyNameValue != null) {
      String simpleName = String.valueOf(proxyNameValue.getValue());
      if (!SourceVersion.isName(simpleName) || simpleName.contains(".")) {
        errors.error(
            owner,
            request,
            proxyNameValue,
            Messages.INVALID_PROXY_NAME,
            simpleName,
            target.getSimpleName());
        return Optional.empty();
      }
      proxyName = ClassName.get(packageName, simpleName);
    }
    checkNameFree(owner, proxyName);

    List<Candidate> candidates = collector.interfaceMethods(target);
    List<String> only = Annotations.strings(request, "methods");
    checkListedMethods(owner, request, target, candidates, only);
    checkWrapFree(target, candidates);
    List<ProxyMethod> methods = new ArrayList<>();
    GenAiPaths.SharedPaths shared = methodModels.sharedPaths();
    for (Candidate candidate : candidates) {
      String name = candidate.element().getSimpleName().toString();
      boolean isTraced =
          only.isEmpty() ? isOperation(target, candidate, true) : only.contains(name);
      ProxyMethod method =
          methodModels.describe(target, candidate, null, isTraced ? settings : null, shared);
      if (method != null) {
        methods.add(method);
      }
    }
    shared.report();
    methods = methodModels.withDefaultCodeRuns(target, methods);
    methodModels.addObjectForwarders(methods);
    // A requested tool name covers every traced method: they are variants of one tool (such as
    // execute and executeWithContext of a tool executor), and the interface cannot be annotated.
    if (only.isEmpty()
        && errors.errorCount() == errorsBefore
        && methods.stream().noneMatch(ProxyMethod::isTraced)) {
      nothingTraced(
          owner,
          request,
          Messages.TRACE_INTERFACE_NOTHING_TRACED,
          target.getSimpleName(),
          target.getSimpleName());
    }
    if (errors.errorCount() != errorsBefore) {
      return Optional.empty();
    }
    return Optional.of(
        new ProxyType(
            owner,
            target,
            proxyName,
            Style.DELEGATE,
            true,
            false,
            List.copyOf(methods),
            List.of(),
            lint.forType(target, List.of())));
  }

  /** The {@code @TraceInterface} requests on {@code owner}, direct or in their container. */
  static List<AnnotationMirror> requests(TypeElement owner) {
    List<AnnotationMirror> requests = new ArrayList<>();
    AnnotationMirror single = Annotations.find(owner, Annotations.TRACE_INTERFACE);
    if (single != null) {
      requests.add(single);
    }
    AnnotationMirror container = Annotations.find(owner, Annotations.TRACE_INTERFACES);
    if (container != null) {
      requests.addAll(Annotations.mirrors(container, "value"));
    }
    return requests;
  }

  /** The one operation annotation on {@code element}, or null; reports a second one. */
  private OperationSettings operationOf(Element element, String description) {
    OperationSettings found = null;
    Map<Operation, AnnotationMirror> mirrors = operationMirrors(element);
    for (Operation operation : Operation.values()) {
      AnnotationMirror mirror = mirrors.get(operation);
      if (mirror == null) {
        continue;
      }
      if (found != null) {
        errors.error(
            element,
            mirror,
            Messages.TWO_OPERATIONS,
            description,
            found.operation().annotationSimpleName(),
            operation.annotationSimpleName());
        continue;
      }
      found = new OperationSettings(operation, element, mirror);
    }
    return found;
  }

  private boolean anyOperation(List<Candidate> candidates) {
    return firstOperation(candidates) != null;
  }

  private static Operation firstOperation(List<Candidate> candidates) {
    for (Candidate candidate : candidates) {
      Map<Operation, AnnotationMirror> mirrors = operationMirrors(candidate.annotated());
      for (Operation operation : Operation.values()) {
        if (mirrors.containsKey(operation)) {
          return operation;
        }
      }
    }
    return null;
  }

  /**
   * The operation annotations on {@code element}, the first of each kind, reading each annotation's
   * name once (javac builds a new string for every comparison with a name).
   */
  private static Map<Operation, AnnotationMirror> operationMirrors(Element element) {
    Map<Operation, AnnotationMirror> mirrors = new EnumMap<>(Operation.class);
    for (AnnotationMirror mirror : element.getAnnotationMirrors()) {
      TypeElement annotation = (TypeElement) mirror.getAnnotationType().asElement();
      Operation operation = Operation.forAnnotation(annotation.getQualifiedName().toString());
      if (operation != null) {
        mirrors.putIfAbsent(operation, mirror);
      }
    }
    return mirrors;
  }

  /** Whether a class method is traced; reports an annotation the subclass cannot honour. */
  private boolean classMethodTraced(
      ExecutableElement method, OperationSettings methodSettings, OperationSettings typeSettings) {
    Set<Modifier> modifiers = method.getModifiers();
    if (modifiers.contains(Modifier.STATIC) || modifiers.contains(Modifier.PRIVATE)) {
      return false; // reported by checkStaticAndPrivateMethods
    }
    if (methodSettings != null) {
      if (modifiers.contains(Modifier.FINAL)) {
        errors.error(
            method,
            methodSettings.mirror(),
            Messages.NOT_PROXYABLE_METHOD,
            methodSettings.operation().annotationSimpleName(),
            method.getSimpleName() + "()",
            "final");
        return false;
      }
      if (modifiers.contains(Modifier.ABSTRACT)) {
        errors.error(
            method,
            methodSettings.mirror(),
            Messages.ABSTRACT_METHOD_IN_CLASS,
            methodSettings.operation().annotationSimpleName(),
            method.getSimpleName() + "()");
        return false;
      }
      return true;
    }
    return typeSettings != null
        && !modifiers.contains(Modifier.FINAL)
        && !modifiers.contains(Modifier.ABSTRACT)
        && !collector.isObjectMethod(method);
  }

  /** Reports what makes {@code type} impossible to proxy; false if it is. */
  private boolean checkProxyable(
      TypeElement type, OperationSettings typeSettings, String annotation) {
    AnnotationMirror mirror = typeSettings == null ? null : typeSettings.mirror();
    ElementKind kind = type.getKind();
    if (kind != ElementKind.INTERFACE && kind != ElementKind.CLASS) {
      errors.error(
          type,
          mirror,
          Messages.NOT_PROXYABLE_TYPE,
          annotation,
          type.getSimpleName(),
          describeKind(type));
      return false;
    }
    boolean ok = true;
    for (Element t = type; t instanceof TypeElement; t = t.getEnclosingElement()) {
      if (t.getModifiers().contains(Modifier.PRIVATE)) {
        errors.error(type, Messages.PRIVATE_TYPE, ((TypeElement) t).getQualifiedName());
        ok = false;
        break;
      }
    }
    for (Modifier modifier : List.of(Modifier.FINAL, Modifier.SEALED)) {
      if (type.getModifiers().contains(modifier)) {
        String what = modifier.toString();
        errors.error(
            type,
            mirror,
            Messages.FINAL_TYPE,
            annotation,
            type.getSimpleName(),
            what,
            kind == ElementKind.INTERFACE ? "proxy" : "subclass",
            what);
        ok = false;
      }
    }
    if (kind == ElementKind.CLASS) {
      if (type.getNestingKind() == NestingKind.MEMBER
          && !type.getModifiers().contains(Modifier.STATIC)) {
        errors.error(type, mirror, Messages.INNER_CLASS, annotation, type.getSimpleName());
        ok = false;
      } else if (constructors(type).isEmpty()) {
        errors.error(type, mirror, Messages.NO_ACCESSIBLE_CONSTRUCTOR, type.getSimpleName());
        ok = false;
      }
    }
    return ok;
  }

  private static List<ExecutableElement> constructors(TypeElement type) {
    List<ExecutableElement> accessible = new ArrayList<>();
    for (ExecutableElement constructor : ElementFilter.constructorsIn(type.getEnclosedElements())) {
      if (!constructor.getModifiers().contains(Modifier.PRIVATE)) {
        accessible.add(constructor);
      }
    }
    return accessible;
  }

  private void checkNameFree(Element element, ClassName proxyName) {
    // Looked up in the module the proxy is written to, where a clash can be: the lookup without a
    // module searches every module of the compilation and was the processor's costliest call.
    TypeElement existing =
        elements.getTypeElement(elements.getModuleOf(element), proxyName.canonicalName());
    if (existing != null && !isGeneratedByUs(existing)) {
      errors.error(element, Messages.PROXY_NAME_CLASH, proxyName.canonicalName(), element);
    }
  }

  private static boolean isGeneratedByUs(TypeElement existing) {
    AnnotationMirror generated = Annotations.find(existing, RuntimeNames.GENERATED.canonicalName());
    return generated != null
        && Annotations.string(generated, "value")
            .contains(AgentTraceProcessor.class.getCanonicalName());
  }

  private void checkListedMethods(
      TypeElement owner,
      AnnotationMirror request,
      TypeElement target,
      List<Candidate> candidates,
      List<String> listed) {
    List<String> names = new ArrayList<>();
    for (Candidate candidate : candidates) {
      String name = candidate.element().getSimpleName().toString();
      if (!names.contains(name)) {
        names.add(name);
      }
    }
    for (String name : listed) {
      if (!names.contains(name)) {
        errors.error(
            owner,
            request,
            Annotations.explicitValue(request, "methods"),
            Messages.TRACE_INTERFACE_UNKNOWN_METHOD,
            target.getSimpleName(),
            name,
            String.join(", ", names));
      }
    }
  }

  /** A method {@code wrap(Target)} would clash with the delegating proxy's static factory. */
  private void checkWrapFree(TypeElement target, List<Candidate> candidates) {
    TypeMirror erasure = types.erasure(target.asType());
    for (Candidate candidate : candidates) {
      List<? extends TypeMirror> parameters = candidate.type().getParameterTypes();
      if (candidate.element().getSimpleName().contentEquals("wrap")
          && parameters.size() == 1
          && types.isSameType(types.erasure(parameters.get(0)), erasure)) {
        errors.error(
            candidate.element(),
            Messages.WRAP_CLASH,
            "wrap",
            target.getSimpleName(),
            target.getSimpleName());
      }
    }
  }

  /** Operation annotations on static or private methods would silently do nothing. */
  private void checkStaticAndPrivateMethods(TypeElement type) {
    for (ExecutableElement method : ElementFilter.methodsIn(type.getEnclosedElements())) {
      boolean isStatic = method.getModifiers().contains(Modifier.STATIC);
      boolean isPrivate = method.getModifiers().contains(Modifier.PRIVATE);
      if (!isStatic && !isPrivate) {
        continue;
      }
      for (Operation operation : Operation.values()) {
        AnnotationMirror mirror = Annotations.find(method, operation.annotationName());
        if (mirror != null) {
          errors.error(
              method,
              mirror,
              Messages.NOT_PROXYABLE_METHOD,
              operation.annotationSimpleName(),
              method.getSimpleName() + "()",
              isStatic ? "static" : "private");
        }
      }
    }
  }

  private boolean isAccessibleFrom(TypeElement type, String packageName) {
    boolean samePackage = elements.getPackageOf(type).getQualifiedName().contentEquals(packageName);
    for (Element t = type; t instanceof TypeElement; t = t.getEnclosingElement()) {
      Set<Modifier> modifiers = t.getModifiers();
      if (modifiers.contains(Modifier.PRIVATE)
          || (!samePackage && !modifiers.contains(Modifier.PUBLIC))) {
        return false;
      }
    }
    return true;
  }

  /**
   * Whether a type-level annotation or a {@code TraceInterface} ({@code requested}) traces {@code
   * candidate} of interface {@code type}: every abstract method and every default method with
   * parameters, but never
   *
   * <ul>
   *   <li>a default method without parameters ({@code provider()}, {@code dimension()}), which
   *       reads a property rather than performing the operation;
   *   <li>a default method returning the interface itself ({@code addListener(listener)}), which
   *       builds a new instance around {@code this} and so runs on the proxy (see {@link
   *       MethodModels#withDefaultCodeRuns});
   *   <li>in a requested interface, a JavaBean getter without parameters ({@code
   *       getToolDefinition()}, {@code isEnabled()}), which frameworks call to inspect the
   *       instance; list it in {@code methods} to trace it anyway;
   *   <li>{@code equals}, {@code hashCode} and {@code toString}.
   * </ul>
   */
  private boolean isOperation(TypeElement type, Candidate candidate, boolean requested) {
    ExecutableElement method = candidate.element();
    if (collector.isObjectMethod(method)) {
      return false;
    }
    boolean noParameters = method.getParameters().isEmpty();
    if (method.getModifiers().contains(Modifier.DEFAULT)) {
      return !noParameters && !MethodModels.returnsOwnType(types, type, candidate.type());
    }
    return isAbstract(method) && !(requested && noParameters && isGetter(method));
  }

  private static boolean isGetter(ExecutableElement method) {
    String name = method.getSimpleName().toString();
    for (String prefix : List.of("get", "is")) {
      if (name.length() > prefix.length()
          && name.startsWith(prefix)
          && Character.isUpperCase(name.charAt(prefix.length()))) {
        return true;
      }
    }
    return false;
  }

  /**
   * Reports an annotation that traces no method: an error, or a warning when the build asked for it
   * with {@code -Aagenttrace.nothingTraced=warning}.
   */
  private void nothingTraced(
      Element element, AnnotationMirror mirror, String format, Object... args) {
    if (nothingTracedIsWarning) {
      errors.warning(element, mirror, format, args);
    } else {
      errors.error(element, mirror, format, args);
    }
  }

  private static boolean isAbstract(ExecutableElement method) {
    return method.getModifiers().contains(Modifier.ABSTRACT);
  }

  private static String describeKind(TypeElement type) {
    return switch (type.getKind()) {
      case CLASS -> "a class";
      case ENUM -> "an enum";
      case RECORD -> "a record";
      case ANNOTATION_TYPE -> "an annotation type";
      case INTERFACE -> "an interface";
      default -> "a " + type.getKind().toString().toLowerCase(Locale.ROOT);
    };
  }
}

package dev.agenttrace.processor;

import com.google.auto.service.AutoService;
import com.palantir.javapoet.JavaFile;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.annotation.processing.AbstractProcessor;
import javax.annotation.processing.ProcessingEnvironment;
import javax.annotation.processing.Processor;
import javax.annotation.processing.RoundEnvironment;
import javax.lang.model.SourceVersion;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.Element;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.type.ArrayType;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.type.TypeVariable;
import javax.lang.model.type.WildcardType;
import javax.lang.model.util.ElementFilter;
import javax.tools.JavaFileObject;

/**
 * Generates a tracing proxy for every type annotated (or with methods annotated) with
 * {@code @AgentRun}, {@code @Tool}, {@code @LlmCall} or {@code @Traced}, and for every interface
 * requested with {@code @TraceInterface}.
 *
 * <p>Per type: validate and describe ({@link ProxyModelBuilder}), then write ({@link ProxyWriter}).
 * Errors are reported on the element they concern and the type is not written; an unexpected
 * failure becomes an error naming the type, never an exception out of javac. Types whose signatures
 * mention types not generated yet are retried in the next round, and reported when processing ends
 * if they never resolve.
 *
 * <p>The processor claims its own annotations (they mean nothing to any other processor) and the
 * {@code @Generated} of the code it writes, so that a build with {@code -Xlint:all -Werror} does
 * not fail on javac's "No processor claimed any of these annotations" for them. Elements carrying
 * only {@code @Generated} are never processed.
 *
 * <p>Gradle incremental category: isolating. Each proxy has exactly one originating element (the
 * annotated type, or the type carrying {@code @TraceInterface}), and what it contains depends only
 * on that type, its members, their annotations, supertypes and signature types.
 */
@AutoService(Processor.class)
public final class AgentTraceProcessor extends AbstractProcessor {
  private ErrorReporter errors;
  private ProxyModelBuilder models;
  private ProxyWriter writer;

  /** Types deferred to a later round because their signatures were not resolvable yet. */
  private final Map<String, TypeElement> deferred = new LinkedHashMap<>();

  /** Proxies written so far, by qualified name, with the element each was generated from. */
  private final Map<String, Element> written = new HashMap<>();

  /** Whether the source level was found too old for the generated code, and said so once. */
  private boolean sourceLevelReported;

  @Override
  public synchronized void init(ProcessingEnvironment processingEnv) {
    super.init(processingEnv);
    errors = new ErrorReporter(processingEnv);
    models = new ProxyModelBuilder(processingEnv, errors);
    writer = new ProxyWriter(processingEnv.getElementUtils(), processingEnv.getTypeUtils());
  }

  @Override
  public Set<String> getSupportedAnnotationTypes() {
    Set<String> names = new LinkedHashSet<>();
    for (Operation operation : Operation.values()) {
      names.add(operation.annotationName());
    }
    names.add(Annotations.SPAN_ATTRIBUTE);
    names.add(Annotations.SENSITIVE);
    names.add(GenAiPaths.TOOL_CALL_ID);
    names.add(Annotations.TRACE_INTERFACE);
    names.add(Annotations.TRACE_INTERFACES);
    names.add(StreamingHandlers.STREAMING_HANDLER);
    names.add(ProviderDefaults.GEN_AI_PROVIDER);
    // Only to claim it in the rounds that compile generated code; see process().
    names.add(RuntimeNames.GENERATED.canonicalName());
    return names;
  }

  @Override
  public Set<String> getSupportedOptions() {
    return Set.of(ProxyModelBuilder.NOTHING_TRACED_OPTION);
  }

  @Override
  public SourceVersion getSupportedSourceVersion() {
    return SourceVersion.latestSupported();
  }

  @Override
  public boolean process(Set<? extends TypeElement> annotations, RoundEnvironment round) {
    if (round.processingOver()) {
      // Nothing can be generated any more: what is still unresolved stays so.
      for (TypeElement type : deferred.values()) {
        errors.error(type, Messages.UNRESOLVED_TYPES, type.getQualifiedName());
      }
      deferred.clear();
      return true;
    }
    Set<TypeElement> types = new LinkedHashSet<>();
    for (String name : deferred.keySet()) {
      TypeElement type = processingEnv.getElementUtils().getTypeElement(name);
      if (type != null) {
        types.add(type);
      }
    }
    deferred.clear();
    for (TypeElement annotation : annotations) {
      // Claimed only: @Generated marks our own output, and a @GenAiProvider default is read where
      // an operation annotation needs it.
      if (annotation.getQualifiedName().contentEquals(RuntimeNames.GENERATED.canonicalName())
          || annotation.getQualifiedName().contentEquals(ProviderDefaults.GEN_AI_PROVIDER)) {
        continue;
      }
      for (Element element : round.getElementsAnnotatedWith(annotation)) {
        TypeElement type = annotatedType(element);
        if (type != null) {
          types.add(type);
        }
      }
    }
    if (!types.isEmpty() && !sourceLevelSupported(types.iterator().next())) {
      return false;
    }
    for (TypeElement type : types) {
      processType(type);
    }
    // Every annotation passed in is one of ours or @Generated: claiming them keeps
    // -Xlint:processing quiet about them, and no other processor has a use for them.
    return true;
  }

  /**
   * Generated proxies use Java 17 language features (pattern matching for instanceof, switch
   * expressions), so at an older source level they would not compile, with errors deep in generated
   * files. Instead: one error, on the first annotated type, naming the fix; nothing is generated
   * for the whole compilation.
   */
  private boolean sourceLevelSupported(TypeElement first) {
    SourceVersion level = processingEnv.getSourceVersion();
    if (level.compareTo(SourceVersion.RELEASE_17) >= 0) {
      return true;
    }
    if (!sourceLevelReported) {
      sourceLevelReported = true;
      errors.error(
          first, Messages.SOURCE_LEVEL_TOO_OLD, level.name().substring("RELEASE_".length()));
    }
    return false;
  }

  /** The type a proxy is written for: the annotated type, or the type of an annotated member. */
  private static TypeElement annotatedType(Element element) {
    Element current = element;
    while (current != null && !(current instanceof TypeElement)) {
      current = current.getEnclosingElement();
    }
    return (TypeElement) current;
  }

  private void processType(TypeElement type) {
    try {
      List<AnnotationMirror> requests = ProxyModelBuilder.requests(type);
      if (hasUnresolvedTypes(type) || anyUnresolvedRequest(requests)) {
        deferred.put(type.getQualifiedName().toString(), type);
        return;
      }
      models.build(type).ifPresent(proxy -> write(proxy, null));
      for (AnnotationMirror request : requests) {
        models.buildRequested(type, request).ifPresent(proxy -> write(proxy, request));
      }
    } catch (Throwable e) {
      // Never out of process(), whatever failed (an Error such as StackOverflowError included):
      // javac would show a stack trace instead of the element, and stop processing other types.
      errors.error(type, Messages.INTERNAL_ERROR, type.getQualifiedName(), e);
    }
  }

  /** Writes {@code proxy}, asked for by {@code request} (a {@code @TraceInterface}) or null. */
  private void write(ProxyType proxy, AnnotationMirror request) {
    String name = proxy.proxyName().canonicalName();
    Element previous = written.putIfAbsent(name, proxy.originatingElement());
    if (previous != null) {
      errors.error(proxy.originatingElement(), request, Messages.DUPLICATE_PROXY, name, previous);
      return;
    }
    JavaFile file = writer.write(proxy);
    // Rendered into memory and written in one piece: JavaPoet writing straight to the Filer's
    // writer costs an encoder call per fragment, which showed in the processor's profile.
    String source = file.toString();
    try {
      JavaFileObject sourceFile =
          processingEnv.getFiler().createSourceFile(name, proxy.originatingElement());
      try (Writer out = sourceFile.openWriter()) {
        out.write(source);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private boolean anyUnresolvedRequest(List<AnnotationMirror> requests) {
    for (AnnotationMirror request : requests) {
      AnnotationValue value = Annotations.explicitValue(request, "value");
      if (value != null
          && value.getValue() instanceof TypeMirror target
          && (target.getKind() == TypeKind.ERROR
              || (target instanceof DeclaredType declared
                  && hasUnresolvedTypes((TypeElement) declared.asElement())))) {
        return true;
      }
    }
    return false;
  }

  private boolean hasUnresolvedTypes(TypeElement type) {
    for (ExecutableElement method :
        ElementFilter.methodsIn(processingEnv.getElementUtils().getAllMembers(type))) {
      if (isUnresolved(method.getReturnType())) {
        return true;
      }
      for (var parameter : method.getParameters()) {
        if (isUnresolved(parameter.asType())) {
          return true;
        }
      }
      for (TypeMirror thrown : method.getThrownTypes()) {
        if (isUnresolved(thrown)) {
          return true;
        }
      }
    }
    return false;
  }

  private static boolean isUnresolved(TypeMirror type) {
    if (type == null) {
      return false;
    }
    if (type.getKind() == TypeKind.ERROR) {
      return true;
    }
    if (type instanceof ArrayType array) {
      return isUnresolved(array.getComponentType());
    }
    if (type instanceof WildcardType wildcard) {
      return isUnresolved(wildcard.getExtendsBound()) || isUnresolved(wildcard.getSuperBound());
    }
    if (type instanceof DeclaredType declared && !(type instanceof TypeVariable)) {
      for (TypeMirror argument : declared.getTypeArguments()) {
        if (isUnresolved(argument)) {
          return true;
        }
      }
    }
    return false;
  }
}

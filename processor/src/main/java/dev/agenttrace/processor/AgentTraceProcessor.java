package dev.agenttrace.processor;

import com.google.auto.service.AutoService;
import com.palantir.javapoet.JavaFile;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import javax.annotation.processing.AbstractProcessor;
import javax.annotation.processing.ProcessingEnvironment;
import javax.annotation.processing.Processor;
import javax.annotation.processing.RoundEnvironment;
import javax.lang.model.SourceVersion;
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
import javax.tools.Diagnostic;

/**
 * Generates a tracing proxy for every type annotated (or with methods annotated) with
 * {@code @AgentRun}, {@code @Tool}, {@code @LlmCall} or {@code @Traced}.
 *
 * <p>Per type: validate and describe ({@link ProxyModelBuilder}), then write ({@link
 * ProxyWriter}). Errors are reported on the element they concern and the type is not written; an
 * unexpected failure becomes an error naming the type, never an exception out of javac. Types whose
 * signatures mention types not generated yet are retried in the next round. Annotations are never
 * claimed, so other processors still see them.
 */
@AutoService(Processor.class)
public final class AgentTraceProcessor extends AbstractProcessor {
  private ErrorReporter errors;
  private ProxyModelBuilder models;
  private ProxyWriter writer;

  /** Types deferred to a later round because their signatures were not resolvable yet. */
  private final Map<String, Element> deferred = new LinkedHashMap<>();

  @Override
  public synchronized void init(ProcessingEnvironment processingEnv) {
    super.init(processingEnv);
    errors = new ErrorReporter(processingEnv.getMessager());
    models = new ProxyModelBuilder(processingEnv, errors);
    writer = new ProxyWriter(processingEnv.getTypeUtils());
  }

  @Override
  public Set<String> getSupportedAnnotationTypes() {
    Set<String> names = new LinkedHashSet<>();
    for (Operation operation : Operation.values()) {
      names.add(operation.annotationName());
    }
    names.add(ProxyModelBuilder.SPAN_ATTRIBUTE);
    return names;
  }

  @Override
  public SourceVersion getSupportedSourceVersion() {
    return SourceVersion.latestSupported();
  }

  @Override
  public boolean process(Set<? extends TypeElement> annotations, RoundEnvironment round) {
    if (round.processingOver()) {
      // Nothing can be generated any more: what is still unresolved stays so.
      for (Element type : deferred.values()) {
        errors.error(type, Messages.UNRESOLVED_TYPES, ((TypeElement) type).getQualifiedName());
      }
      deferred.clear();
      return false;
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
      for (Element element : round.getElementsAnnotatedWith(annotation)) {
        TypeElement type = annotatedType(element);
        if (type != null) {
          types.add(type);
        }
      }
    }
    for (TypeElement type : types) {
      processType(type);
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
      if (hasUnresolvedTypes(type)) {
        deferred.put(type.getQualifiedName().toString(), type);
        return;
      }
      Optional<ProxyType> proxy = models.build(type);
      if (proxy.isPresent()) {
        JavaFile file = writer.write(proxy.get());
        file.writeTo(processingEnv.getFiler());
      }
    } catch (IOException e) {
      errors.error(type, Messages.INTERNAL_ERROR, type.getQualifiedName(), e);
    } catch (RuntimeException e) {
      processingEnv
          .getMessager()
          .printMessage(
              Diagnostic.Kind.ERROR,
              String.format(Messages.INTERNAL_ERROR, type.getQualifiedName(), e),
              type);
    }
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

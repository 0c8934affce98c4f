package dev.agenttrace.processor;

import java.lang.annotation.ElementType;
import java.lang.annotation.RetentionPolicy;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.Element;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.ModuleElement;
import javax.lang.model.element.ModuleElement.ExportsDirective;
import javax.lang.model.element.PackageElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.element.VariableElement;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.util.ElementFilter;
import javax.lang.model.util.Elements;

/**
 * The annotations a generated override carries over from the method it overrides, and its
 * parameters from theirs: Java does not inherit method annotations, and frameworks look for their
 * own runtime annotations on the object they are handed (LangChain4j's {@code @Agent} and
 * {@code @V}, Spring's annotations), which is the proxy.
 *
 * <p>Copied: annotations with {@code RUNTIME} retention (the others are not visible at run time,
 * and ours have {@code CLASS} retention) that are applicable to the element, of a public type, and
 * not also present as a type-use annotation on the element's type (which the signature already
 * carries). Never copied: {@code @Override}, {@code @Deprecated} (the override's deprecation
 * warning is suppressed instead) and {@code @SafeVarargs} (not allowed on an overridable method).
 */
final class CopiedAnnotations {
  private static final Set<String> NEVER =
      Set.of("java.lang.Override", "java.lang.Deprecated", "java.lang.SafeVarargs");

  private final Elements elements;

  /**
   * Whether an annotation type may be copied to a method, and to a parameter, by type: the same few
   * annotations come back on every method, and reading their meta-annotations each time showed in
   * the processor's profile.
   */
  private final Map<TypeElement, Boolean> copyableToMethods = new HashMap<>();

  private final Map<TypeElement, Boolean> copyableToParameters = new HashMap<>();

  CopiedAnnotations(Elements elements) {
    this.elements = elements;
  }

  /** The annotations to copy from {@code element}, whose declared type is {@code type}. */
  List<AnnotationMirror> of(Element element, TypeMirror type) {
    ElementType target =
        element instanceof VariableElement ? ElementType.PARAMETER : ElementType.METHOD;
    Map<TypeElement, Boolean> copyable =
        target == ElementType.PARAMETER ? copyableToParameters : copyableToMethods;
    List<AnnotationMirror> copied = new ArrayList<>();
    for (AnnotationMirror mirror : element.getAnnotationMirrors()) {
      TypeElement annotation = (TypeElement) mirror.getAnnotationType().asElement();
      if (copyable.computeIfAbsent(annotation, a -> isCopyable(a, target))
          && !onType(annotation, type)) {
        copied.add(mirror);
      }
    }
    return copied;
  }

  private boolean isCopyable(TypeElement annotation, ElementType target) {
    return !NEVER.contains(annotation.getQualifiedName().toString())
        && isRuntimeVisible(annotation)
        && isApplicableTo(annotation, target)
        && isAccessible(annotation);
  }

  private static boolean isRuntimeVisible(TypeElement annotation) {
    AnnotationMirror retention = Annotations.find(annotation, "java.lang.annotation.Retention");
    return retention != null
        && Annotations.string(retention, "value").endsWith(RetentionPolicy.RUNTIME.name());
  }

  /** Without {@code @Target} an annotation applies to every declaration context. */
  private static boolean isApplicableTo(TypeElement annotation, ElementType target) {
    AnnotationMirror targets = Annotations.find(annotation, "java.lang.annotation.Target");
    if (targets == null) {
      return true;
    }
    for (String value : Annotations.strings(targets, "value")) {
      if (value.endsWith(target.name())) {
        return true;
      }
    }
    return false;
  }

  private boolean isAccessible(TypeElement annotation) {
    for (Element e = annotation; e instanceof TypeElement; e = e.getEnclosingElement()) {
      if (!e.getModifiers().contains(Modifier.PUBLIC)) {
        return false;
      }
    }
    ModuleElement module = elements.getModuleOf(annotation);
    if (module == null || module.isUnnamed()) {
      return true;
    }
    PackageElement pkg = elements.getPackageOf(annotation);
    for (ExportsDirective export : ElementFilter.exportsIn(module.getDirectives())) {
      if (export.getPackage().equals(pkg) && export.getTargetModules() == null) {
        return true;
      }
    }
    return false;
  }

  private static boolean onType(TypeElement annotation, TypeMirror type) {
    for (AnnotationMirror typeUse : type.getAnnotationMirrors()) {
      if (typeUse.getAnnotationType().asElement().equals(annotation)) {
        return true;
      }
    }
    return false;
  }
}

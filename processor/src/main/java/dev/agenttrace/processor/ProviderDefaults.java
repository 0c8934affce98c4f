package dev.agenttrace.processor;

import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.Element;
import javax.lang.model.element.PackageElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.util.Elements;

/**
 * Finds the default {@code gen_ai.provider.name} that {@code @GenAiProvider} sets for a type, its
 * enclosing types or its package, the innermost first.
 */
final class ProviderDefaults {
  static final String GEN_AI_PROVIDER = "dev.agenttrace.annotations.GenAiProvider";

  private final Elements elements;

  ProviderDefaults(Elements elements) {
    this.elements = elements;
  }

  /** The provider {@code @GenAiProvider} names for {@code type}, or {@code ""}. */
  String forType(TypeElement type) {
    for (Element current = type; current != null; current = current.getEnclosingElement()) {
      AnnotationMirror mirror = Annotations.find(current, GEN_AI_PROVIDER);
      if (mirror != null) {
        return Annotations.string(mirror, "value");
      }
      if (current instanceof PackageElement) {
        return "";
      }
    }
    PackageElement pkg = elements.getPackageOf(type);
    AnnotationMirror mirror = Annotations.find(pkg, GEN_AI_PROVIDER);
    return mirror == null ? "" : Annotations.string(mirror, "value");
  }
}

package dev.agenttrace.processor;

import java.util.Map;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.Element;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.TypeElement;

/**
 * Reads annotations through their mirrors, so that errors can point at the annotation and its
 * value, and so that the processor works on annotation types it only knows by name.
 */
final class Annotations {
  private Annotations() {}

  /** The mirror of the annotation named {@code canonicalName} on {@code element}, or null. */
  static AnnotationMirror find(Element element, String canonicalName) {
    for (AnnotationMirror mirror : element.getAnnotationMirrors()) {
      TypeElement type = (TypeElement) mirror.getAnnotationType().asElement();
      if (type.getQualifiedName().contentEquals(canonicalName)) {
        return mirror;
      }
    }
    return null;
  }

  /** The explicitly written value of {@code name}, or null when the default applies. */
  static AnnotationValue explicitValue(AnnotationMirror mirror, String name) {
    for (Map.Entry<? extends ExecutableElement, ? extends AnnotationValue> entry :
        mirror.getElementValues().entrySet()) {
      if (entry.getKey().getSimpleName().contentEquals(name)) {
        return entry.getValue();
      }
    }
    return null;
  }

  /** The string value of {@code name}, or {@code ""} when absent (all our defaults are empty). */
  static String string(AnnotationMirror mirror, String name) {
    if (mirror == null) {
      return "";
    }
    AnnotationValue value = explicitValue(mirror, name);
    return value == null ? "" : String.valueOf(value.getValue());
  }
}

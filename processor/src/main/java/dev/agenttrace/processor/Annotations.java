package dev.agenttrace.processor;

import java.util.ArrayList;
import java.util.List;
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
  static final String SPAN_ATTRIBUTE = "dev.agenttrace.annotations.SpanAttribute";
  static final String SENSITIVE = "dev.agenttrace.annotations.Sensitive";
  static final String TRACE_INTERFACE = "dev.agenttrace.annotations.TraceInterface";
  static final String TRACE_INTERFACES = "dev.agenttrace.annotations.TraceInterfaces";

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

  /** The strings of the array value {@code name}, or an empty list when absent. */
  static List<String> strings(AnnotationMirror mirror, String name) {
    List<String> strings = new ArrayList<>();
    for (AnnotationValue element : arrayValue(mirror, name)) {
      strings.add(String.valueOf(element.getValue()));
    }
    return strings;
  }

  /** The annotations of the array value {@code name}, or an empty list when absent. */
  static List<AnnotationMirror> mirrors(AnnotationMirror mirror, String name) {
    List<AnnotationMirror> mirrors = new ArrayList<>();
    for (AnnotationValue element : arrayValue(mirror, name)) {
      if (element.getValue() instanceof AnnotationMirror nested) {
        mirrors.add(nested);
      }
    }
    return mirrors;
  }

  private static List<? extends AnnotationValue> arrayValue(AnnotationMirror mirror, String name) {
    AnnotationValue value = explicitValue(mirror, name);
    if (value != null && value.getValue() instanceof List<?> list) {
      List<AnnotationValue> values = new ArrayList<>();
      for (Object element : list) {
        values.add((AnnotationValue) element);
      }
      return values;
    }
    return List.of();
  }
}

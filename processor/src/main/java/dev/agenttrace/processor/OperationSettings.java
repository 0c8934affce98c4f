package dev.agenttrace.processor;

import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.Element;

/**
 * What one annotation asks for: an operation annotation on a type or method, or a
 * {@code @TraceInterface} request. Keeps the element and mirror so that problems with a setting are
 * reported on the setting itself.
 *
 * @param operation the kind of operation
 * @param element the annotated element
 * @param mirror the annotation
 */
record OperationSettings(Operation operation, Element element, AnnotationMirror mirror) {

  /** The explicitly written {@code name} setting, or {@code null}. */
  AnnotationValue value(String name) {
    return Annotations.explicitValue(mirror, name);
  }

  /** The string {@code name} setting, or {@code ""} when not written. */
  String string(String name) {
    return Annotations.string(mirror, name);
  }

  /** The boolean {@code name} setting, or {@code null} when not written. */
  Boolean bool(String name) {
    AnnotationValue value = value(name);
    return value == null ? null : (Boolean) value.getValue();
  }

  /** The first non-empty string setting of {@code name}: the method's, else the type's. */
  static String inherited(OperationSettings method, OperationSettings type, String name) {
    if (method != null && !method.string(name).isEmpty()) {
      return method.string(name);
    }
    return type == null ? "" : type.string(name);
  }

  /** The settings among {@code method} and {@code type} that define {@code name}, or null. */
  static OperationSettings definingString(
      OperationSettings method, OperationSettings type, String name) {
    if (method != null && !method.string(name).isEmpty()) {
      return method;
    }
    return type != null && !type.string(name).isEmpty() ? type : null;
  }

  /**
   * The boolean setting of {@code name}: the method's when written, else the type's, else false.
   */
  static boolean inheritedFlag(OperationSettings method, OperationSettings type, String name) {
    Boolean value = method == null ? null : method.bool(name);
    if (value == null && type != null) {
      value = type.bool(name);
    }
    return value != null && value;
  }
}

package dev.agenttrace.processor;

import java.util.HashMap;
import java.util.Map;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.Element;
import javax.lang.model.element.ExecutableElement;

/**
 * What one annotation asks for: an operation annotation on a type or method, or a
 * {@code @TraceInterface} request. Keeps the element and mirror so that problems with a setting are
 * reported on the setting itself.
 *
 * @param operation the kind of operation
 * @param element the annotated element
 * @param mirror the annotation
 * @param written the explicitly written values of {@code mirror} by name, read once: settings are
 *     asked for many times per method, and javac builds a new map on every {@link
 *     AnnotationMirror#getElementValues()}
 */
record OperationSettings(
    Operation operation,
    Element element,
    AnnotationMirror mirror,
    Map<String, AnnotationValue> written) {

  OperationSettings(Operation operation, Element element, AnnotationMirror mirror) {
    this(operation, element, mirror, written(mirror));
  }

  private static Map<String, AnnotationValue> written(AnnotationMirror mirror) {
    Map<String, AnnotationValue> written = new HashMap<>();
    for (Map.Entry<? extends ExecutableElement, ? extends AnnotationValue> entry :
        mirror.getElementValues().entrySet()) {
      written.put(entry.getKey().getSimpleName().toString(), entry.getValue());
    }
    return written;
  }

  /** The explicitly written {@code name} setting, or {@code null}. */
  AnnotationValue value(String name) {
    return written.get(name);
  }

  /** The string {@code name} setting, or {@code ""} when not written. */
  String string(String name) {
    AnnotationValue value = value(name);
    return value == null ? "" : String.valueOf(value.getValue());
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

  /** The annotation value of {@code name} (such as {@code request}), or null when not written. */
  AnnotationMirror nested(String name) {
    AnnotationValue value = value(name);
    return value != null && value.getValue() instanceof AnnotationMirror nested ? nested : null;
  }

  /**
   * The setting {@code name} as written on the method, else on the type (even when written empty),
   * else {@code defaultValue}: for settings whose annotation default is not empty.
   */
  static String inheritedOrDefault(
      OperationSettings method, OperationSettings type, String name, String defaultValue) {
    for (OperationSettings settings : new OperationSettings[] {method, type}) {
      if (settings != null && settings.value(name) != null) {
        return settings.string(name);
      }
    }
    return defaultValue;
  }

  /** The int setting {@code name}: the method's when written, else the type's, else 0. */
  static int inheritedInt(OperationSettings method, OperationSettings type, String name) {
    for (OperationSettings settings : new OperationSettings[] {method, type}) {
      if (settings != null && settings.value(name) != null) {
        return (Integer) settings.value(name).getValue();
      }
    }
    return 0;
  }

  /** The settings among {@code method} and {@code type} that wrote {@code name}, or null. */
  static OperationSettings defining(OperationSettings method, OperationSettings type, String name) {
    if (method != null && method.value(name) != null) {
      return method;
    }
    return type != null && type.value(name) != null ? type : null;
  }

  /**
   * The simple name of the enum constant {@code name}: the method's when written, else the type's,
   * else {@code defaultValue}.
   */
  static String inheritedEnum(
      OperationSettings method, OperationSettings type, String name, String defaultValue) {
    String written = inheritedOrDefault(method, type, name, defaultValue);
    return written.substring(written.lastIndexOf('.') + 1);
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

package dev.agenttrace.processor;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import javax.annotation.processing.Messager;
import javax.annotation.processing.ProcessingEnvironment;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.Element;
import javax.tools.Diagnostic;

/**
 * Reports diagnostics on the most precise element available and counts errors, so that a type with
 * errors is not written. Never throws: reporting is how the processor fails.
 */
final class ErrorReporter {
  private final Messager messager;
  private final RepeatedAnnotationTrees repeated;
  private int errorCount;

  /**
   * Errors printed so far: a setting on a type is checked once per method it applies to, but its
   * error is printed once.
   */
  private final Set<List<Object>> reported = new HashSet<>();

  ErrorReporter(ProcessingEnvironment env) {
    this.messager = env.getMessager();
    this.repeated = RepeatedAnnotationTrees.of(env);
  }

  void error(Element element, String format, Object... args) {
    error(element, null, null, format, args);
  }

  void error(Element element, AnnotationMirror annotation, String format, Object... args) {
    error(element, annotation, null, format, args);
  }

  /** An error on {@code value} of {@code annotation} on {@code element}, as precise as given. */
  void error(
      Element element,
      AnnotationMirror annotation,
      AnnotationValue value,
      String format,
      Object... args) {
    errorCount++;
    String message = String.format(format, args);
    if (reported.add(
        List.of(element, String.valueOf(annotation), String.valueOf(value), message))) {
      print(Diagnostic.Kind.ERROR, element, annotation, value, message);
    }
  }

  /** A warning: the code works, but probably not as meant. */
  void warning(Element element, AnnotationMirror annotation, String format, Object... args) {
    print(Diagnostic.Kind.WARNING, element, annotation, null, String.format(format, args));
  }

  private void print(
      Diagnostic.Kind kind,
      Element element,
      AnnotationMirror annotation,
      AnnotationValue value,
      String message) {
    RepeatedAnnotationTrees.Position position =
        annotation == null || repeated == null ? null : repeated.locate(element, annotation, value);
    if (position != null) {
      repeated.print(kind, message, position);
    } else if (annotation == null) {
      messager.printMessage(kind, message, element);
    } else if (value == null) {
      messager.printMessage(kind, message, element, annotation);
    } else {
      messager.printMessage(kind, message, element, annotation, value);
    }
  }

  /** The number of errors reported so far; compare before and after checking one type. */
  int errorCount() {
    return errorCount;
  }
}

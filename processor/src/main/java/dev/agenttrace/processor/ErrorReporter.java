package dev.agenttrace.processor;

import javax.annotation.processing.Messager;
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
  private int errorCount;

  ErrorReporter(Messager messager) {
    this.messager = messager;
  }

  void error(Element element, String format, Object... args) {
    errorCount++;
    messager.printMessage(Diagnostic.Kind.ERROR, String.format(format, args), element);
  }

  void error(Element element, AnnotationMirror annotation, String format, Object... args) {
    errorCount++;
    messager.printMessage(Diagnostic.Kind.ERROR, String.format(format, args), element, annotation);
  }

  void error(
      Element element,
      AnnotationMirror annotation,
      AnnotationValue value,
      String format,
      Object... args) {
    errorCount++;
    messager.printMessage(
        Diagnostic.Kind.ERROR, String.format(format, args), element, annotation, value);
  }

  /** The number of errors reported so far; compare before and after checking one type. */
  int errorCount() {
    return errorCount;
  }
}

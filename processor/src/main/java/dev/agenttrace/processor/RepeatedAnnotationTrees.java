package dev.agenttrace.processor;

import com.sun.source.tree.AnnotationTree;
import com.sun.source.tree.AssignmentTree;
import com.sun.source.tree.ExpressionTree;
import com.sun.source.tree.IdentifierTree;
import com.sun.source.tree.ModifiersTree;
import com.sun.source.tree.Tree;
import com.sun.source.util.TreePath;
import com.sun.source.util.Trees;
import java.util.List;
import java.util.Map;
import javax.annotation.processing.ProcessingEnvironment;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.Element;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.Name;
import javax.tools.Diagnostic;

/**
 * Finds where a repeated annotation (one of several {@code @TraceInterface} on a type) and its
 * values are written. javac's {@code Messager} cannot place a diagnostic on an annotation that
 * lives inside the implicit container ({@code @TraceInterfaces}): it falls back to the type, so
 * every error of every request would point at the class. With javac's tree API the n-th repeated
 * annotation is the n-th of that type in the source, and a value is its {@code name = ...}.
 *
 * <p>Only for javac: other compilers have no {@link Trees}, and then the plain {@code Messager}
 * position (the type) is used.
 */
final class RepeatedAnnotationTrees {
  private final Trees trees;

  private RepeatedAnnotationTrees(Trees trees) {
    this.trees = trees;
  }

  /** The locator for {@code env}, or null when the compiler is not javac. */
  static RepeatedAnnotationTrees of(ProcessingEnvironment env) {
    try {
      return new RepeatedAnnotationTrees(Trees.instance(env));
    } catch (IllegalArgumentException | LinkageError notJavac) {
      return null;
    }
  }

  /** A source position to report at. */
  record Position(Tree tree, TreePath path) {}

  /**
   * Where {@code annotation} (and {@code value}, if not null) is written on {@code element}, when
   * {@code annotation} is a repeated annotation inside its container; null otherwise, also when
   * javac's {@code Messager} can place it itself (an annotation written directly).
   */
  Position locate(Element element, AnnotationMirror annotation, AnnotationValue value) {
    if (element.getAnnotationMirrors().contains(annotation)) {
      return null;
    }
    int index = indexInContainer(element, annotation);
    TreePath path = trees.getPath(element);
    if (index < 0 || path == null) {
      return null;
    }
    ModifiersTree modifiers = modifiersOf(path.getLeaf());
    if (modifiers == null) {
      return null;
    }
    Name type = annotation.getAnnotationType().asElement().getSimpleName();
    int seen = 0;
    for (AnnotationTree tree : modifiers.getAnnotations()) {
      if (!simpleName(tree.getAnnotationType()).contentEquals(type) || seen++ != index) {
        continue;
      }
      Tree at = value == null ? tree : argument(tree, settingName(annotation, value));
      return new Position(at == null ? tree : at, path);
    }
    return null;
  }

  /** The position of {@code annotation} among the repeated ones in its container, or -1. */
  private static int indexInContainer(Element element, AnnotationMirror annotation) {
    for (AnnotationMirror container : element.getAnnotationMirrors()) {
      List<AnnotationMirror> nested = Annotations.mirrors(container, "value");
      for (int i = 0; i < nested.size(); i++) {
        if (nested.get(i) == annotation) {
          return i;
        }
      }
    }
    return -1;
  }

  private static ModifiersTree modifiersOf(Tree declaration) {
    return switch (declaration.getKind()) {
      case CLASS, INTERFACE, ENUM, RECORD, ANNOTATION_TYPE ->
          ((com.sun.source.tree.ClassTree) declaration).getModifiers();
      case METHOD -> ((com.sun.source.tree.MethodTree) declaration).getModifiers();
      case VARIABLE -> ((com.sun.source.tree.VariableTree) declaration).getModifiers();
      default -> null;
    };
  }

  /** {@code TraceInterface} for both {@code @TraceInterface} and {@code @a.b.TraceInterface}. */
  private static String simpleName(Tree type) {
    String name = type.toString();
    return name.substring(name.lastIndexOf('.') + 1);
  }

  private static String settingName(AnnotationMirror annotation, AnnotationValue value) {
    for (Map.Entry<? extends ExecutableElement, ? extends AnnotationValue> entry :
        annotation.getElementValues().entrySet()) {
      if (entry.getValue() == value) {
        return entry.getKey().getSimpleName().toString();
      }
    }
    return null;
  }

  /** The argument {@code name = ...} of {@code annotation}, or its lone unnamed {@code value}. */
  private static Tree argument(AnnotationTree annotation, String name) {
    for (ExpressionTree argument : annotation.getArguments()) {
      if (argument instanceof AssignmentTree assignment
          && assignment.getVariable() instanceof IdentifierTree variable
          && variable.getName().contentEquals(String.valueOf(name))) {
        return assignment;
      }
      if (!(argument instanceof AssignmentTree) && "value".equals(name)) {
        return argument;
      }
    }
    return null;
  }

  /** Prints {@code message} at {@code position}. */
  void print(Diagnostic.Kind kind, String message, Position position) {
    trees.printMessage(kind, message, position.tree(), position.path().getCompilationUnit());
  }
}

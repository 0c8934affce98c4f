package dev.agenttrace;

/**
 * Receives attributes one by one ({@link Attributes#forEachAttribute}, and a span's through {@code
 * SpanData.forEachAttribute}), the way a streaming encoder wants them: no {@link Attributes} copy
 * is built, and a value a span keeps as a primitive arrives as one, unboxed.
 *
 * <p>An exporter usually implements it once and reuses the instance for every span of a batch, so
 * reading attributes allocates nothing.
 */
@FunctionalInterface
public interface AttributeVisitor {
  /** One attribute; {@code value} is of the type {@code key} declares, never null. */
  void visit(AttributeKey<?> key, Object value);

  /**
   * One attribute whose value the span keeps as a {@code long}. By default it is boxed and passed
   * to {@link #visit}; override it to read the value without allocating.
   */
  default void visitLong(AttributeKey<?> key, long value) {
    visit(key, value);
  }
}

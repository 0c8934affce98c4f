package dev.agenttrace.proxy;

import dev.agenttrace.Span;

/**
 * Records what a streamed result tells about the call on its span, such as the token counts of a
 * model's response. For generated code: proxies pass a reference to one of their own static
 * methods, checked at compile time against the element type.
 *
 * @param <T> the type of the streamed elements, or of the final response
 */
@FunctionalInterface
public interface ResultRecorder<T> {
  /** Records {@code value} on {@code span}; may throw, which the caller swallows. */
  void record(Span span, T value);
}

package dev.agenttrace;

/**
 * The period during which a span or context is current on a thread. Closing it restores what was
 * current before; use it in a try-with-resources block.
 *
 * <pre>{@code
 * try (Scope scope = span.makeCurrent()) {
 *   // Span.current() == span here
 * }
 * }</pre>
 */
public interface Scope extends AutoCloseable {
  /** A scope that restores nothing, for code paths where nothing was made current. */
  static Scope noop() {
    return NoopScope.INSTANCE;
  }

  /** Restores the previous context. Closing twice is harmless; never throws. */
  @Override
  void close();
}

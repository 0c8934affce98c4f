package dev.agenttrace;

/**
 * One entry of a thread's stack of current contexts: the span and baggage current while it is on
 * top, and the entry below it. Two kinds exist: a {@link ContextStorage} scope, allocated when a
 * span or baggage is made current, and a {@link SelfScopingSpan} that serves as its own entry the
 * first time it is made current on the thread that started it (so that a traced call allocates no
 * scope).
 *
 * <p>Only the thread whose stack holds the entry reads or writes its fields.
 */
abstract class ContextFrame {
  /** The entry below this one, or null at the bottom of the stack; cleared once closed. */
  ContextFrame previous;

  ContextFrame() {}

  /** The span current while this entry is on top. */
  abstract Span span();

  /**
   * The baggage current while this entry is on top, or null when it is that of the entry below (a
   * span serving as its own scope never changes the baggage, so it keeps no field for it).
   */
  abstract Baggage ownBaggage();

  /** The baggage current while {@code top} is on top of its stack ({@code top} may be null). */
  static Baggage baggageOf(ContextFrame top) {
    for (ContextFrame frame = top; frame != null; frame = frame.previous) {
      Baggage baggage = frame.ownBaggage();
      if (baggage != null) {
        return baggage;
      }
    }
    return Baggage.empty();
  }

  /** Whether this entry was closed (it is then no longer on any stack). */
  abstract boolean isClosed();

  /** Marks this entry closed; it never becomes open again. */
  abstract void markClosed();
}

package dev.agenttrace;

/**
 * Padding before {@link ContextStack}'s fields: 64 bytes, plus an int that takes the gap after the
 * object header, where the JVM would otherwise place a field of a subclass.
 */
abstract class ContextStackPadding {
  int headerGap;
  long p0, p1, p2, p3, p4, p5, p6, p7;
}

/** {@link ContextStack}'s fields, after the padding of its superclass and before its own. */
abstract class ContextStackFields extends ContextStackPadding {
  /** The thread owning this stack: comparing threads is cheaper than another lookup. */
  final Thread thread = Thread.currentThread();

  /** The innermost current context, or null; only the owning thread reads or writes it. */
  ContextFrame top;
}

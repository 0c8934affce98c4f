package dev.agenttrace.proxy;

/**
 * Whether any generated proxy class was initialised in this JVM, so that the runtime can tell a
 * user whose tracing records nothing that no proxy was ever created (the processor did not run, or
 * objects were not wrapped).
 *
 * <p>Every generated proxy calls {@link #initialized()} once, from its static initializer: the
 * traced calls themselves pay nothing for it.
 */
public final class ProxyClasses {
  private static volatile boolean anyInitialized;

  private ProxyClasses() {}

  /** Called by the static initializer of each generated proxy class. */
  public static void initialized() {
    anyInitialized = true;
  }

  /** Whether a generated proxy class was initialised (wrapped or constructed) in this JVM. */
  public static boolean anyInitialized() {
    return anyInitialized;
  }
}

package dev.agenttrace;

import static java.util.Objects.requireNonNull;

/**
 * The global entry point the generated proxies call: which tracer is installed.
 *
 * <p>Until a tracer is installed, tracing is off: {@link #tracer()} returns the no-op tracer and
 * every proxy calls straight through to its delegate, allocating nothing.
 *
 * <pre>{@code
 * TracerSdk tracer = TracerSdk.builder().serviceName("support").addSpanProcessor(collector).build();
 * AgentTrace.install(tracer);
 * }</pre>
 */
public final class AgentTrace {
  private static volatile Tracer tracer = Tracer.noop();

  private AgentTrace() {}

  /** The installed tracer, or the no-op tracer; never {@code null}. */
  public static Tracer tracer() {
    return tracer;
  }

  /**
   * Installs {@code tracer} for every proxy in this JVM and returns the one it replaces. The first
   * time, it also warns (slf4j) if the annotation processor is on the run-time class path, where it
   * does not belong.
   */
  public static Tracer install(Tracer tracer) {
    requireNonNull(tracer, "tracer");
    ProcessorOnClassPath.checkOnce();
    return swap(tracer);
  }

  /** Turns tracing off again, returning the tracer that was installed. */
  public static Tracer uninstall() {
    return swap(Tracer.noop());
  }

  private static Tracer swap(Tracer tracer) {
    Tracer previous = AgentTrace.tracer;
    AgentTrace.tracer = tracer;
    return previous;
  }
}

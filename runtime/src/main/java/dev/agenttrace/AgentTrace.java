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

  /** Installs {@code tracer} for every proxy in this JVM and returns the one it replaces. */
  public static Tracer install(Tracer tracer) {
    Tracer previous = AgentTrace.tracer;
    AgentTrace.tracer = requireNonNull(tracer, "tracer");
    return previous;
  }

  /** Turns tracing off again, returning the tracer that was installed. */
  public static Tracer uninstall() {
    return install(Tracer.noop());
  }
}

package dev.agenttrace.opentelemetry;

import io.opentelemetry.context.ContextStorage;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Joins AgentTrace's context and OpenTelemetry's into one, so that an agent inside an application
 * already instrumented with OpenTelemetry yields one trace: an AgentTrace span started while an
 * OpenTelemetry span is current becomes its child, and an OpenTelemetry span started while an
 * AgentTrace span is current becomes that one's child, at any depth of nesting.
 *
 * <p>Call {@link #install()} once at startup, before OpenTelemetry's context is first used (before
 * the OpenTelemetry SDK or agent creates a span): OpenTelemetry fixes its context storage on first
 * use. {@link #isInstalled()} tells whether it took effect.
 *
 * <pre>{@code
 * public static void main(String[] args) {
 *   OpenTelemetryContextBridge.install();
 *   OpenTelemetrySdk otel = ...;
 *   AgentTrace.install(TracerSdk.builder()...build());
 * }
 * }</pre>
 *
 * <p>How: OpenTelemetry's storage is wrapped. Every OpenTelemetry context made current also makes
 * its span current in AgentTrace, so AgentTrace's current span is always the innermost of both;
 * OpenTelemetry's current context reports that span when it is an AgentTrace one. The AgentTrace
 * runtime itself knows nothing of OpenTelemetry.
 */
public final class OpenTelemetryContextBridge {
  private static final AtomicBoolean requested = new AtomicBoolean();

  private OpenTelemetryContextBridge() {}

  /**
   * Wraps OpenTelemetry's context storage. Calling it again does nothing.
   *
   * @return whether the bridge is in place (false if OpenTelemetry's storage was already in use)
   */
  public static boolean install() {
    if (requested.compareAndSet(false, true)) {
      ContextStorage.addWrapper(BridgedContextStorage::new);
    }
    return isInstalled();
  }

  /** Whether OpenTelemetry's context storage goes through the bridge. */
  public static boolean isInstalled() {
    return requested.get() && ContextStorage.get() instanceof BridgedContextStorage;
  }
}

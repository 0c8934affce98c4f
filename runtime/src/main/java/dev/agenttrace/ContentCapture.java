package dev.agenttrace;

import java.util.Locale;

/**
 * The global switch for recording message content ({@code gen_ai.input.messages}, {@code
 * gen_ai.output.messages}, {@code gen_ai.system_instructions}, {@code gen_ai.tool.definitions}).
 * Content may hold personal data, so it is off unless turned on here <em>and</em> asked for on the
 * traced method or interface ({@code @LlmCall(captureMessages = true)}).
 *
 * <p>The initial value comes from the system property {@value #PROPERTY} or, when that is not set,
 * the environment variable {@value #ENVIRONMENT_VARIABLE} (the name OpenTelemetry's GenAI
 * instrumentations use): {@code true} in any case turns capture on, anything else leaves it off.
 * {@code TracingConfig.builder().captureMessageContent(true)} sets it when tracing is installed.
 *
 * <pre>{@code
 * ContentCapture.setEnabled(true);   // or -Dotel.instrumentation.genai.capture.message.content=true
 * }</pre>
 *
 * <p>Captured content is bounded in size and passes through the span processors like every
 * attribute, so {@code RedactingSpanProcessor} masks or removes it before any exporter sees it.
 */
public final class ContentCapture {
  /** The system property read at start-up. */
  public static final String PROPERTY = "otel.instrumentation.genai.capture.message.content";

  /** The environment variable read at start-up when the property is not set. */
  public static final String ENVIRONMENT_VARIABLE =
      "OTEL_INSTRUMENTATION_GENAI_CAPTURE_MESSAGE_CONTENT";

  private static volatile boolean enabled = initialValue();

  private ContentCapture() {}

  /** Whether methods that ask for message capture record content now. */
  public static boolean isEnabled() {
    return enabled;
  }

  /** Turns content capture on or off for the whole JVM, effective for calls starting afterwards. */
  public static void setEnabled(boolean enabled) {
    ContentCapture.enabled = enabled;
  }

  private static boolean initialValue() {
    try {
      String value = System.getProperty(PROPERTY);
      if (value == null || value.isBlank()) {
        value = System.getenv(ENVIRONMENT_VARIABLE);
      }
      return value != null && value.trim().toLowerCase(Locale.ROOT).equals("true");
    } catch (SecurityException e) {
      return false;
    }
  }
}

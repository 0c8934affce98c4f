package dev.agenttrace.config;

/** A configuration value that cannot be used; the message names the setting and how to fix it. */
public final class ConfigurationException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /** {@code name} has {@code value}, which is not {@code expected}. */
  public ConfigurationException(String name, String value, String expected) {
    super(
        name
            + " (or "
            + ConfigProperties.environmentName(name)
            + ") is '"
            + value
            + "', but must be "
            + expected);
  }

  /** A problem described by {@code message}. */
  public ConfigurationException(String message) {
    super(message);
  }
}

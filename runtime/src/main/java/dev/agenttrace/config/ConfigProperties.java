package dev.agenttrace.config;

import static java.util.Objects.requireNonNull;

import java.time.Duration;
import java.util.Locale;
import java.util.Map;

/**
 * Configuration values by their property name ({@code otel.exporter.zipkin.endpoint}), looked up
 * first as a system property, then as the environment variable of the same name in upper case with
 * dots and dashes as underscores ({@code OTEL_EXPORTER_ZIPKIN_ENDPOINT}), as OpenTelemetry does.
 * Malformed values are reported with the name and the value, never silently ignored.
 */
public final class ConfigProperties {
  private final Map<String, String> properties;
  private final Map<String, String> environment;

  private ConfigProperties(Map<String, String> properties, Map<String, String> environment) {
    this.properties = properties;
    this.environment = environment;
  }

  /** The JVM's system properties and environment variables. */
  public static ConfigProperties system() {
    Map<String, String> properties = new java.util.HashMap<>();
    System.getProperties().forEach((k, v) -> properties.put(String.valueOf(k), String.valueOf(v)));
    return new ConfigProperties(properties, System.getenv());
  }

  /** Given values, for tests and for programs with their own configuration source. */
  public static ConfigProperties of(
      Map<String, String> properties, Map<String, String> environment) {
    return new ConfigProperties(Map.copyOf(properties), Map.copyOf(environment));
  }

  /**
   * The environment variable name for {@code name}: {@code otel.bsp.max.queue.size} -> {@code
   * OTEL_BSP_MAX_QUEUE_SIZE}.
   */
  public static String environmentName(String name) {
    return name.toUpperCase(Locale.ROOT).replace('.', '_').replace('-', '_');
  }

  /** The value, trimmed, or {@code null} when not set or blank. */
  public String get(String name) {
    requireNonNull(name, "name");
    String value = properties.get(name);
    if (value == null || value.isBlank()) {
      value = environment.get(environmentName(name));
    }
    return value == null || value.isBlank() ? null : value.trim();
  }

  /** The value or {@code defaultValue}. */
  public String get(String name, String defaultValue) {
    String value = get(name);
    return value == null ? defaultValue : value;
  }

  /** An integer value, or {@code null}. */
  public Integer getInt(String name) {
    Long value = getLong(name);
    if (value == null) {
      return null;
    }
    if (value != value.intValue()) {
      throw new ConfigurationException(name, get(name), "a whole number");
    }
    return value.intValue();
  }

  /** A whole number that may exceed an {@code int} (a size in bytes), or {@code null}. */
  public Long getLong(String name) {
    String value = get(name);
    if (value == null) {
      return null;
    }
    try {
      return Long.valueOf(value);
    } catch (NumberFormatException e) {
      throw new ConfigurationException(name, value, "a whole number");
    }
  }

  /** A duration given in milliseconds, as the OpenTelemetry names define them, or {@code null}. */
  public Duration getMillis(String name) {
    String value = get(name);
    if (value == null) {
      return null;
    }
    try {
      return Duration.ofMillis(Long.parseLong(value));
    } catch (NumberFormatException e) {
      throw new ConfigurationException(name, value, "a number of milliseconds");
    }
  }

  /** A boolean value ({@code true}/{@code false}, any case), or {@code null}. */
  public Boolean getBoolean(String name) {
    String value = get(name);
    if (value == null) {
      return null;
    }
    if (value.equalsIgnoreCase("true")) {
      return true;
    }
    if (value.equalsIgnoreCase("false")) {
      return false;
    }
    throw new ConfigurationException(name, value, "true or false");
  }
}

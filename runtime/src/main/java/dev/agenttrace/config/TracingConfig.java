package dev.agenttrace.config;

import static java.util.Objects.requireNonNull;

import dev.agenttrace.AgentTrace;
import dev.agenttrace.Attributes;
import dev.agenttrace.ContentCapture;
import dev.agenttrace.export.JsonLinesSpanExporter;
import dev.agenttrace.export.LoggingSpanExporter;
import dev.agenttrace.export.zipkin.ZipkinSpanExporter;
import dev.agenttrace.metrics.TracingMetrics;
import dev.agenttrace.processing.RedactionPatterns;
import dev.agenttrace.processing.Sampler;
import dev.agenttrace.spi.Resource;
import dev.agenttrace.spi.SpanExporter;
import dev.agenttrace.spi.SpanProcessor;
import java.io.PrintStream;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import org.slf4j.Logger;

/**
 * Sets up tracing in one place: service, exporters, batching, redaction and sampling, from code,
 * from system properties and environment variables (OpenTelemetry's names where one exists), or
 * both. With nothing configured the setup is the embedded one: spans kept in memory and each trace
 * printed to the console as a tree, so a program traces with nothing else installed.
 *
 * <pre>{@code
 * try (ConfiguredTracing tracing = TracingConfig.builder()
 *     .serviceName("support-desk")
 *     .readEnvironment()          // OTEL_TRACES_EXPORTER=zipkin and friends win over code
 *     .install()) {
 *   agent.answer("Where is my order?");
 * }
 * }</pre>
 *
 * <p>The names are listed in the README ("Exporting spans"); each is a system property, or the
 * environment variable of the same name in upper case with underscores.
 */
public final class TracingConfig {
  /** Exporter names understood without any extra module. */
  public static final List<String> BUILT_IN_EXPORTERS =
      List.of("embedded", "console", "memory", "logging", "jsonl", "zipkin", "none");

  private TracingConfig() {}

  /** A builder with the embedded default. */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Tracing configured only from system properties and environment variables, installed as the
   * global tracer: the same as {@code builder().readEnvironment().install()}. The name says
   * "install" because a configuration that is built but not installed records nothing.
   *
   * <pre>{@code
   * try (ConfiguredTracing tracing = TracingConfig.installFromEnvironment()) {
   *   agent.answer("Where is my order?");
   * }
   * }</pre>
   *
   * @throws ConfigurationException for a setting that cannot be used
   */
  public static ConfiguredTracing installFromEnvironment() {
    return builder().readEnvironment().install();
  }

  /** Builds a {@link ConfiguredTracing}. */
  public static final class Builder {
    private String serviceName;
    private final Map<String, String> resourceAttributes = new LinkedHashMap<>();
    private List<String> exporterNames = List.of("embedded");
    private final List<SpanExporter> exporters = new ArrayList<>();
    private final List<SpanProcessor> processors = new ArrayList<>();
    private String zipkinEndpoint = ZipkinSpanExporter.DEFAULT_ENDPOINT.toString();
    private Duration zipkinTimeout = Duration.ofSeconds(10);
    private Path jsonlPath = Path.of("agenttrace-spans.jsonl");
    private long jsonlMaxBytes = 64L << 20;
    private int jsonlMaxBackups = 5;
    private int maxQueueSize = 8192;
    private int maxExportBatchSize = 512;
    private long maxQueuedBytes; // 0: the batch processor's default
    private Duration scheduleDelay = Duration.ofSeconds(5);
    private Duration exportTimeout = Duration.ofSeconds(30);
    private Sampler sampler = Sampler.parentBased(Sampler.alwaysOn());
    private final List<Pattern> redactKeys = new ArrayList<>();
    private final List<Pattern> redactValues = new ArrayList<>();
    private boolean console = true;
    private PrintStream consoleOut = System.out;
    private boolean shutdownHook = true;
    private ConfigProperties config = ConfigProperties.of(Map.of(), Map.of());
    private boolean operationLatency;
    private TracingMetrics metrics;
    private InetSocketAddress prometheusAddress;
    private Logger summaryLogger;
    private Boolean captureMessageContent;

    private Builder() {}

    /** Sets {@code service.name}. */
    public Builder serviceName(String serviceName) {
      this.serviceName = requireNonNull(serviceName, "serviceName");
      return this;
    }

    /** Adds a resource attribute, such as {@code deployment.environment=prod}. */
    public Builder resourceAttribute(String key, String value) {
      resourceAttributes.put(requireNonNull(key, "key"), requireNonNull(value, "value"));
      return this;
    }

    /**
     * Chooses exporters by name: {@code embedded} (memory plus console, the default), {@code
     * console}, {@code memory}, {@code logging}, {@code jsonl}, {@code zipkin}, {@code none}, or a
     * name a {@link SpanExporterProvider} on the class path offers ({@code otlp} with the
     * OpenTelemetry bridge).
     */
    public Builder exporters(String... names) {
      this.exporterNames = normalize(List.of(names));
      return this;
    }

    /** Adds an exporter instance, batched like the named ones. */
    public Builder addExporter(SpanExporter exporter) {
      exporters.add(requireNonNull(exporter, "exporter"));
      return this;
    }

    /** Adds a processor that sees every span before redaction (for local views and tests). */
    public Builder addSpanProcessor(SpanProcessor processor) {
      processors.add(requireNonNull(processor, "processor"));
      return this;
    }

    /** Where the {@code zipkin} exporter posts. */
    public Builder zipkinEndpoint(String endpoint) {
      this.zipkinEndpoint = requireNonNull(endpoint, "endpoint");
      return this;
    }

    /** Where the {@code jsonl} exporter writes, and when it rotates. */
    public Builder jsonlFile(Path path, long maxBytes, int maxBackups) {
      this.jsonlPath = requireNonNull(path, "path");
      this.jsonlMaxBytes = maxBytes;
      this.jsonlMaxBackups = maxBackups;
      return this;
    }

    /**
     * How many bytes the spans over 1 KiB may hold in each batch processor's queue together; 1 % of
     * the maximum heap unless set (see {@code BatchSpanProcessor.Builder#maxQueuedBytes}).
     */
    public Builder maxQueuedBytes(long maxQueuedBytes) {
      if (maxQueuedBytes < 1) {
        throw new IllegalArgumentException("maxQueuedBytes must be positive: " + maxQueuedBytes);
      }
      this.maxQueuedBytes = maxQueuedBytes;
      return this;
    }

    /** The batch processor's queue and batch sizes. */
    public Builder batch(int maxQueueSize, int maxExportBatchSize) {
      this.maxQueueSize = maxQueueSize;
      this.maxExportBatchSize = maxExportBatchSize;
      return this;
    }

    /** The batch processor's schedule delay and export timeout. */
    public Builder batchTiming(Duration scheduleDelay, Duration exportTimeout) {
      this.scheduleDelay = requireNonNull(scheduleDelay, "scheduleDelay");
      this.exportTimeout = requireNonNull(exportTimeout, "exportTimeout");
      return this;
    }

    /**
     * The head sampler; by default {@code parentBased(alwaysOn())}, OpenTelemetry's {@code
     * parentbased_always_on}: a span follows its parent's sampled flag, a root is sampled.
     */
    public Builder sampler(Sampler sampler) {
      this.sampler = requireNonNull(sampler, "sampler");
      return this;
    }

    /** Masks attributes whose key matches, before any exporter sees them. */
    public Builder redactKeys(Pattern... patterns) {
      redactKeys.addAll(List.of(patterns));
      return this;
    }

    /** Masks matching text in string values, before any exporter sees them. */
    public Builder redactValues(Pattern... patterns) {
      redactValues.addAll(List.of(patterns));
      return this;
    }

    /** Masks the usual suspects: secret-looking keys, e-mail addresses, API keys, bearer tokens. */
    public Builder redactDefaults() {
      return redactKeys(RedactionPatterns.SECRET_KEY_NAMES)
          .redactValues(
              RedactionPatterns.EMAIL, RedactionPatterns.API_KEY, RedactionPatterns.BEARER_TOKEN);
    }

    /**
     * Whether traced model and agent calls that ask for message capture record content ({@code
     * gen_ai.input.messages} and friends) once installed; see {@link ContentCapture}. Unset, the
     * switch keeps its value (off unless the JVM started with {@value ContentCapture#PROPERTY} or
     * {@value ContentCapture#ENVIRONMENT_VARIABLE} set to true).
     */
    public Builder captureMessageContent(boolean capture) {
      this.captureMessageContent = capture;
      return this;
    }

    /** Whether {@code embedded} prints each trace; on by default. */
    public Builder console(boolean console) {
      this.console = console;
      return this;
    }

    /** Where the console output goes; {@code System.out} by default. */
    public Builder consoleOut(PrintStream out) {
      this.consoleOut = requireNonNull(out, "out");
      return this;
    }

    /**
     * Whether the metrics measure the latency of each span name, agent, tool and model over sliding
     * windows (see {@link TracingMetrics}); off by default. Tracing's own counters and the GenAI
     * metrics are always on.
     */
    public Builder operationLatency(boolean on) {
      this.operationLatency = on;
      return this;
    }

    /**
     * Records into {@code metrics} instead of a model of its own: for thresholds or latency windows
     * of your choice, or to count several tracings of one process (services built from one
     * configuration) together. {@link #operationLatency} then has no effect.
     */
    public Builder metrics(TracingMetrics metrics) {
      this.metrics = requireNonNull(metrics, "metrics");
      return this;
    }

    /**
     * Serves the metrics in the Prometheus text format at {@code http://address/metrics} while
     * tracing runs (see {@code PrometheusEndpoint}); off by default. Prefer a loopback address.
     * Each {@link #build()} starts an endpoint, so a process that builds several tracings from one
     * configuration sets a fixed port on one of them only (or port 0 on each).
     */
    public Builder prometheusEndpoint(InetSocketAddress address) {
      this.prometheusAddress = requireNonNull(address, "address");
      return this;
    }

    /** Whether JVM shutdown flushes and shuts tracing down; on by default. */
    public Builder shutdownHook(boolean shutdownHook) {
      this.shutdownHook = shutdownHook;
      return this;
    }

    /** Where the shutdown summary goes; for tests that read it. */
    Builder summaryLogger(Logger summaryLogger) {
      this.summaryLogger = requireNonNull(summaryLogger, "summaryLogger");
      return this;
    }

    /** Applies what system properties and environment variables set; they win over code. */
    public Builder readEnvironment() {
      return read(ConfigProperties.system());
    }

    /**
     * Applies what {@code config} sets, overriding earlier settings.
     *
     * @throws ConfigurationException for a value that cannot be used
     */
    public Builder read(ConfigProperties config) {
      this.config = requireNonNull(config, "config");
      String service = config.get("otel.service.name");
      if (service != null) {
        serviceName = service;
      }
      String attributes = config.get("otel.resource.attributes");
      if (attributes != null) {
        for (String pair : attributes.split(",")) {
          int eq = pair.indexOf('=');
          if (eq <= 0) {
            throw new ConfigurationException(
                "otel.resource.attributes", attributes, "key=value pairs separated by commas");
          }
          resourceAttributes.put(pair.substring(0, eq).trim(), pair.substring(eq + 1).trim());
        }
      }
      String names = config.get("agenttrace.exporter", config.get("otel.traces.exporter"));
      if (names != null) {
        exporterNames = normalize(List.of(names.split(",")));
      }
      zipkinEndpoint = config.get("otel.exporter.zipkin.endpoint", zipkinEndpoint);
      Duration zipkin = config.getMillis("otel.exporter.zipkin.timeout");
      zipkinTimeout = zipkin == null ? zipkinTimeout : zipkin;
      String path = config.get("agenttrace.exporter.jsonl.path");
      jsonlPath = path == null ? jsonlPath : Path.of(path);
      String maxBytes = config.get("agenttrace.exporter.jsonl.max.bytes");
      if (maxBytes != null) {
        try {
          jsonlMaxBytes = Long.parseLong(maxBytes);
        } catch (NumberFormatException e) {
          throw new ConfigurationException(
              "agenttrace.exporter.jsonl.max.bytes", maxBytes, "a number of bytes");
        }
      }
      jsonlMaxBackups =
          orElse(config.getInt("agenttrace.exporter.jsonl.max.backups"), jsonlMaxBackups);
      maxQueueSize = orElse(config.getInt("otel.bsp.max.queue.size"), maxQueueSize);
      maxExportBatchSize =
          orElse(config.getInt("otel.bsp.max.export.batch.size"), maxExportBatchSize);
      Long queuedBytes = config.getLong("agenttrace.bsp.max.queued.bytes");
      if (queuedBytes != null) {
        if (queuedBytes < 1) {
          throw new ConfigurationException(
              "agenttrace.bsp.max.queued.bytes", queuedBytes.toString(), "a positive number");
        }
        maxQueuedBytes = queuedBytes;
      }
      scheduleDelay = orElse(config.getMillis("otel.bsp.schedule.delay"), scheduleDelay);
      exportTimeout = orElse(config.getMillis("otel.bsp.export.timeout"), exportTimeout);
      String samplerName = config.get("otel.traces.sampler");
      if (samplerName != null) {
        sampler = sampler(samplerName, config.get("otel.traces.sampler.arg"));
      }
      if (Boolean.TRUE.equals(config.getBoolean("agenttrace.redaction.defaults"))) {
        redactDefaults();
      }
      String keys = config.get("agenttrace.redaction.keys");
      if (keys != null) {
        redactKeys.add(pattern("agenttrace.redaction.keys", keys));
      }
      String values = config.get("agenttrace.redaction.values");
      if (values != null) {
        redactValues.add(pattern("agenttrace.redaction.values", values));
      }
      captureMessageContent =
          orElse(config.getBoolean(ContentCapture.PROPERTY), captureMessageContent);
      console = orElse(config.getBoolean("agenttrace.console"), console);
      shutdownHook = orElse(config.getBoolean("agenttrace.shutdown.hook"), shutdownHook);
      operationLatency = orElse(config.getBoolean("agenttrace.metrics.latency"), operationLatency);
      String prometheus = config.get("agenttrace.metrics.prometheus.address");
      if (prometheus != null) {
        prometheusAddress = address("agenttrace.metrics.prometheus.address", prometheus);
      }
      return this;
    }

    /** OpenTelemetry's six sampler names; {@code arg} is the ratio of the ratio samplers. */
    private static Sampler sampler(String name, String arg) {
      return switch (name.toLowerCase(Locale.ROOT)) {
        case "always_on" -> Sampler.alwaysOn();
        case "always_off" -> Sampler.alwaysOff();
        case "traceidratio" -> Sampler.traceIdRatio(ratio(arg));
        case "parentbased_always_on" -> Sampler.parentBased(Sampler.alwaysOn());
        case "parentbased_always_off" -> Sampler.parentBased(Sampler.alwaysOff());
        case "parentbased_traceidratio" -> Sampler.parentBased(Sampler.traceIdRatio(ratio(arg)));
        default ->
            throw new ConfigurationException(
                "otel.traces.sampler",
                name,
                "one of always_on, always_off, traceidratio, parentbased_always_on,"
                    + " parentbased_always_off, parentbased_traceidratio");
      };
    }

    private static double ratio(String arg) {
      if (arg == null) {
        return 1.0;
      }
      try {
        double ratio = Double.parseDouble(arg);
        if (ratio >= 0.0 && ratio <= 1.0) {
          return ratio;
        }
      } catch (NumberFormatException e) {
        // reported below
      }
      throw new ConfigurationException(
          "otel.traces.sampler.arg", arg, "a sampling ratio between 0.0 and 1.0");
    }

    /** {@code host:port}, or a port alone for the loopback address. */
    private static InetSocketAddress address(String name, String value) {
      int colon = value.lastIndexOf(':');
      String host = colon < 0 ? "127.0.0.1" : value.substring(0, colon).trim();
      String port = colon < 0 ? value.trim() : value.substring(colon + 1).trim();
      if (host.startsWith("[") && host.endsWith("]")) {
        host = host.substring(1, host.length() - 1);
      }
      try {
        int number = Integer.parseInt(port);
        if (number >= 0 && number <= 65535 && !host.isEmpty()) {
          return new InetSocketAddress(host, number);
        }
      } catch (NumberFormatException e) {
        // reported below
      }
      throw new ConfigurationException(
          name, value, "host:port (such as 127.0.0.1:9464) or a port for the loopback address");
    }

    private static Pattern pattern(String name, String regex) {
      try {
        return Pattern.compile(regex);
      } catch (PatternSyntaxException e) {
        throw new ConfigurationException(
            name, regex, "a Java regular expression: " + e.getDescription());
      }
    }

    private static <T> T orElse(T value, T fallback) {
      return value == null ? fallback : value;
    }

    private static List<String> normalize(List<String> names) {
      List<String> normalized = new ArrayList<>();
      for (String name : names) {
        String trimmed = name.trim().toLowerCase(Locale.ROOT);
        if (!trimmed.isEmpty() && !normalized.contains(trimmed)) {
          normalized.add(trimmed);
        }
      }
      return List.copyOf(normalized);
    }

    /** Tracing as configured, not installed globally. */
    public ConfiguredTracing build() {
      Attributes.Builder resource = Attributes.builder();
      resourceAttributes.forEach(resource::put);
      if (serviceName != null) {
        resource.put("service.name", serviceName);
      }
      List<SpanExporter> all = new ArrayList<>(exporters);
      boolean memory = false;
      boolean printTraces = false;
      for (String name : exporterNames) {
        switch (name) {
          case "embedded" -> {
            memory = true;
            printTraces = console;
          }
          case "memory" -> memory = true;
          case "console" -> printTraces = true;
          case "none" -> {}
          case "logging" -> all.add(new LoggingSpanExporter());
          case "jsonl" ->
              all.add(
                  JsonLinesSpanExporter.builder(jsonlPath)
                      .maxFileBytes(jsonlMaxBytes)
                      .maxBackups(jsonlMaxBackups)
                      .build());
          case "zipkin" ->
              all.add(
                  ZipkinSpanExporter.builder()
                      .endpoint(zipkinEndpoint)
                      .timeout(zipkinTimeout)
                      .build());
          default -> all.add(fromProvider(name));
        }
      }
      return new ConfiguredTracing(
          new ConfiguredTracing.Parts(
              Resource.create(resource.build()),
              sampler,
              List.copyOf(processors),
              List.copyOf(all),
              List.copyOf(exporterNames),
              memory,
              printTraces ? consoleOut : null,
              maxQueueSize,
              maxExportBatchSize,
              maxQueuedBytes,
              scheduleDelay,
              exportTimeout,
              List.copyOf(redactKeys),
              List.copyOf(redactValues),
              metrics != null
                  ? metrics
                  : TracingMetrics.builder().operationLatency(operationLatency).build(),
              prometheusAddress,
              shutdownHook,
              summaryLogger));
    }

    /**
     * Builds and installs as the global tracer ({@link AgentTrace#install}), and sets the global
     * {@link ContentCapture} switch when {@link #captureMessageContent} was configured.
     */
    public ConfiguredTracing install() {
      ConfiguredTracing tracing = build();
      AgentTrace.install(tracing.tracer());
      if (captureMessageContent != null) {
        ContentCapture.setEnabled(captureMessageContent);
      }
      return tracing;
    }

    private SpanExporter fromProvider(String name) {
      List<String> offered = new ArrayList<>(BUILT_IN_EXPORTERS);
      for (SpanExporterProvider provider : ServiceLoader.load(SpanExporterProvider.class)) {
        if (provider.name().equalsIgnoreCase(name)) {
          return provider.create(config);
        }
        offered.add(provider.name());
      }
      throw new ConfigurationException(
          "otel.traces.exporter",
          name,
          "one of "
              + offered
              + (name.equals("otlp")
                  ? " (for otlp, add dev.agenttrace:agenttrace-opentelemetry to the run-time class path)"
                  : ""));
    }
  }
}

package dev.agenttrace.config;

import dev.agenttrace.AgentTrace;
import dev.agenttrace.metrics.MetricsSnapshot;
import dev.agenttrace.metrics.PrometheusEndpoint;
import dev.agenttrace.metrics.TracingMetrics;
import dev.agenttrace.processing.BatchSpanProcessor;
import dev.agenttrace.processing.InMemorySpanCollector;
import dev.agenttrace.processing.RedactingSpanProcessor;
import dev.agenttrace.processing.Sampler;
import dev.agenttrace.processing.TraceListenerProcessor;
import dev.agenttrace.proxy.ProxyClasses;
import dev.agenttrace.sdk.TracerSdk;
import dev.agenttrace.spi.Resource;
import dev.agenttrace.spi.SpanExporter;
import dev.agenttrace.spi.SpanProcessor;
import java.io.PrintStream;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Tracing as {@link TracingConfig} set it up: the tracer, its pipeline and its counters. Closing it
 * flushes every exporter, shuts the pipeline down and logs a summary of the counters; so does JVM
 * shutdown unless the hook was turned off.
 *
 * <p>The pipeline, in order: the {@link #metrics()} (which see every recorded span), the processors
 * added in code (they see spans unredacted), then, behind the redaction if any is configured, every
 * consumer that keeps, prints or exports spans: the in-memory collector (bounded to {@value
 * #MEMORY_CAPACITY} spans, oldest evicted first), the console printer (rendering on its own daemon
 * thread from a queue of at most {@value #CONSOLE_QUEUE} traces) and one batch processor per
 * exporter, so that a slow backend cannot hold up another.
 */
public final class ConfiguredTracing implements AutoCloseable {
  private static final Logger logger = LoggerFactory.getLogger(ConfiguredTracing.class);

  /** Spans the embedded/memory collector keeps; older ones are evicted and counted. */
  static final int MEMORY_CAPACITY = 10_000;

  /** Ended traces waiting for the console printer; more are not printed and are counted. */
  static final int CONSOLE_QUEUE = 64;

  /** Traces the console gathers at once, and spans per trace it prints. */
  static final int CONSOLE_OPEN_TRACES = 256;

  static final int CONSOLE_SPANS_PER_TRACE = 1_000;

  record Parts(
      Resource resource,
      Sampler sampler,
      List<SpanProcessor> processors,
      List<SpanExporter> exporters,
      List<String> exporterNames,
      boolean memory,
      PrintStream console,
      int maxQueueSize,
      int maxExportBatchSize,
      long maxQueuedBytes,
      Duration scheduleDelay,
      Duration exportTimeout,
      List<Pattern> redactKeys,
      List<Pattern> redactValues,
      TracingMetrics metrics,
      InetSocketAddress prometheusAddress,
      boolean shutdownHook,
      Logger summaryLogger) {}

  private final TracingMetrics metrics;
  private final PrometheusEndpoint prometheus;
  private final TracerSdk tracer;
  private final InMemorySpanCollector collector;
  private final ConsoleTraceListener console;
  private final List<SpanExporter> exporters;
  private final List<String> exporterNames;
  private final Duration exportTimeout;
  private final Thread shutdownHook;
  private final AtomicBoolean shutDown = new AtomicBoolean();
  private final Logger summaryLogger;

  ConfiguredTracing(Parts parts) {
    this.exporters = parts.exporters();
    this.exporterNames = parts.exporterNames();
    this.exportTimeout = parts.exportTimeout();
    this.summaryLogger = parts.summaryLogger() == null ? logger : parts.summaryLogger();
    TracerSdk.Builder builder =
        TracerSdk.builder().resource(parts.resource()).sampler(parts.sampler());
    this.metrics = parts.metrics();
    builder.addSpanProcessor(metrics);
    parts.processors().forEach(builder::addSpanProcessor);
    List<SpanProcessor> consumers = new ArrayList<>();
    if (parts.memory()) {
      collector = new InMemorySpanCollector(MEMORY_CAPACITY);
      consumers.add(collector);
    } else {
      collector = null;
    }
    if (parts.console() != null) {
      console = new ConsoleTraceListener(parts.console(), CONSOLE_QUEUE);
      consumers.add(
          TraceListenerProcessor.create(console, CONSOLE_OPEN_TRACES, CONSOLE_SPANS_PER_TRACE));
    } else {
      console = null;
    }
    for (SpanExporter exporter : parts.exporters()) {
      BatchSpanProcessor.Builder batch =
          BatchSpanProcessor.builder(exporter)
              .maxQueueSize(parts.maxQueueSize())
              .maxExportBatchSize(parts.maxExportBatchSize())
              .scheduleDelay(parts.scheduleDelay())
              .exportTimeout(parts.exportTimeout())
              .metrics(metrics);
      if (parts.maxQueuedBytes() > 0) {
        batch.maxQueuedBytes(parts.maxQueuedBytes());
      }
      consumers.add(batch.build());
    }
    if (!consumers.isEmpty()) {
      if (parts.redactKeys().isEmpty() && parts.redactValues().isEmpty()) {
        consumers.forEach(builder::addSpanProcessor);
      } else {
        builder.addSpanProcessor(
            RedactingSpanProcessor.builder()
                .maskKeys(parts.redactKeys().toArray(new Pattern[0]))
                .maskValues(parts.redactValues().toArray(new Pattern[0]))
                .build(consumers.toArray(new SpanProcessor[0])));
      }
    }
    this.tracer = builder.build();
    this.prometheus =
        parts.prometheusAddress() == null
            ? null
            : PrometheusEndpoint.start(metrics, parts.prometheusAddress());
    if (parts.shutdownHook()) {
      shutdownHook = new Thread(this::shutdownFromHook, "agenttrace-shutdown");
      Runtime.getRuntime().addShutdownHook(shutdownHook);
    } else {
      shutdownHook = null;
    }
    logger.debug("Tracing configured: exporters {}, {}", exporterNames, tracer);
  }

  /** The tracer; install it with {@link AgentTrace#install} unless {@code install()} did. */
  public TracerSdk tracer() {
    return tracer;
  }

  /** The in-memory spans, when the {@code embedded} or {@code memory} exporter is on. */
  public Optional<InMemorySpanCollector> collector() {
    return Optional.ofNullable(collector);
  }

  /** The exporter names in effect, such as {@code [zipkin]}. */
  public List<String> exporterNames() {
    return exporterNames;
  }

  /** The exporters in effect, named and added ones. */
  public List<SpanExporter> exporters() {
    return exporters;
  }

  /** The metrics now: spans started, ended, exported, failed, dropped, queued, active, GenAI. */
  public MetricsSnapshot metrics() {
    return metrics.snapshot();
  }

  /**
   * The live metrics of this tracing: its own counters, the GenAI metrics and, if turned on,
   * operation latencies (see {@link TracingMetrics}); for {@code PrometheusTextFormat}, a {@code
   * PrometheusEndpoint} or the OpenTelemetry export.
   */
  public TracingMetrics tracingMetrics() {
    return metrics;
  }

  /** The Prometheus endpoint serving {@link #metrics()}, when one was configured. */
  public Optional<PrometheusEndpoint> prometheusEndpoint() {
    return Optional.ofNullable(prometheus);
  }

  /** Exports everything queued, waiting at most {@code timeout}; returns whether all went. */
  public boolean forceFlush(Duration timeout) {
    return tracer.forceFlush(timeout);
  }

  /**
   * Stops tracing, exports what is queued (within {@code timeout}), releases the exporters and logs
   * the counters. If this tracer is the global one, tracing is turned off first.
   */
  public boolean shutdown(Duration timeout) {
    if (!shutDown.compareAndSet(false, true)) {
      return true;
    }
    if (shutdownHook != null && Thread.currentThread() != shutdownHook) {
      try {
        Runtime.getRuntime().removeShutdownHook(shutdownHook);
      } catch (IllegalStateException alreadyShuttingDown) {
        // The hook runs or ran.
      }
    }
    if (AgentTrace.tracer() == tracer) {
      AgentTrace.uninstall();
    }
    long deadline = System.nanoTime() + timeout.toNanos();
    boolean done = tracer.shutdown(timeout);
    if (console != null) {
      Duration left = Duration.ofNanos(Math.max(0, deadline - System.nanoTime()));
      done &= console.shutdown(left.isZero() ? Duration.ofMillis(100) : left);
      if (console.droppedTraces() > 0) {
        summaryLogger.warn(
            "{} traces were not printed: the console could not keep up", console.droppedTraces());
      }
    }
    if (prometheus != null) {
      prometheus.close();
    }
    MetricsSnapshot summary = metrics.snapshot();
    summaryLogger.info("AgentTrace shut down (exporters {}): {}", exporterNames, summary);
    if (summary.spansStarted() == 0) {
      summaryLogger.warn(nothingRecordedHint(ProxyClasses.anyInitialized()));
    }
    return done;
  }

  /**
   * Why tracing recorded no span, for the shutdown summary: the usual set-up mistakes, checked
   * without cost on the traced calls (proxies announce themselves when their class initialises).
   */
  static String nothingRecordedHint(boolean anyProxyCreated) {
    if (!anyProxyCreated) {
      return "Tracing was configured but no AgentTrace proxy was called: is agenttrace-processor"
          + " on the annotation processor path, and are your objects wrapped with the generated"
          + " XxxTraced.wrap(...)? See docs/troubleshooting.md.";
    }
    return "AgentTrace proxies were created but no span was recorded: was this tracing installed"
        + " (TracingConfig...install(), or AgentTrace.install(tracing.tracer())), and does the"
        + " sampler keep anything? See docs/troubleshooting.md.";
  }

  private void shutdownFromHook() {
    shutdown(exportTimeout);
  }

  /** Shuts down, waiting up to the export timeout. */
  @Override
  public void close() {
    shutdown(exportTimeout);
  }

  @Override
  public String toString() {
    return "ConfiguredTracing{" + exporterNames + ", " + tracer + '}';
  }
}

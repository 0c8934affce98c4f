package dev.agenttrace.metrics;

import static java.util.Objects.requireNonNull;

import dev.agenttrace.StatusCode;
import dev.agenttrace.metrics.OperationLatency.WindowSpec;
import dev.agenttrace.spi.Clock;
import dev.agenttrace.spi.ReadWriteSpan;
import dev.agenttrace.spi.SpanData;
import dev.agenttrace.spi.SpanProcessor;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Consumer;
import java.util.function.LongSupplier;

/**
 * AgentTrace's one metrics model, measured from spans as they end: tracing's own health (traces,
 * spans started, ended, running and failed, span durations, export outcomes and queues), the GenAI
 * metrics of the OpenTelemetry conventions ({@code gen_ai.client.operation.duration}, {@code
 * gen_ai.client.token.usage} and the others of {@link GenAiConventions}), and, when asked for, the
 * latency of every operation over sliding windows, with thresholds. Read it as a {@link
 * #snapshot()}, in the Prometheus text format ({@link PrometheusTextFormat}, {@link
 * PrometheusEndpoint}), or through the OpenTelemetry SDK with the {@code agenttrace-opentelemetry}
 * module.
 *
 * <pre>{@code
 * TracingMetrics metrics = TracingMetrics.builder()
 *     .threshold(LatencyThreshold.of(OperationKey.tool("lookup_order"), 95, Duration.ofSeconds(2)))
 *     .build();
 * TracerSdk tracer = TracerSdk.builder()
 *     .addSpanProcessor(metrics)                                          // first: sees every span
 *     .addSpanProcessor(BatchSpanProcessor.builder(exporter).metrics(metrics).build())
 *     .build();
 * ...
 * MetricsSnapshot now = metrics.snapshot();
 * String scrape = PrometheusTextFormat.write(metrics);
 * }</pre>
 *
 * <p>{@code TracingConfig} sets all this up by itself; its {@code ConfiguredTracing.metrics()}
 * returns the instance.
 *
 * <p>Guarantees:
 *
 * <ul>
 *   <li><b>No allocation per span in steady state.</b> Attributes are read one by one ({@link
 *       SpanData#attribute}), the series of an attribute set is found by value in a lock-free
 *       table, and values go into fixed bucket arrays with atomic adds. Only the first span of a
 *       new attribute set or operation, and a sliding window moving on to its next sub-window,
 *       allocate.
 *   <li><b>Bounded cardinality.</b> Each GenAI metric keeps at most {@code maxSeriesPerMetric}
 *       series (default {@value #DEFAULT_MAX_SERIES}, OpenTelemetry's default cardinality limit),
 *       the overflow series included: further attribute sets, and any attribute value longer than
 *       256 characters, are recorded in the series {@code otel.metric.overflow=true} and counted
 *       ({@link MetricsSnapshot#overflowedRecordings()}). Latency keeps at most {@code
 *       maxOperations} operations (default {@value #DEFAULT_MAX_OPERATIONS}), the rest under
 *       {@value #OTHER_OPERATION}.
 *   <li><b>Exact export accounting.</b> Exporting components report each span exactly once, as
 *       exported, failed or dropped ({@link #recordExported}, {@link #recordFailed}, {@link
 *       #recordDropped}); {@code BatchSpanProcessor.Builder.metrics} wires a batch processor in.
 * </ul>
 *
 * <p>It measures the spans it sees: add it before any tail sampler, so it sees every recorded span.
 * A head sampler that drops a span keeps it from every processor, so under head sampling the GenAI
 * metrics count the sampled share only.
 */
public final class TracingMetrics implements SpanProcessor {
  /** The operation value under which operations beyond {@code maxOperations} are measured. */
  public static final String OTHER_OPERATION = "_other";

  /** The default limit on distinct latency operations. */
  public static final int DEFAULT_MAX_OPERATIONS = 256;

  /** The default limit on series per GenAI metric, the overflow series included. */
  public static final int DEFAULT_MAX_SERIES = 2000;

  /** The name under which latency operations beyond the limit are counted as overflowed. */
  public static final String OPERATION_LATENCY = "agenttrace.operation.latency";

  private final Clock clock;
  private final long startEpochNanos;
  private final LongAdder traces = new LongAdder();
  private final LongAdder spansStarted = new LongAdder();
  private final LongAdder spansEnded = new LongAdder();
  private final LongAdder errorSpans = new LongAdder();
  private final LatencyHistogram spanDurations = new LatencyHistogram();
  private final LongAdder spansExported = new LongAdder();
  private final LongAdder spansFailed = new LongAdder();
  private final LongAdder spansDropped = new LongAdder();
  private final LongAdder batchesSucceeded = new LongAdder();
  private final LongAdder batchesFailed = new LongAdder();
  private final List<LongSupplier> queueSizes = new CopyOnWriteArrayList<>();
  private final GenAiMetrics genAi;
  private final OperationLatencies latency;

  private TracingMetrics(Builder builder) {
    this.clock = builder.clock;
    this.startEpochNanos = clock.epochNanos();
    this.genAi = builder.genAi ? new GenAiMetrics(builder.maxSeries) : null;
    this.latency =
        builder.operationLatency
            ? new OperationLatencies(
                clock,
                builder.windows,
                builder.maxOperations,
                builder.thresholds,
                builder.onViolation)
            : null;
  }

  /** Metrics with the defaults: the counters and the GenAI metrics, no operation latency. */
  public static TracingMetrics create() {
    return builder().build();
  }

  /**
   * A builder with the defaults: GenAI metrics with at most {@value #DEFAULT_MAX_SERIES} series
   * each; operation latency off (when turned on: {@value #DEFAULT_MAX_OPERATIONS} operations over
   * the last minute, hour and day); no thresholds.
   */
  public static Builder builder() {
    return new Builder();
  }

  @Override
  public void onStart(ReadWriteSpan span) {
    spansStarted.increment();
  }

  @Override
  public void onEnd(SpanData span) {
    spansEnded.increment();
    spanDurations.record(span.durationNanos());
    if (span.isLocalRoot()) {
      traces.increment();
    }
    if (span.statusCode() == StatusCode.ERROR) {
      errorSpans.increment();
    }
    if (genAi != null) {
      genAi.record(span);
    }
    if (latency != null) {
      latency.record(span);
    }
  }

  /** Counts one export call of {@code spans} spans that the backend accepted. */
  public void recordExported(long spans) {
    batchesSucceeded.increment();
    spansExported.add(spans);
  }

  /**
   * Counts one export call of {@code spans} spans that the backend did not take (it failed or timed
   * out, after any retries).
   */
  public void recordFailed(long spans) {
    batchesFailed.increment();
    spansFailed.add(spans);
  }

  /** Counts {@code spans} spans dropped before export (full queue, processor shut down). */
  public void recordDropped(long spans) {
    spansDropped.add(spans);
  }

  /** Adds a queue whose size {@link MetricsSnapshot#queueSize()} sums up. */
  public void registerQueue(LongSupplier size) {
    queueSizes.add(requireNonNull(size, "size"));
  }

  /** Everything counted so far. */
  public MetricsSnapshot snapshot() {
    long queued = 0;
    for (LongSupplier size : queueSizes) {
      queued += size.getAsLong();
    }
    long ended = spansEnded.sum();
    long started = spansStarted.sum();
    Map<String, Long> overflows = new HashMap<>();
    if (genAi != null) {
      genAi.overflows(overflows);
    }
    if (latency != null) {
      overflows.put(OPERATION_LATENCY, latency.overflowed());
    }
    return new MetricsSnapshot(
        startEpochNanos,
        traces.sum(),
        started,
        ended,
        Math.max(0, started - ended),
        errorSpans.sum(),
        spanDurations.snapshot(),
        spansExported.sum(),
        spansFailed.sum(),
        spansDropped.sum(),
        batchesSucceeded.sum(),
        batchesFailed.sum(),
        queued,
        genAi == null ? List.of() : genAi.snapshot(),
        overflows);
  }

  /** The latencies of {@code operation}, if any span of it ended (and latency is on). */
  public Optional<OperationLatency> latency(OperationKey operation) {
    return latency == null ? Optional.empty() : latency.latency(operation);
  }

  /** Every operation whose latency is measured, by dimension, then value. */
  public List<OperationKey> operations() {
    return latency == null ? List.of() : latency.operations();
  }

  /** The configured latency thresholds. */
  public List<LatencyThreshold> thresholds() {
    return latency == null ? List.of() : latency.thresholds();
  }

  /**
   * Checks every threshold against the latencies now, hands each violation to the {@code
   * onViolation} callback (if any; a callback that throws is logged) and returns them. An operation
   * with no spans, or fewer than the threshold's {@code minCount}, passes. Cheap enough to call
   * every few seconds; nothing checks on its own.
   */
  public List<ThresholdViolation> checkThresholds() {
    return latency == null ? List.of() : latency.checkThresholds();
  }

  @Override
  public String toString() {
    return "TracingMetrics{" + snapshot() + '}';
  }

  /** Builds {@link TracingMetrics}. */
  public static final class Builder {
    private Clock clock = Clock.system();
    private List<WindowSpec> windows =
        List.of(
            new WindowSpec(Duration.ofSeconds(10), 12),
            new WindowSpec(Duration.ofMinutes(10), 12),
            new WindowSpec(Duration.ofHours(2), 24));
    private boolean defaultWindows = true;
    private int maxOperations = DEFAULT_MAX_OPERATIONS;
    private int maxSeries = DEFAULT_MAX_SERIES;
    private boolean genAi = true;
    private boolean operationLatency;
    private final List<LatencyThreshold> thresholds = new ArrayList<>();
    private Consumer<ThresholdViolation> onViolation;

    private Builder() {}

    /** Sets the clock that times sliding windows and snapshots, for tests. */
    public Builder clock(Clock clock) {
      this.clock = requireNonNull(clock, "clock");
      return this;
    }

    /** Whether the GenAI metrics of the conventions are recorded; on by default. */
    public Builder genAiMetrics(boolean on) {
      this.genAi = on;
      return this;
    }

    /**
     * The most series each GenAI metric keeps, the overflow series included (default {@value
     * #DEFAULT_MAX_SERIES}); at least 2.
     */
    public Builder maxSeriesPerMetric(int maxSeries) {
      if (maxSeries < 2) {
        throw new IllegalArgumentException("maxSeriesPerMetric must be at least 2: " + maxSeries);
      }
      this.maxSeries = maxSeries;
      return this;
    }

    /**
     * Whether the latency of each span name, agent, tool and model is measured over sliding
     * windows; on by default. It costs about a dozen atomic adds per span; thresholds need it.
     */
    public Builder operationLatency(boolean on) {
      this.operationLatency = on;
      return this;
    }

    /**
     * Adds a latency sliding window of {@code subWindows} sub-windows of {@code subWindow}; the
     * first call replaces the defaults (10 s x 12, 10 min x 12 and 2 h x 24: the last minute, hour
     * and day, each kept twice so it can be compared with the one before). Windows of up to {@code
     * subWindow * subWindows} can then be read, and compared up to half that.
     */
    public Builder window(Duration subWindow, int subWindows) {
      requireNonNull(subWindow, "subWindow");
      if (subWindow.isNegative() || subWindow.isZero() || subWindows < 1) {
        throw new IllegalArgumentException(
            "a window needs a positive sub-window and at least one of them");
      }
      if (defaultWindows) {
        windows = new ArrayList<>();
        defaultWindows = false;
      }
      windows.add(new WindowSpec(subWindow, subWindows));
      operationLatency = true;
      return this;
    }

    /** Limits the distinct latency operations measured (all dimensions together). */
    public Builder maxOperations(int maxOperations) {
      if (maxOperations < 1) {
        throw new IllegalArgumentException("maxOperations must be at least 1");
      }
      this.maxOperations = maxOperations;
      return this;
    }

    /** Adds a threshold that {@link #checkThresholds()} checks; turns operation latency on. */
    public Builder threshold(LatencyThreshold threshold) {
      thresholds.add(requireNonNull(threshold, "threshold"));
      operationLatency = true;
      return this;
    }

    /** Sets what {@link #checkThresholds()} calls for each violation it finds. */
    public Builder onViolation(Consumer<ThresholdViolation> onViolation) {
      this.onViolation = requireNonNull(onViolation, "onViolation");
      return this;
    }

    /**
     * The metrics.
     *
     * @throws IllegalStateException if thresholds are set and operation latency was turned off
     *     after them
     */
    public TracingMetrics build() {
      if (!operationLatency && !thresholds.isEmpty()) {
        throw new IllegalStateException(
            "latency thresholds need operationLatency(true): " + thresholds);
      }
      return new TracingMetrics(this);
    }
  }
}

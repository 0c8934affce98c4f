package dev.agenttrace.metrics;

import static java.util.Objects.requireNonNull;

import dev.agenttrace.Attributes;
import dev.agenttrace.metrics.OperationKey.Dimension;
import dev.agenttrace.metrics.OperationLatency.WindowSpec;
import dev.agenttrace.spi.Clock;
import dev.agenttrace.spi.SpanData;
import dev.agenttrace.spi.SpanProcessor;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Measures the latency of every operation as its spans end: per span name, per agent ({@code
 * gen_ai.agent.name}), per tool ({@code gen_ai.tool.name}) and per model ({@code
 * gen_ai.request.model}), each over all time and over sliding windows; and checks latency
 * thresholds.
 *
 * <pre>{@code
 * LatencyMetricsProcessor latency = LatencyMetricsProcessor.builder()
 *     .threshold(LatencyThreshold.of(OperationKey.tool("lookup_order"), 95, Duration.ofSeconds(2)))
 *     .onViolation(violation -> alerts.send(violation.message()))
 *     .build();
 * TracerSdk tracer = TracerSdk.builder().addSpanProcessor(latency).build();
 * ...
 * long p95 = latency.latency(OperationKey.model("gpt-4o")).orElseThrow()
 *     .window(Duration.ofHours(1)).p95();
 * List<ThresholdViolation> violations = latency.checkThresholds(); // e.g. every 10 s
 * }</pre>
 *
 * <p>Guarantees: recording is lock-free apart from the first span of a new operation; memory is
 * bounded by {@code maxOperations} (default {@value #DEFAULT_MAX_OPERATIONS}) times the bounded
 * size of one operation's histograms, however many spans end. One operation holds a histogram for
 * all time and one per sub-window with values (49 with the default windows); each takes about 0.5
 * KB per power of two its values span, so an operation whose latencies range over 1 ms to 1 s and
 * that is busy all day holds about 250 KB (the hard ceiling, values over every power of two, is 31
 * KB per histogram). Operations beyond the limit (span names with ids in them, say) are measured
 * together under the value {@value #OTHER} of their dimension and counted by {@link
 * #overflowedRecordings()}. It measures the spans it sees: put it beside, not behind, a tail
 * sampler to measure every recorded span.
 */
public final class LatencyMetricsProcessor implements SpanProcessor {
  /** The value under which operations beyond {@code maxOperations} are measured. */
  public static final String OTHER = "_other";

  /** The default limit on distinct operations. */
  public static final int DEFAULT_MAX_OPERATIONS = 256;

  private static final Logger logger = LoggerFactory.getLogger(LatencyMetricsProcessor.class);

  private final Clock clock;
  private final List<WindowSpec> windows;
  private final int maxOperations;
  private final List<LatencyThreshold> thresholds;
  private final Consumer<ThresholdViolation> onViolation;
  private final Map<Dimension, ConcurrentHashMap<String, OperationLatency>> operations =
      new EnumMap<>(Dimension.class);
  private final AtomicInteger operationCount = new AtomicInteger();
  private final LongAdder overflowed = new LongAdder();

  private LatencyMetricsProcessor(Builder builder) {
    this.clock = builder.clock;
    List<WindowSpec> specs = new ArrayList<>(builder.windows);
    specs.sort(Comparator.comparing(WindowSpec::subWindow));
    this.windows = List.copyOf(specs);
    this.maxOperations = builder.maxOperations;
    this.thresholds = List.copyOf(builder.thresholds);
    this.onViolation = builder.onViolation;
    for (Dimension dimension : Dimension.values()) {
      operations.put(dimension, new ConcurrentHashMap<>());
    }
  }

  /** A builder with the defaults: last minute, hour and day; 256 operations; no thresholds. */
  public static Builder builder() {
    return new Builder();
  }

  @Override
  public void onEnd(SpanData span) {
    long nanos = span.durationNanos();
    record(Dimension.SPAN_NAME, span.name(), nanos);
    Attributes attributes = span.attributes();
    for (Dimension dimension : Dimension.values()) {
      if (dimension.attribute() != null) {
        String value = attributes.get(dimension.attribute());
        if (value != null) {
          record(dimension, value, nanos);
        }
      }
    }
  }

  private void record(Dimension dimension, String value, long nanos) {
    ConcurrentHashMap<String, OperationLatency> byValue = operations.get(dimension);
    OperationLatency latency = byValue.get(value);
    if (latency == null) {
      latency = byValue.computeIfAbsent(value, v -> newOperation(dimension, v));
      if (latency == null) {
        overflowed.increment();
        latency =
            byValue.computeIfAbsent(
                OTHER, v -> new OperationLatency(new OperationKey(dimension, v), windows, clock));
      }
    }
    latency.record(nanos);
  }

  /** A new operation, or null (no mapping) once the limit is reached. */
  private OperationLatency newOperation(Dimension dimension, String value) {
    if (operationCount.incrementAndGet() > maxOperations) {
      operationCount.decrementAndGet();
      return null;
    }
    return new OperationLatency(new OperationKey(dimension, value), windows, clock);
  }

  /** The latencies of {@code operation}, if any span of it ended. */
  public Optional<OperationLatency> latency(OperationKey operation) {
    return Optional.ofNullable(operations.get(operation.dimension()).get(operation.value()));
  }

  /** Every operation measured so far, by dimension, then value. */
  public List<OperationKey> operations() {
    List<OperationKey> keys = new ArrayList<>();
    for (Map.Entry<Dimension, ConcurrentHashMap<String, OperationLatency>> dimension :
        operations.entrySet()) {
      for (String value : dimension.getValue().keySet()) {
        keys.add(new OperationKey(dimension.getKey(), value));
      }
    }
    keys.sort(Comparator.comparing(OperationKey::dimension).thenComparing(OperationKey::value));
    return keys;
  }

  /** How many recordings went to {@value #OTHER} because {@code maxOperations} was reached. */
  public long overflowedRecordings() {
    return overflowed.sum();
  }

  /** The configured thresholds. */
  public List<LatencyThreshold> thresholds() {
    return thresholds;
  }

  /**
   * Checks every threshold against the latencies now, hands each violation to the {@code
   * onViolation} callback (if any; a callback that throws is logged) and returns them. An operation
   * with no spans, or fewer than the threshold's {@code minCount}, passes. Cheap enough to call
   * every few seconds; nothing checks on its own.
   */
  public List<ThresholdViolation> checkThresholds() {
    List<ThresholdViolation> violations = new ArrayList<>();
    for (LatencyThreshold threshold : thresholds) {
      Optional<OperationLatency> latency = latency(threshold.operation());
      if (latency.isEmpty()) {
        continue;
      }
      HistogramSnapshot snapshot =
          threshold.window() == null
              ? latency.get().total()
              : latency.get().window(threshold.window());
      if (snapshot.count() < threshold.minCount()) {
        continue;
      }
      long observed = snapshot.percentile(threshold.percentile());
      if (observed > threshold.limit().toNanos()) {
        violations.add(
            new ThresholdViolation(threshold, Duration.ofNanos(observed), snapshot.count()));
      }
    }
    if (onViolation != null) {
      for (ThresholdViolation violation : violations) {
        try {
          onViolation.accept(violation);
        } catch (RuntimeException e) {
          logger.warn("Threshold violation callback failed for {}", violation, e);
        }
      }
    }
    return violations;
  }

  @Override
  public String toString() {
    return "LatencyMetricsProcessor{" + operationCount.get() + " operations}";
  }

  /** Builds a {@link LatencyMetricsProcessor}. */
  public static final class Builder {
    private Clock clock = Clock.system();
    private List<WindowSpec> windows =
        List.of(
            new WindowSpec(Duration.ofSeconds(10), 12),
            new WindowSpec(Duration.ofMinutes(10), 12),
            new WindowSpec(Duration.ofHours(2), 24));
    private boolean defaultWindows = true;
    private int maxOperations = DEFAULT_MAX_OPERATIONS;
    private final List<LatencyThreshold> thresholds = new ArrayList<>();
    private Consumer<ThresholdViolation> onViolation;

    private Builder() {}

    /** Sets the clock that times sliding windows, for tests. */
    public Builder clock(Clock clock) {
      this.clock = requireNonNull(clock, "clock");
      return this;
    }

    /**
     * Adds a sliding window of {@code subWindows} sub-windows of {@code subWindow}; the first call
     * replaces the defaults (10 s x 12, 10 min x 12 and 2 h x 24: the last minute, hour and day,
     * each kept twice so it can be compared with the one before). Windows of up to {@code subWindow
     * * subWindows} can then be read, and compared up to half that.
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
      return this;
    }

    /** Limits the distinct operations measured (all dimensions together). */
    public Builder maxOperations(int maxOperations) {
      if (maxOperations < 1) {
        throw new IllegalArgumentException("maxOperations must be at least 1");
      }
      this.maxOperations = maxOperations;
      return this;
    }

    /** Adds a threshold that {@link #checkThresholds()} checks. */
    public Builder threshold(LatencyThreshold threshold) {
      thresholds.add(requireNonNull(threshold, "threshold"));
      return this;
    }

    /** Sets what {@link #checkThresholds()} calls for each violation it finds. */
    public Builder onViolation(Consumer<ThresholdViolation> onViolation) {
      this.onViolation = requireNonNull(onViolation, "onViolation");
      return this;
    }

    /** The processor. */
    public LatencyMetricsProcessor build() {
      return new LatencyMetricsProcessor(this);
    }
  }
}

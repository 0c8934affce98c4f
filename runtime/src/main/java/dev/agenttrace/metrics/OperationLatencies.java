package dev.agenttrace.metrics;

import dev.agenttrace.metrics.OperationKey.Dimension;
import dev.agenttrace.metrics.OperationLatency.WindowSpec;
import dev.agenttrace.spi.Clock;
import dev.agenttrace.spi.SpanData;
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
 * The latency part of {@link TracingMetrics}: per span name, agent, tool and model, over all time
 * and over sliding windows, and the thresholds checked against them.
 *
 * <p>Memory is bounded by {@code maxOperations} operations (all dimensions together); operations
 * beyond it, and values longer than {@link SeriesTable#MAX_VALUE_LENGTH} characters, are measured
 * together under {@link TracingMetrics#OTHER_OPERATION} of their dimension and counted. Recording
 * reads attributes one by one and allocates only for the first span of an operation and when a
 * sliding window moves on to a new sub-window.
 */
final class OperationLatencies {
  private static final Logger logger = LoggerFactory.getLogger(OperationLatencies.class);

  /** The dimensions read from attributes; {@code values()} would copy the array on every span. */
  private static final Dimension[] ATTRIBUTE_DIMENSIONS = {
    Dimension.AGENT, Dimension.TOOL, Dimension.MODEL
  };

  private final Clock clock;
  private final List<WindowSpec> windows;
  private final int maxOperations;
  private final List<LatencyThreshold> thresholds;
  private final Consumer<ThresholdViolation> onViolation;
  private final Map<Dimension, ConcurrentHashMap<String, OperationLatency>> operations =
      new EnumMap<>(Dimension.class);
  private final AtomicInteger operationCount = new AtomicInteger();
  private final LongAdder overflowed = new LongAdder();

  OperationLatencies(
      Clock clock,
      List<WindowSpec> windows,
      int maxOperations,
      List<LatencyThreshold> thresholds,
      Consumer<ThresholdViolation> onViolation) {
    this.clock = clock;
    List<WindowSpec> specs = new ArrayList<>(windows);
    specs.sort(Comparator.comparing(WindowSpec::subWindow));
    this.windows = List.copyOf(specs);
    this.maxOperations = maxOperations;
    this.thresholds = List.copyOf(thresholds);
    this.onViolation = onViolation;
    for (Dimension dimension : Dimension.values()) {
      operations.put(dimension, new ConcurrentHashMap<>());
    }
  }

  void record(SpanData span) {
    long nanos = span.durationNanos();
    long now = clock.nanoTime();
    record(Dimension.SPAN_NAME, span.name(), nanos, now);
    for (Dimension dimension : ATTRIBUTE_DIMENSIONS) {
      String value = span.attribute(dimension.attribute());
      if (value != null) {
        record(dimension, value, nanos, now);
      }
    }
  }

  private void record(Dimension dimension, String value, long nanos, long now) {
    ConcurrentHashMap<String, OperationLatency> byValue = operations.get(dimension);
    OperationLatency latency = null;
    if (value.length() <= SeriesTable.MAX_VALUE_LENGTH) {
      latency = byValue.get(value);
      if (latency == null && operationCount.get() < maxOperations) {
        latency = byValue.computeIfAbsent(value, v -> newOperation(dimension, v));
      }
    }
    if (latency == null) {
      overflowed.increment();
      latency = byValue.get(TracingMetrics.OTHER_OPERATION);
      if (latency == null) {
        latency =
            byValue.computeIfAbsent(
                TracingMetrics.OTHER_OPERATION,
                v -> new OperationLatency(new OperationKey(dimension, v), windows, clock));
      }
    }
    latency.record(nanos, now);
  }

  /** A new operation, or null (no mapping) once the limit is reached. */
  private OperationLatency newOperation(Dimension dimension, String value) {
    if (operationCount.incrementAndGet() > maxOperations) {
      operationCount.decrementAndGet();
      return null;
    }
    return new OperationLatency(new OperationKey(dimension, value), windows, clock);
  }

  Optional<OperationLatency> latency(OperationKey operation) {
    return Optional.ofNullable(operations.get(operation.dimension()).get(operation.value()));
  }

  List<OperationKey> operations() {
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

  long overflowed() {
    return overflowed.sum();
  }

  List<LatencyThreshold> thresholds() {
    return thresholds;
  }

  List<ThresholdViolation> checkThresholds() {
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

  int size() {
    return operationCount.get();
  }
}

package dev.agenttrace.opentelemetry;

import static java.util.Objects.requireNonNull;

import dev.agenttrace.metrics.GenAiConventions;
import dev.agenttrace.metrics.HistogramMetric;
import dev.agenttrace.metrics.HistogramPoint;
import dev.agenttrace.metrics.LongMetric;
import dev.agenttrace.metrics.LongPoint;
import dev.agenttrace.metrics.MetricsSnapshot;
import dev.agenttrace.metrics.TracingMetrics;
import dev.agenttrace.spi.Clock;
import io.opentelemetry.sdk.common.InstrumentationScopeInfo;
import io.opentelemetry.sdk.metrics.data.AggregationTemporality;
import io.opentelemetry.sdk.metrics.data.GaugeData;
import io.opentelemetry.sdk.metrics.data.HistogramData;
import io.opentelemetry.sdk.metrics.data.HistogramPointData;
import io.opentelemetry.sdk.metrics.data.LongPointData;
import io.opentelemetry.sdk.metrics.data.MetricData;
import io.opentelemetry.sdk.metrics.data.MetricDataType;
import io.opentelemetry.sdk.metrics.data.SumData;
import io.opentelemetry.sdk.metrics.export.MetricProducer;
import io.opentelemetry.sdk.resources.Resource;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * Hands {@link TracingMetrics} to the OpenTelemetry SDK's metrics pipeline, so that every metric
 * reader and exporter of an {@code SdkMeterProvider} (OTLP to a Collector, Prometheus, logging)
 * receives them: the GenAI histograms of the conventions with their names, units, attributes and
 * explicit bucket boundaries, and tracing's own counters and gauges.
 *
 * <pre>{@code
 * SdkMeterProvider meters = SdkMeterProvider.builder()
 *     .setResource(resource)
 *     .registerMetricReader(PeriodicMetricReader.create(OtlpHttpMetricExporter.getDefault()))
 *     .registerMetricProducer(AgentTraceMetricProducer.create(tracing.tracingMetrics()))
 *     .build();
 * }</pre>
 *
 * <p>Each collection takes one {@link TracingMetrics#snapshot()}: the values are recorded once, by
 * AgentTrace, and are the same numbers its Prometheus text shows. Points are cumulative from the
 * moment the metrics were created. The GenAI metrics come under the instrumentation scope {@value
 * #GEN_AI_SCOPE} with the conventions' schema URL ({@link GenAiConventions#SCHEMA_URL}), the
 * counters under {@value #SCOPE}. Operation latency quantiles and the span duration summary stay in
 * the Prometheus text (OpenTelemetry has no summary instrument); backends compute percentiles from
 * the histograms instead.
 */
public final class AgentTraceMetricProducer implements MetricProducer {
  /** The instrumentation scope of tracing's own counters. */
  public static final String SCOPE = "dev.agenttrace";

  /** The instrumentation scope of the GenAI metrics. */
  public static final String GEN_AI_SCOPE = "dev.agenttrace.genai";

  private static final InstrumentationScopeInfo COUNTERS = InstrumentationScopeInfo.create(SCOPE);
  private static final InstrumentationScopeInfo GEN_AI =
      InstrumentationScopeInfo.builder(GEN_AI_SCOPE)
          .setSchemaUrl(GenAiConventions.SCHEMA_URL)
          .build();

  private final TracingMetrics metrics;

  private AgentTraceMetricProducer(TracingMetrics metrics) {
    this.metrics = metrics;
  }

  /** A producer reading {@code metrics}. */
  public static AgentTraceMetricProducer create(TracingMetrics metrics) {
    return new AgentTraceMetricProducer(requireNonNull(metrics, "metrics"));
  }

  @Override
  public Collection<MetricData> produce(Resource resource) {
    MetricsSnapshot snapshot = metrics.snapshot();
    long start = snapshot.startEpochNanos();
    long now = Math.max(start, Clock.system().epochNanos());
    List<MetricData> produced = new ArrayList<>();
    for (LongMetric metric : snapshot.longMetrics()) {
      if (!metric.points().isEmpty()) {
        produced.add(longMetric(resource, metric, start, now));
      }
    }
    for (HistogramMetric metric : snapshot.histograms()) {
      produced.add(histogram(resource, metric, start, now));
    }
    return produced;
  }

  private static MetricData longMetric(Resource resource, LongMetric metric, long start, long now) {
    List<LongPointData> points = new ArrayList<>(metric.points().size());
    for (LongPoint point : metric.points()) {
      points.add(
          LongPointData.create(
              start, now, OpenTelemetryMapping.toOtel(point.attributes()), point.value()));
    }
    return metric.monotonic()
        ? new BridgedMetricData(
            resource,
            COUNTERS,
            metric.name(),
            metric.description(),
            metric.unit(),
            MetricDataType.LONG_SUM,
            SumData.createLongSumData(true, AggregationTemporality.CUMULATIVE, points))
        : new BridgedMetricData(
            resource,
            COUNTERS,
            metric.name(),
            metric.description(),
            metric.unit(),
            MetricDataType.LONG_GAUGE,
            GaugeData.createLongGaugeData(points));
  }

  private static MetricData histogram(
      Resource resource, HistogramMetric metric, long start, long now) {
    List<HistogramPointData> points = new ArrayList<>(metric.points().size());
    for (HistogramPoint point : metric.points()) {
      points.add(
          HistogramPointData.create(
              start,
              now,
              OpenTelemetryMapping.toOtel(point.attributes()),
              point.sum(),
              true,
              point.min(),
              true,
              point.max(),
              metric.boundaries(),
              point.bucketCounts()));
    }
    return new BridgedMetricData(
        resource,
        GEN_AI,
        metric.name(),
        metric.description(),
        metric.unit(),
        MetricDataType.HISTOGRAM,
        HistogramData.create(AggregationTemporality.CUMULATIVE, points));
  }

  @Override
  public String toString() {
    return "AgentTraceMetricProducer{" + metrics + '}';
  }
}

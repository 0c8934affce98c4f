package dev.agenttrace.benchmarks;

import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.sdk.common.CompletableResultCode;
import io.opentelemetry.sdk.common.export.MemoryMode;
import io.opentelemetry.sdk.metrics.InstrumentType;
import io.opentelemetry.sdk.metrics.SdkMeterProvider;
import io.opentelemetry.sdk.metrics.data.AggregationTemporality;
import io.opentelemetry.sdk.metrics.data.LongPointData;
import io.opentelemetry.sdk.metrics.data.MetricData;
import io.opentelemetry.sdk.metrics.data.MetricDataType;
import io.opentelemetry.sdk.metrics.export.CollectionRegistration;
import io.opentelemetry.sdk.metrics.export.MetricReader;

/**
 * Reads how many spans the OpenTelemetry SDK's {@code BatchSpanProcessor} dropped, from the
 * processed-spans counter it reports to the meter provider it is given (the SDK has no getter for
 * it), so that the benchmarks print drop counts for both pipelines. Collected only when asked, at
 * the end of a trial: nothing runs per span beyond what the processor itself records.
 */
final class OtelDropCounter implements MetricReader {
  private static final AttributeKey<Boolean> DROPPED = AttributeKey.booleanKey("dropped");
  private static final AttributeKey<String> ERROR_TYPE = AttributeKey.stringKey("error.type");

  // Declared before the meter provider, whose construction calls register(): a later initializer
  // would overwrite the registration.
  private volatile CollectionRegistration registration = CollectionRegistration.noop();
  final SdkMeterProvider meterProvider =
      SdkMeterProvider.builder().registerMetricReader(this).build();

  /** Spans the processor counted as dropped (queue full) so far. */
  long dropped() {
    long dropped = 0;
    for (MetricData metric : registration.collectAllMetrics()) {
      if (metric.getType() != MetricDataType.LONG_SUM) {
        continue;
      }
      for (LongPointData point : metric.getLongSumData().getPoints()) {
        if (Boolean.TRUE.equals(point.getAttributes().get(DROPPED))
            || point.getAttributes().get(ERROR_TYPE) != null) {
          dropped += point.getValue();
        }
      }
    }
    return dropped;
  }

  @Override
  public void register(CollectionRegistration registration) {
    this.registration = registration;
  }

  @Override
  public AggregationTemporality getAggregationTemporality(InstrumentType instrumentType) {
    return AggregationTemporality.CUMULATIVE;
  }

  @Override
  public MemoryMode getMemoryMode() {
    return MemoryMode.IMMUTABLE_DATA;
  }

  @Override
  public CompletableResultCode forceFlush() {
    return CompletableResultCode.ofSuccess();
  }

  @Override
  public CompletableResultCode shutdown() {
    return CompletableResultCode.ofSuccess();
  }
}

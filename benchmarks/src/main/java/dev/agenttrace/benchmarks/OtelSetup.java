package dev.agenttrace.benchmarks;

import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.sdk.resources.Resource;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.export.BatchSpanProcessor;
import io.opentelemetry.sdk.trace.samplers.Sampler;
import java.util.concurrent.TimeUnit;

/**
 * The OpenTelemetry SDK as a careful user sets it up: always-on sampler, a {@link
 * BatchSpanProcessor} feeding an exporter (here one that reads every span as an encoder would),
 * span attribute keys in constants.
 */
final class OtelSetup implements AutoCloseable {
  static final AttributeKey<String> OPERATION = AttributeKey.stringKey("gen_ai.operation.name");
  static final AttributeKey<String> TOOL_NAME = AttributeKey.stringKey("gen_ai.tool.name");
  static final AttributeKey<String> TOOL_DESCRIPTION =
      AttributeKey.stringKey("gen_ai.tool.description");
  static final AttributeKey<String> TOOL_TYPE = AttributeKey.stringKey("gen_ai.tool.type");
  static final AttributeKey<String> AGENT_NAME = AttributeKey.stringKey("gen_ai.agent.name");
  static final AttributeKey<String> MODEL = AttributeKey.stringKey("gen_ai.request.model");
  static final AttributeKey<String> PROVIDER = AttributeKey.stringKey("gen_ai.provider.name");
  static final AttributeKey<String> FUNCTION = AttributeKey.stringKey("code.function.name");
  static final AttributeKey<Long> ORDER_ID = AttributeKey.longKey("order.id");

  final ReadingOtelExporter exporter = new ReadingOtelExporter();
  private final OtelDropCounter drops = new OtelDropCounter();
  final SdkTracerProvider provider =
      SdkTracerProvider.builder()
          .setResource(Resource.getDefault().toBuilder().put("service.name", "bench").build())
          .setSampler(Sampler.alwaysOn())
          .addSpanProcessor(
              BatchSpanProcessor.builder(exporter)
                  .setMaxQueueSize(AgentTraceSetup.QUEUE_SIZE)
                  .setMeterProvider(drops.meterProvider)
                  .build())
          .build();
  final Tracer tracer = provider.get("dev.agenttrace.benchmarks");

  @Override
  public void close() {
    provider.shutdown().join(10, TimeUnit.SECONDS);
    System.out.printf(
        "%n[opentelemetry] exported %d spans, dropped %d%n",
        exporter.exported.sum(), drops.dropped());
    drops.meterProvider.close();
  }
}

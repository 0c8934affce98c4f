package dev.agenttrace.benchmarks;

import dev.agenttrace.AgentTrace;
import dev.agenttrace.processing.BatchSpanProcessor;
import dev.agenttrace.processing.Sampler;
import dev.agenttrace.sdk.TracerSdk;
import java.time.Duration;

/**
 * Installs an AgentTrace tracer for one benchmark trial, set up as a user would for production: a
 * {@link BatchSpanProcessor} feeding an exporter, here one that reads every span as an encoder
 * would and keeps none.
 */
final class AgentTraceSetup implements AutoCloseable {
  /**
   * Large enough that a worker descheduled for a few milliseconds on a busy 2-core machine drops
   * nothing at the benchmark's rates; {@link OtelSetup} uses the same size.
   */
  static final int QUEUE_SIZE = 65_536;

  final ReadingSpanExporter exporter = new ReadingSpanExporter();
  final BatchSpanProcessor batch =
      BatchSpanProcessor.builder(exporter).maxQueueSize(QUEUE_SIZE).build();
  final TracerSdk tracer;

  private AgentTraceSetup(Sampler sampler) {
    tracer =
        TracerSdk.builder().serviceName("bench").sampler(sampler).addSpanProcessor(batch).build();
    AgentTrace.install(tracer);
  }

  /** Every span recorded and exported. */
  static AgentTraceSetup recording() {
    return new AgentTraceSetup(Sampler.alwaysOn());
  }

  /**
   * Every trace sampled out, with parent-based sampling as in production: the root is dropped by
   * the ratio sampler, calls inside it follow.
   */
  static AgentTraceSetup sampledOut() {
    return new AgentTraceSetup(Sampler.parentBased(Sampler.alwaysOff()));
  }

  @Override
  public void close() {
    AgentTrace.uninstall();
    tracer.shutdown(Duration.ofSeconds(10));
    System.out.printf(
        "%n[agenttrace] exported %d spans, dropped %d, failed %d%n",
        exporter.exported.sum(), batch.droppedSpans(), batch.metrics().spansFailed());
  }
}

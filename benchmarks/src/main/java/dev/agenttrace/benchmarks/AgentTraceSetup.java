package dev.agenttrace.benchmarks;

import dev.agenttrace.AgentTrace;
import dev.agenttrace.processing.Sampler;
import dev.agenttrace.sdk.TracerSdk;
import java.time.Duration;

/** Installs an AgentTrace tracer for one benchmark trial and removes it afterwards. */
final class AgentTraceSetup implements AutoCloseable {
  final CountingSpanProcessor counter = new CountingSpanProcessor();
  final TracerSdk tracer;

  private AgentTraceSetup(Sampler sampler) {
    tracer =
        TracerSdk.builder().serviceName("bench").sampler(sampler).addSpanProcessor(counter).build();
    AgentTrace.install(tracer);
  }

  /** Every span recorded and handed to the processor pipeline. */
  static AgentTraceSetup recording() {
    return new AgentTraceSetup(Sampler.alwaysOn());
  }

  /** Every span sampled out. */
  static AgentTraceSetup sampledOut() {
    return new AgentTraceSetup(Sampler.alwaysOff());
  }

  @Override
  public void close() {
    AgentTrace.uninstall();
    tracer.shutdown(Duration.ofSeconds(10));
  }
}

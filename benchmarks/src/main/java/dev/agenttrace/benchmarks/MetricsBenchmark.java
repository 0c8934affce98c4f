package dev.agenttrace.benchmarks;

import dev.agenttrace.AgentTrace;
import dev.agenttrace.metrics.TracingMetrics;
import dev.agenttrace.processing.BatchSpanProcessor;
import dev.agenttrace.sdk.TracerSdk;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * What metrics cost a traced model call: one call of a generated {@code @LlmCall} proxy whose reply
 * carries token counts, recorded and exported through a batch processor as in production, without
 * metrics, with {@link TracingMetrics} as {@code TracingConfig} sets it up (tracing's counters and
 * the GenAI histograms: {@code gen_ai.client.operation.duration} and two {@code
 * gen_ai.client.token.usage} series per call), and with operation latency over sliding windows on
 * as well. Run it with {@code -prof gc}: metrics add no bytes per call in steady state.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(
    value = 2,
    jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
public class MetricsBenchmark {
  private static final MeteredModel.Reply REPLY = new MeteredModel.Reply(42, 1200, 400);

  /** A tracer exporting through a batch processor, with the metrics given (or none) in front. */
  abstract static class Tracing {
    TracerSdk tracer;
    BatchSpanProcessor batch;
    MeteredModel model;

    void install(TracingMetrics metrics) {
      ReadingSpanExporter exporter = new ReadingSpanExporter();
      batch = BatchSpanProcessor.builder(exporter).maxQueueSize(AgentTraceSetup.QUEUE_SIZE).build();
      TracerSdk.Builder builder = TracerSdk.builder().serviceName("bench");
      if (metrics != null) {
        builder.addSpanProcessor(metrics);
      }
      tracer = builder.addSpanProcessor(batch).build();
      AgentTrace.install(tracer);
      model = MeteredModelTraced.wrap(promptId -> REPLY);
    }

    @TearDown(Level.Trial)
    public void tearDown() {
      AgentTrace.uninstall();
      tracer.shutdown(Duration.ofSeconds(10));
      System.out.printf("%n[agenttrace] dropped %d spans%n", batch.droppedSpans());
    }
  }

  @State(org.openjdk.jmh.annotations.Scope.Benchmark)
  public static class MetricsOff extends Tracing {
    @Setup(Level.Trial)
    public void setUp() {
      install(null);
    }
  }

  @State(org.openjdk.jmh.annotations.Scope.Benchmark)
  public static class GenAiMetrics extends Tracing {
    @Setup(Level.Trial)
    public void setUp() {
      install(TracingMetrics.create());
    }
  }

  @State(org.openjdk.jmh.annotations.Scope.Benchmark)
  public static class AllMetrics extends Tracing {
    @Setup(Level.Trial)
    public void setUp() {
      install(TracingMetrics.builder().operationLatency(true).build());
    }
  }

  @Benchmark
  public MeteredModel.Reply modelCallMetricsOff(MetricsOff state, CallIds ids) {
    return state.model.complete(ids.nextId());
  }

  @Benchmark
  public MeteredModel.Reply modelCallGenAiMetrics(GenAiMetrics state, CallIds ids) {
    return state.model.complete(ids.nextId());
  }

  @Benchmark
  public MeteredModel.Reply modelCallAllMetrics(AllMetrics state, CallIds ids) {
    return state.model.complete(ids.nextId());
  }
}

package dev.agenttrace.benchmarks;

import dev.agenttrace.AgentTrace;
import dev.agenttrace.processing.BatchSpanProcessor;
import dev.agenttrace.processing.Sampler;
import dev.agenttrace.sdk.TracerSdk;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.sdk.resources.Resource;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.export.BatchSpanProcessorBuilder;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

/**
 * The rate one traced caller can push through each batch pipeline at its DEFAULT settings before
 * spans are dropped: AgentTrace's generated proxy into its {@link BatchSpanProcessor} (queue 8,192,
 * batch 512), and the same span written by hand into the OpenTelemetry SDK's {@code
 * BatchSpanProcessor} (queue 2,048, batch 512), both feeding an exporter that reads every span as
 * an encoder would. Then each again with the other's queue size, so that what the queue size does
 * and what the pipeline does can be told apart.
 *
 * <p>Unlike {@code BatchExportBenchmark}, whose producer waits for room, this caller never waits:
 * it makes calls paced to a target rate (spinning between calls, never sleeping, as a busy service
 * thread would) and the pipeline keeps up or drops. For each rate it prints the rate reached, the
 * spans made, exported and dropped, and the dropped share.
 *
 * <p>Arguments: seconds per rate (default 3), then rates in spans per second (default 250000 500000
 * 1000000 2000000 3000000 4000000). Each pipeline first runs one unmeasured second at the lowest
 * rate so the JIT has compiled both paths.
 */
public final class PacedExportLoad {
  /**
   * Held in a field: java.util.logging keeps loggers weakly, so a level set on one nobody holds is
   * lost at the next garbage collection.
   */
  private static final java.util.logging.Logger OTEL_BATCH_LOGGER =
      java.util.logging.Logger.getLogger("io.opentelemetry.sdk.trace.export.BatchSpanProcessor");

  private PacedExportLoad() {}

  public static void main(String[] args) throws InterruptedException {
    double seconds = args.length > 0 ? Double.parseDouble(args[0]) : 3;
    List<Long> rates = new ArrayList<>();
    for (int i = 1; i < args.length; i++) {
      rates.add(Long.parseLong(args[i]));
    }
    if (rates.isEmpty()) {
      rates.addAll(List.of(250_000L, 500_000L, 1_000_000L, 2_000_000L, 3_000_000L, 4_000_000L));
    }
    // The SDK logs every drop through java.util.logging; the table counts them.
    OTEL_BATCH_LOGGER.setLevel(java.util.logging.Level.OFF);
    System.out.printf(
        Locale.ROOT,
        "JDK %s, %d cores; %.1f s per rate, batches of 512%n%n",
        Runtime.version(),
        Runtime.getRuntime().availableProcessors(),
        seconds);
    System.out.println(
        "| Pipeline | Queue | Target spans/s | Reached spans/s | Spans | Exported | Dropped |"
            + " Dropped share |");
    System.out.println("|---|---:|---:|---:|---:|---:|---:|---:|");
    run(new AgentTracePipeline(0), rates.get(0), 1, false);
    for (int queue : new int[] {0, OTEL_DEFAULT_QUEUE}) {
      for (long rate : rates) {
        print(
            "AgentTrace",
            queue,
            AGENTTRACE_DEFAULT_QUEUE,
            rate,
            run(new AgentTracePipeline(queue), rate, seconds, true));
      }
    }
    run(new OtelPipeline(0), rates.get(0), 1, false);
    for (int queue : new int[] {0, AGENTTRACE_DEFAULT_QUEUE}) {
      for (long rate : rates) {
        print(
            "OpenTelemetry SDK",
            queue,
            OTEL_DEFAULT_QUEUE,
            rate,
            run(new OtelPipeline(queue), rate, seconds, true));
      }
    }
  }

  private static final int AGENTTRACE_DEFAULT_QUEUE = 8192;
  private static final int OTEL_DEFAULT_QUEUE = 2048;

  /** One pipeline at its defaults, with one traced call. */
  private interface Pipeline {
    int call(int orderId);

    /** Flushes, shuts down and returns {exported, dropped}. */
    long[] finish();
  }

  private static long[] run(Pipeline pipeline, long rate, double seconds, boolean measured)
      throws InterruptedException {
    long interval = TimeUnit.SECONDS.toNanos(1) / rate;
    long calls = (long) (rate * seconds);
    long sink = 0;
    long start = System.nanoTime();
    long next = start;
    for (long i = 0; i < calls; i++) {
      while (System.nanoTime() - next < 0) {
        Thread.onSpinWait();
      }
      sink += pipeline.call((int) i);
      next += interval;
    }
    long elapsed = System.nanoTime() - start;
    long[] outcome = pipeline.finish();
    if (sink == 42) {
      System.out.print("");
    }
    Thread.sleep(200); // let the previous pipeline's threads go before the next starts
    return new long[] {calls, elapsed, outcome[0], outcome[1]};
  }

  /**
   * Prints one row; a {@code queue} of 0 stands for the pipeline's default, {@code defaultQueue}.
   */
  private static void print(String name, int queue, int defaultQueue, long rate, long[] result) {
    long calls = result[0];
    double reached = calls / (result[1] / 1e9);
    System.out.printf(
        Locale.ROOT,
        "| %s | %s | %,d | %,.0f | %,d | %,d | %,d | %.2f %% |%n",
        name,
        queue == 0
            ? String.format(Locale.ROOT, "%,d (default)", defaultQueue)
            : String.format(Locale.ROOT, "%,d", queue),
        rate,
        reached,
        calls,
        result[2],
        result[3],
        100.0 * result[3] / calls);
  }

  private static final class AgentTracePipeline implements Pipeline {
    final ReadingSpanExporter exporter = new ReadingSpanExporter();
    final BatchSpanProcessor batch;
    final TracerSdk tracer;
    final OrderLookup tool;

    /** At the default settings, or with {@code queue} slots unless it is 0. */
    AgentTracePipeline(int queue) {
      BatchSpanProcessor.Builder settings = BatchSpanProcessor.builder(exporter);
      batch = (queue == 0 ? settings : settings.maxQueueSize(queue)).build();
      tracer =
          TracerSdk.builder()
              .serviceName("bench")
              .sampler(Sampler.alwaysOn())
              .addSpanProcessor(batch)
              .build();
      AgentTrace.install(tracer);
      tool = OrderLookupTraced.wrap(new DirectOrderLookup());
    }

    @Override
    public int call(int orderId) {
      return tool.lookup(orderId);
    }

    @Override
    public long[] finish() {
      AgentTrace.uninstall();
      tracer.shutdown(Duration.ofSeconds(10));
      return new long[] {exporter.exported.sum(), batch.droppedSpans()};
    }
  }

  private static final class OtelPipeline implements Pipeline {
    final ReadingOtelExporter exporter = new ReadingOtelExporter();
    final OtelDropCounter drops = new OtelDropCounter();
    final SdkTracerProvider provider;
    final Tracer tracer;
    final OrderLookup tool = new DirectOrderLookup();

    /** At the default settings, or with {@code queue} slots unless it is 0. */
    OtelPipeline(int queue) {
      BatchSpanProcessorBuilder settings =
          io.opentelemetry.sdk.trace.export.BatchSpanProcessor.builder(exporter)
              .setMeterProvider(drops.meterProvider);
      provider =
          SdkTracerProvider.builder()
              .setResource(Resource.getDefault().toBuilder().put("service.name", "bench").build())
              .setSampler(io.opentelemetry.sdk.trace.samplers.Sampler.alwaysOn())
              .addSpanProcessor((queue == 0 ? settings : settings.setMaxQueueSize(queue)).build())
              .build();
      tracer = provider.get("dev.agenttrace.benchmarks");
    }

    @Override
    public int call(int orderId) {
      return OtelTracedLookup.lookup(tracer, tool, orderId);
    }

    @Override
    public long[] finish() {
      provider.shutdown().join(10, TimeUnit.SECONDS);
      long[] outcome = {exporter.exported.sum(), drops.dropped()};
      drops.meterProvider.close();
      return outcome;
    }
  }
}

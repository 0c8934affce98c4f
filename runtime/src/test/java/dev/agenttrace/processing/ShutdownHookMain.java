package dev.agenttrace.processing;

import dev.agenttrace.Attributes;
import dev.agenttrace.config.ConfigProperties;
import dev.agenttrace.config.ConfiguredTracing;
import dev.agenttrace.config.TracingConfig;
import dev.agenttrace.export.JsonLinesSpanExporter;
import dev.agenttrace.testing.TestSpans;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

/**
 * A program that ends spans and exits without shutting tracing down, for {@link ShutdownHookTest}:
 * only the shutdown hooks can get its spans into the files.
 */
final class ShutdownHookMain {
  private ShutdownHookMain() {}

  public static void main(String[] args) {
    BatchSpanProcessor batch =
        BatchSpanProcessor.builder(JsonLinesSpanExporter.builder(Path.of(args[0])).build())
            .scheduleDelay(Duration.ofHours(1))
            .registerShutdownHook(true)
            .build();
    for (int i = 0; i < 3; i++) {
      batch.onEnd(TestSpans.span("span-" + i, Attributes.empty()));
    }
    ConfiguredTracing tracing =
        TracingConfig.builder()
            .read(
                ConfigProperties.of(
                    Map.of(
                        "agenttrace.exporter", "jsonl",
                        "agenttrace.exporter.jsonl.path", args[1],
                        "otel.bsp.schedule.delay", "3600000"),
                    Map.of()))
            .build();
    tracing.tracer().spanBuilder("configured").startSpan().end();
    System.exit(0);
  }
}

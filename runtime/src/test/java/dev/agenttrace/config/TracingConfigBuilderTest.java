package dev.agenttrace.config;

import static org.assertj.core.api.Assertions.assertThat;

import dev.agenttrace.AttributeKey;
import dev.agenttrace.spi.SpanData;
import dev.agenttrace.testing.RecordingExporter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The builder settings that take effect only in what reaches the exporters. */
class TracingConfigBuilderTest {
  @TempDir Path dir;

  @Test
  void addedExporterReceivesEverySpanWithTheResourceAttributes() throws Exception {
    RecordingExporter exporter = new RecordingExporter();
    try (ConfiguredTracing tracing =
        TracingConfig.builder()
            .shutdownHook(false)
            .exporters("none")
            .serviceName("billing")
            .resourceAttribute("deployment.environment", "test")
            .addExporter(exporter)
            .build()) {
      tracing.tracer().spanBuilder("refund").startSpan().end();
    }

    SpanData span = exporter.spans().get(0);
    assertThat(span.name()).isEqualTo("refund");
    assertThat(span.resource().attributes().asMap())
        .containsEntry("service.name", "billing")
        .containsEntry("deployment.environment", "test");
  }

  @Test
  void theQueuedBytesSettingBoundsWhatLargeSpansMayHoldInTheQueue() throws Exception {
    RecordingExporter exporter = new RecordingExporter();
    exporter.hang();
    ConfiguredTracing tracing =
        TracingConfig.builder()
            .shutdownHook(false)
            .exporters("none")
            .addExporter(exporter)
            .batch(64, 2)
            .batchTiming(Duration.ofMillis(1), Duration.ofSeconds(30))
            .read(ConfigProperties.of(Map.of(), Map.of("AGENTTRACE_BSP_MAX_QUEUED_BYTES", "25000")))
            .build();
    try {
      for (int i = 0; i < 20; i++) {
        tracing
            .tracer()
            .spanBuilder("chat " + i)
            .setAttribute(AttributeKey.stringKey("gen_ai.output"), "m".repeat(8_000))
            .startSpan()
            .end();
      }
      // About 8.2 kB each: three fit the budget, plus the batch of two the worker took.
      assertThat(tracing.metrics().spansDropped()).isBetween(20L - 3 - 2, 20L - 3);
    } finally {
      exporter.release();
      tracing.shutdown(Duration.ofSeconds(5));
    }
  }

  @Test
  void batchSettingsBoundTheQueueAndTheBatches() throws Exception {
    RecordingExporter exporter = new RecordingExporter();
    exporter.hang();
    ConfiguredTracing tracing =
        TracingConfig.builder()
            .shutdownHook(false)
            .exporters("none")
            .addExporter(exporter)
            .batch(4, 2)
            .batchTiming(Duration.ofMillis(1), Duration.ofMillis(200))
            .build();
    try {
      for (int i = 0; i < 50; i++) {
        tracing.tracer().spanBuilder("span " + i).startSpan().end();
      }
      // The exporter hangs: at most the queue plus the batch in flight wait, the rest is dropped.
      assertThat(tracing.metrics().spansDropped()).isGreaterThanOrEqualTo(50 - 4 - 2);
    } finally {
      exporter.release();
      tracing.shutdown(Duration.ofSeconds(5));
    }
    assertThat(exporter.batchSizes()).allSatisfy(size -> assertThat(size).isLessThanOrEqualTo(2));
  }

  @Test
  void jsonlFileSetsWhereTheJsonLinesExporterWrites() throws Exception {
    Path file = dir.resolve("spans.jsonl");
    try (ConfiguredTracing tracing =
        TracingConfig.builder()
            .shutdownHook(false)
            .exporters("jsonl")
            .jsonlFile(file, 1 << 20, 1)
            .build()) {
      tracing.tracer().spanBuilder("lookup").startSpan().end();
    }

    List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
    assertThat(lines).singleElement().asString().contains("\"name\":\"lookup\"");
  }
}

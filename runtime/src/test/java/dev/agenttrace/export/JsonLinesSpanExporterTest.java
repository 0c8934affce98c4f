package dev.agenttrace.export;

import static org.assertj.core.api.Assertions.assertThat;

import dev.agenttrace.AttributeKey;
import dev.agenttrace.Attributes;
import dev.agenttrace.export.json.SpanJson;
import dev.agenttrace.spi.ExportResult;
import dev.agenttrace.spi.SpanData;
import dev.agenttrace.testing.TestSpans;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JsonLinesSpanExporterTest {
  @TempDir Path dir;

  @Test
  void writesOneSpanPerLineThatSpanJsonReadsBack() throws IOException {
    Path file = dir.resolve("traces/spans.jsonl");
    JsonLinesSpanExporter exporter = JsonLinesSpanExporter.builder(file).build();
    SpanData span =
        TestSpans.span(
            "execute_tool lookup_order",
            Attributes.builder()
                .put("gen_ai.tool.name", "lookup_order")
                .put(AttributeKey.longKey("order.items"), 3L)
                .build());

    ExportResult result = exporter.export(List.of(span, span));
    exporter.shutdown();

    assertThat(result.isSuccess()).isTrue();
    List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
    assertThat(lines).hasSize(2);
    assertThat(SpanJson.read(lines.get(0))).isEqualTo(span);
  }

  @Test
  void rotatesBySizeKeepingTheNewestBackupsAndWholeLines() throws IOException {
    Path file = dir.resolve("spans.jsonl");
    int lineBytes = (SpanJson.write(TestSpans.span("span-0", Attributes.empty())) + "\n").length();
    JsonLinesSpanExporter exporter =
        JsonLinesSpanExporter.builder(file).maxFileBytes(lineBytes * 3L).maxBackups(2).build();

    for (int i = 0; i < 10; i++) {
      exporter.export(List.of(TestSpans.span("span-" + i, Attributes.empty())));
    }
    exporter.shutdown();

    assertThat(names(file)).containsExactly("span-9");
    assertThat(names(dir.resolve("spans.jsonl.1"))).containsExactly("span-6", "span-7", "span-8");
    assertThat(names(dir.resolve("spans.jsonl.2"))).containsExactly("span-3", "span-4", "span-5");
    assertThat(dir.resolve("spans.jsonl.3")).doesNotExist();
  }

  @Test
  void exportAfterShutdownFailsWithoutThrowing() {
    JsonLinesSpanExporter exporter = JsonLinesSpanExporter.builder(dir.resolve("s.jsonl")).build();
    exporter.shutdown();

    ExportResult result = exporter.export(List.of(TestSpans.span("late", Attributes.empty())));

    assertThat(result.isSuccess()).isFalse();
  }

  private static List<String> names(Path file) throws IOException {
    return Files.readAllLines(file).stream().map(line -> SpanJson.read(line).name()).toList();
  }
}

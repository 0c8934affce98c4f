package dev.agenttrace.example;

import static org.assertj.core.api.Assertions.assertThat;

import dev.agenttrace.spi.SpanData;
import dev.agenttrace.view.JsonLinesReader;
import dev.agenttrace.view.Trace;
import dev.agenttrace.view.TraceAssembler;
import dev.agenttrace.view.TreeRenderer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SupportAppTracesFileTest {
  @TempDir Path dir;

  @Test
  void tracesWrittenToTheFileReadBackAsTheTreesTheAppPrinted() throws IOException {
    ByteArrayOutputStream printed = new ByteArrayOutputStream();
    List<SpanData> spans =
        SupportApp.run(
            new ScriptedChatModel(1), new PrintStream(printed, true, StandardCharsets.UTF_8));
    Path file = dir.resolve("target/traces.jsonl");

    SupportApp.writeJsonLines(spans, file);

    assertThat(Files.readAllLines(file)).hasSize(spans.size());
    JsonLinesReader reader = new JsonLinesReader();
    reader.read(file);
    assertThat(reader.problems()).isEmpty();
    List<Trace> traces = TraceAssembler.assemble(reader.spans());
    assertThat(traces).hasSize(2);
    assertThat(printed.toString(StandardCharsets.UTF_8))
        .contains(TreeRenderer.renderTraces(traces));
    assertThat(TreeRenderer.renderTraces(traces))
        .contains("execute_tool lookup_order", "✗ ERROR OrderNotFoundException: No order ORD-4040");
  }
}

package dev.agenttrace.view;

import static org.assertj.core.api.Assertions.assertThat;

import dev.agenttrace.export.json.SpanJson;
import dev.agenttrace.spi.SpanData;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ViewCommandTest {
  @TempDir Path dir;

  private final ByteArrayOutputStream out = new ByteArrayOutputStream();
  private final ByteArrayOutputStream err = new ByteArrayOutputStream();

  @Test
  void treeOfSpansSpreadOverTwoFilesIsOneTreePerTrace() throws IOException {
    List<SpanData> spans = SampleSpans.allShuffled();
    Path first = jsonLines("first.jsonl", spans.subList(0, 5));
    Path second = jsonLines("second.jsonl", spans.subList(5, spans.size()));

    int status = run("view", first.toString(), second.toString(), "--format", "tree");

    assertThat(status).isZero();
    assertThat(stdout())
        .isEqualTo(TreeRenderer.renderTraces(TraceAssembler.assemble(SampleSpans.allShuffled())));
    assertThat(stderr()).isEmpty();
  }

  @Test
  void unreadableLinesAreReportedWithTheirNumbersAndTheRestIsRendered() throws IOException {
    List<String> lines = new ArrayList<>();
    for (SpanData span : SampleSpans.supportTrace()) {
      lines.add(SpanJson.write(span));
    }
    lines.add(2, "{\"traceId\": \"4bf92f3577b34da6a3ce929d0e0e4736\"");
    lines.add(4, "");
    lines.add("{\"spanId\": \"00000000000000ff\"}");
    Path file = dir.resolve("torn.jsonl");
    Files.write(file, lines, StandardCharsets.UTF_8);

    int status = run("view", file.toString(), "--format", "timeline");

    assertThat(status).isZero();
    assertThat(stderr())
        .startsWith(file + ":3: ")
        .contains(file + ":9: missing string member \"traceId\"")
        .endsWith("view: skipped 2 unreadable lines, rendering the 6 spans read\n");
    assertThat(stdout()).startsWith("Trace 4bf92f3577b34da6a3ce929d0e0e4736 (212 ms, 6 spans)");
  }

  @Test
  void nothingReadableExitsWithOneAndSaysSo() throws IOException {
    Path file = dir.resolve("garbage.jsonl");
    Files.writeString(file, "not json\n");
    Path missing = dir.resolve("missing.jsonl");

    int status = run("view", file.toString(), missing.toString());

    assertThat(status).isEqualTo(1);
    assertThat(stdout()).isEmpty();
    assertThat(stderr())
        .contains(file + ":1: ")
        .contains(missing + ": cannot read the file: no such file")
        .contains("view: no span could be read from " + file + ", " + missing);
  }

  @Test
  void wrongCommandLineExitsWithTwoAndNamesTheProblem() throws IOException {
    Path file = jsonLines("t.jsonl", SampleSpans.supportTrace());

    assertThat(run("view", file.toString(), "--format", "png")).isEqualTo(2);
    assertThat(stderr())
        .isEqualTo(
            "view: unknown format \"png\"; use one of tree, timeline, folded, svg, html, jaeger\n"
                + "Try --help for usage.\n");
  }

  @Test
  void outputOptionWritesTheFileAndConfirmsOnStandardError() throws IOException {
    Path file = jsonLines("t.jsonl", SampleSpans.supportTrace());
    Path svg = dir.resolve("flame.svg");

    int status = run("view", file.toString(), "--format", "svg", "-o", svg.toString());

    assertThat(status).isZero();
    assertThat(stdout()).isEmpty();
    assertThat(Files.readString(svg)).startsWith("<?xml").contains("invoke_agent orchestrator");
    assertThat(stderr()).isEqualTo("view: wrote " + svg + " (1 trace, 6 spans)\n");
  }

  @Test
  void clockSkewAdjustmentCanBeSwitchedOffFromTheCommandLine() throws IOException {
    Path file = jsonLines("skew.jsonl", SampleSpans.skewedTrace());

    run("view", file.toString(), "--format", "timeline", "--no-clock-skew-adjustment");

    assertThat(stdout()).startsWith("Trace 0af7651916cd43dd8448eb211c80319c (3.10 s, 3 spans)");
    assertThat(stdout()).doesNotContain("clock skew");
  }

  @Test
  void helpListsEveryFormat() {
    assertThat(run("--help")).isZero();

    assertThat(stdout())
        .contains("tree", "timeline", "folded", "svg", "html", "jaeger", "Exit status");
  }

  private Path jsonLines(String name, List<SpanData> spans) throws IOException {
    StringBuilder text = new StringBuilder();
    for (SpanData span : spans) {
      text.append(SpanJson.write(span)).append('\n');
    }
    Path file = dir.resolve(name);
    Files.writeString(file, text, StandardCharsets.UTF_8);
    return file;
  }

  private int run(String... args) {
    return ViewCommand.run(args, out, new PrintStream(err, true, StandardCharsets.UTF_8));
  }

  private String stdout() {
    return out.toString(StandardCharsets.UTF_8);
  }

  private String stderr() {
    return err.toString(StandardCharsets.UTF_8);
  }
}

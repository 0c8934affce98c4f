package dev.agenttrace.view;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The example outputs in {@code docs/} are what the renderers make of {@code
 * docs/example-traces.jsonl} today, so they cannot go stale when a renderer changes. Run with
 * {@code -Dagenttrace.updateDocs=true} to rewrite them (and review the diff).
 */
class DocsExamplesTest {
  static final Path DOCS = Path.of("..", "docs");
  static final boolean UPDATE = Boolean.getBoolean("agenttrace.updateDocs");

  @Test
  void exampleTracePageIsTheRenderingOfTheExampleTraces() throws IOException {
    check("example-trace.html", HtmlPageRenderer.render(exampleTraces()));
  }

  @Test
  void exampleFlameGraphIsTheRenderingOfTheExampleTraces() throws IOException {
    check("example-flamegraph.svg", FlameGraphSvgRenderer.render(exampleTraces()));
  }

  static List<Trace> exampleTraces() {
    JsonLinesReader reader = new JsonLinesReader();
    reader.read(DOCS.resolve("example-traces.jsonl"));
    assertThat(reader.problems()).isEmpty();
    return TraceAssembler.assemble(reader.spans());
  }

  private static void check(String name, String rendered) throws IOException {
    Path file = DOCS.resolve(name);
    if (UPDATE) {
      Files.writeString(file, rendered, StandardCharsets.UTF_8);
    }
    assertThat(Files.readString(file, StandardCharsets.UTF_8))
        .as("%s is stale: run this test with -Dagenttrace.updateDocs=true", file)
        .isEqualTo(rendered);
  }
}

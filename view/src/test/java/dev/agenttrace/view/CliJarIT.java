package dev.agenttrace.view;

import static org.assertj.core.api.Assertions.assertThat;

import dev.agenttrace.export.json.SpanJson;
import dev.agenttrace.spi.SpanData;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The packaged command line, as the README runs it: {@code java -jar
 * agenttrace-view-VERSION-cli.jar view FILE}, with nothing else on the class path. Runs after
 * {@code package} (failsafe).
 */
class CliJarIT {
  @TempDir Path dir;

  @Test
  void cliJarRendersAJsonLinesFileWithNothingElseOnTheClassPath() throws Exception {
    StringBuilder lines = new StringBuilder();
    for (SpanData span : SampleSpans.supportTrace()) {
      lines.append(SpanJson.write(span)).append('\n');
    }
    Path file = Files.writeString(dir.resolve("t.jsonl"), lines);
    Path java = Path.of(System.getProperty("java.home"), "bin", "java");
    Path jar = Path.of(System.getProperty("agenttrace.cliJar"));

    Process process =
        new ProcessBuilder(
                java.toString(), "-jar", jar.toString(), "view", file.toString(), "-f", "folded")
            .redirectErrorStream(true)
            .start();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();

    assertThat(output).startsWith("invoke_agent orchestrator 17000\n");
    assertThat(process.exitValue()).isZero();
  }
}

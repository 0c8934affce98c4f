package dev.agenttrace.processing;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ShutdownHookTest {
  @TempDir Path dir;

  @Test
  void spansQueuedWhenTheJvmExitsAreExportedByTheShutdownHooks() throws Exception {
    Path batchFile = dir.resolve("batch.jsonl");
    Path configuredFile = dir.resolve("configured.jsonl");

    int exit = runJava(ShutdownHookMain.class.getName(), batchFile, configuredFile);

    assertThat(exit).isZero();
    assertThat(Files.readAllLines(batchFile)).hasSize(3);
    assertThat(Files.readAllLines(configuredFile))
        .singleElement()
        .satisfies(line -> assertThat(line).contains("\"name\":\"configured\""));
  }

  private static int runJava(String mainClass, Path... args)
      throws IOException, InterruptedException {
    String classPath =
        System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
    ProcessBuilder builder =
        new ProcessBuilder(
            Path.of(System.getProperty("java.home"), "bin", "java").toString(),
            "-cp",
            classPath,
            mainClass,
            args[0].toString(),
            args[1].toString());
    builder.redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD);
    Process process = builder.start();
    if (!process.waitFor(60, TimeUnit.SECONDS)) {
      process.destroyForcibly();
      throw new AssertionError("the child JVM did not exit");
    }
    return process.exitValue();
  }
}

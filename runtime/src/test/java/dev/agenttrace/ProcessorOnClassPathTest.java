package dev.agenttrace;

import static org.assertj.core.api.Assertions.assertThat;

import dev.agenttrace.testing.RecordingLogger;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProcessorOnClassPathTest {
  @TempDir Path classPath;

  @Test
  void processorOnTheRunTimeClassPathIsOneWarningNamingWhereItIsAndTheFix() throws Exception {
    Path processor = classPath.resolve(ProcessorOnClassPath.PROCESSOR_CLASS);
    Files.createDirectories(processor.getParent());
    Files.write(processor, new byte[0]);
    RecordingLogger log = new RecordingLogger("agenttrace");

    try (URLClassLoader loader = new URLClassLoader(new URL[] {classPath.toUri().toURL()}, null)) {
      assertThat(ProcessorOnClassPath.check(loader, log)).isTrue();
    }

    assertThat(log.messages())
        .singleElement()
        .asString()
        .startsWith("WARN agenttrace-processor is on the run-time class path (file:")
        .contains("AgentTraceProcessor.class")
        .contains("annotation processor path");
  }

  @Test
  void runtimeClassPathWithoutTheProcessorSaysNothing() throws Exception {
    RecordingLogger log = new RecordingLogger("agenttrace");

    try (URLClassLoader loader = new URLClassLoader(new URL[] {classPath.toUri().toURL()}, null)) {
      assertThat(ProcessorOnClassPath.check(loader, log)).isFalse();
    }

    assertThat(log.messages()).isEmpty();
  }
}

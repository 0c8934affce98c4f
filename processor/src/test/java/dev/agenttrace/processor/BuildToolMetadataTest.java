package dev.agenttrace.processor;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import javax.lang.model.SourceVersion;
import org.junit.jupiter.api.Test;

/** What build tools read from the processor: registration, Gradle category, source version. */
class BuildToolMetadataTest {

  @Test
  void processorDeclaresItselfIsolatingToGradle() throws IOException {
    assertThat(resource("META-INF/gradle/incremental.annotation.processors"))
        .isEqualTo("dev.agenttrace.processor.AgentTraceProcessor,isolating\n");
  }

  @Test
  void processorIsRegisteredAsAService() throws IOException {
    assertThat(resource("META-INF/services/javax.annotation.processing.Processor"))
        .contains("dev.agenttrace.processor.AgentTraceProcessor");
  }

  @Test
  void processorSupportsTheLatestSourceVersion() {
    assertThat(new AgentTraceProcessor().getSupportedSourceVersion())
        .isEqualTo(SourceVersion.latestSupported());
  }

  private static String resource(String name) throws IOException {
    try (InputStream in = AgentTraceProcessor.class.getClassLoader().getResourceAsStream(name)) {
      assertThat(in).as(name).isNotNull();
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }
}

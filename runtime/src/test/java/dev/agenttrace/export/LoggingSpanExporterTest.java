package dev.agenttrace.export;

import static org.assertj.core.api.Assertions.assertThat;

import dev.agenttrace.Attributes;
import dev.agenttrace.testing.RecordingLogger;
import dev.agenttrace.testing.TestSpans;
import java.util.List;
import org.junit.jupiter.api.Test;

class LoggingSpanExporterTest {
  @Test
  void logsEachSpanAsOneJsonLineAtInfo() {
    RecordingLogger logger = new RecordingLogger("spans");
    LoggingSpanExporter exporter = new LoggingSpanExporter(logger);

    exporter.export(
        List.of(
            TestSpans.span("invoke_agent support", Attributes.empty()),
            TestSpans.span("chat scripted-model", Attributes.empty())));

    assertThat(logger.messages())
        .hasSize(2)
        .allSatisfy(line -> assertThat(line).startsWith("INFO span {\"traceId\""))
        .anySatisfy(line -> assertThat(line).contains("\"name\":\"chat scripted-model\""));
  }
}

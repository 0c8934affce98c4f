package dev.agenttrace.config;

import static org.assertj.core.api.Assertions.assertThat;

import dev.agenttrace.AgentTrace;
import dev.agenttrace.ContentCapture;
import dev.agenttrace.SemanticAttributes;
import dev.agenttrace.Span;
import dev.agenttrace.internal.json.Json;
import dev.agenttrace.proxy.MessageJson;
import dev.agenttrace.testing.RecordingExporter;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Message content capture is off unless configured, and what is captured is redacted. */
class ContentCaptureConfigTest {
  @AfterEach
  void reset() {
    ContentCapture.setEnabled(false);
    AgentTrace.uninstall();
  }

  private static TracingConfig.Builder quiet() {
    return TracingConfig.builder().shutdownHook(false).exporters("none");
  }

  @Test
  void captureIsOffUnlessTheJvmWasToldOtherwise() {
    assertThat(System.getProperty(ContentCapture.PROPERTY)).isNull();
    assertThat(System.getenv(ContentCapture.ENVIRONMENT_VARIABLE)).isNull();

    assertThat(ContentCapture.isEnabled()).isFalse();
  }

  @Test
  void theBuilderSettingTurnsCaptureOnWhenInstalled() {
    try (ConfiguredTracing tracing = quiet().captureMessageContent(true).install()) {
      assertThat(ContentCapture.isEnabled()).isTrue();
    }
  }

  @Test
  void theOpenTelemetryPropertyTurnsCaptureOn() {
    ConfigProperties config =
        ConfigProperties.of(Map.of(), Map.of(ContentCapture.ENVIRONMENT_VARIABLE, "TRUE"));

    try (ConfiguredTracing tracing = quiet().read(config).install()) {
      assertThat(ContentCapture.isEnabled()).isTrue();
    }
  }

  @Test
  void buildingWithoutInstallingLeavesTheSwitchAlone() {
    try (ConfiguredTracing tracing = quiet().captureMessageContent(true).build()) {
      assertThat(ContentCapture.isEnabled()).isFalse();
    }
  }

  @Test
  void capturedContentPassesThroughRedactionAndStaysValidJson() {
    RecordingExporter exporter = new RecordingExporter();
    try (ConfiguredTracing tracing =
        quiet().redactDefaults().addExporter(exporter).captureMessageContent(true).build()) {
      Span span = tracing.tracer().spanBuilder("chat").startSpan();
      MessageJson.recordInput(span, new Object[] {"Refund jane.doe@example.com, please"});
      span.end();
    }

    String messages =
        exporter.spans().get(0).attributes().get(SemanticAttributes.GEN_AI_INPUT_MESSAGES);
    assertThat(messages).contains("Refund [REDACTED], please").doesNotContain("jane.doe");
    assertThat(Json.parse(messages)).isNotNull();
  }
}

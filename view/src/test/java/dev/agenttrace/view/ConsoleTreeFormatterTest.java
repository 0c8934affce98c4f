package dev.agenttrace.view;

import static org.assertj.core.api.Assertions.assertThat;

import dev.agenttrace.Scope;
import dev.agenttrace.Span;
import dev.agenttrace.config.ConfigProperties;
import dev.agenttrace.config.ConfiguredTracing;
import dev.agenttrace.config.TracingConfig;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ConsoleTreeFormatterTest {

  @Test
  void withTheViewModulePresentTheEmbeddedConsolePrintsEachTraceAsATree() {
    ByteArrayOutputStream console = new ByteArrayOutputStream();
    try (ConfiguredTracing tracing =
        TracingConfig.builder()
            .shutdownHook(false)
            .consoleOut(new PrintStream(console, true, StandardCharsets.UTF_8))
            .read(ConfigProperties.of(Map.of(), Map.of()))
            .build()) {
      Span run = tracing.tracer().spanBuilder("invoke_agent support").startSpan();
      try (Scope scope = run.makeCurrent()) {
        tracing.tracer().spanBuilder("execute_tool lookup_order").startSpan().end();
      } finally {
        run.end();
      }
    }

    assertThat(console.toString(StandardCharsets.UTF_8))
        .containsPattern("└─ invoke_agent support \\([0-9.]+ .?s\\)")
        .containsPattern("   └─ execute_tool lookup_order \\([0-9.]+ .?s\\)");
  }
}

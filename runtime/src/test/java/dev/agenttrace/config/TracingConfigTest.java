package dev.agenttrace.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.agenttrace.AgentTrace;
import dev.agenttrace.Scope;
import dev.agenttrace.Span;
import dev.agenttrace.export.JsonLinesSpanExporter;
import dev.agenttrace.export.LoggingSpanExporter;
import dev.agenttrace.export.json.SpanJson;
import dev.agenttrace.export.zipkin.ZipkinSpanExporter;
import dev.agenttrace.metrics.MetricsSnapshot;
import dev.agenttrace.testing.LoopbackServer;
import dev.agenttrace.testing.RecordingLogger;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TracingConfigTest {
  @TempDir Path dir;

  private static void agentRun(ConfiguredTracing tracing) {
    Span run = tracing.tracer().spanBuilder("invoke_agent support").startSpan();
    try (Scope scope = run.makeCurrent()) {
      Span tool = tracing.tracer().spanBuilder("execute_tool lookup_order").startSpan();
      tool.setAttribute("customer.email", "ann@example.com");
      tool.end();
    } finally {
      run.end();
    }
  }

  @Test
  void withNothingConfiguredSpansStayInMemoryAndEachTraceIsSummarisedOnTheConsole() {
    ByteArrayOutputStream console = new ByteArrayOutputStream();
    try (ConfiguredTracing tracing =
        TracingConfig.builder()
            .shutdownHook(false)
            .consoleOut(new PrintStream(console, true, StandardCharsets.UTF_8))
            .read(ConfigProperties.of(Map.of(), Map.of()))
            .build()) {
      agentRun(tracing);

      assertThat(tracing.exporterNames()).containsExactly("embedded");
      assertThat(tracing.collector())
          .get()
          .satisfies(c -> assertThat(c.finishedSpans()).hasSize(2));
    }
    // Without agenttrace-view on the class path: one line per trace (view's tests cover trees).
    assertThat(console.toString(StandardCharsets.UTF_8))
        .containsPattern("trace [0-9a-f]{32}: invoke_agent support, 2 spans, [0-9.]+ ms");
  }

  @Test
  void environmentVariablesChooseZipkinItsEndpointAndTheBatchSettings() throws Exception {
    try (LoopbackServer zipkin = LoopbackServer.start()) {
      Map<String, String> env =
          Map.of(
              "OTEL_SERVICE_NAME", "support-desk",
              "OTEL_TRACES_EXPORTER", "zipkin",
              "OTEL_EXPORTER_ZIPKIN_ENDPOINT", zipkin.uri("/api/v2/spans").toString(),
              "OTEL_BSP_SCHEDULE_DELAY", "10",
              "OTEL_RESOURCE_ATTRIBUTES", "deployment.environment=test");
      ConfiguredTracing tracing =
          TracingConfig.builder()
              .shutdownHook(false)
              .read(ConfigProperties.of(Map.of(), env))
              .build();

      agentRun(tracing);
      tracing.shutdown(Duration.ofSeconds(10));

      assertThat(tracing.collector()).isEmpty();
      assertThat(tracing.exporters()).singleElement().isInstanceOf(ZipkinSpanExporter.class);
      assertThat(zipkin.accepted()).isNotEmpty();
      assertThat(zipkin.accepted().get(0).body())
          .contains("\"serviceName\":\"support-desk\"")
          .contains("\"deployment.environment\":\"test\"");
      MetricsSnapshot metrics = tracing.metrics();
      assertThat(metrics.spansStarted()).isEqualTo(2);
      assertThat(metrics.spansEnded()).isEqualTo(2);
      assertThat(metrics.spansExported()).isEqualTo(2);
      assertThat(metrics.activeSpans()).isZero();
    }
  }

  @Test
  void systemPropertiesWinOverEnvironmentAndOurOwnExporterNameOverOpenTelemetrys()
      throws Exception {
    Path file = dir.resolve("spans.jsonl");
    ConfiguredTracing tracing =
        TracingConfig.builder()
            .shutdownHook(false)
            .read(
                ConfigProperties.of(
                    Map.of(
                        "agenttrace.exporter", "jsonl,logging",
                        "agenttrace.exporter.jsonl.path", file.toString(),
                        "agenttrace.redaction.defaults", "true"),
                    Map.of("OTEL_TRACES_EXPORTER", "zipkin", "AGENTTRACE_EXPORTER", "none")))
            .build();

    agentRun(tracing);
    tracing.shutdown(Duration.ofSeconds(10));

    assertThat(tracing.exporters())
        .hasExactlyElementsOfTypes(JsonLinesSpanExporter.class, LoggingSpanExporter.class);
    List<String> lines = Files.readAllLines(file);
    assertThat(lines).hasSize(2);
    assertThat(SpanJson.read(lines.get(0)).attributes().get("customer.email"))
        .isEqualTo("[REDACTED]");
  }

  @Test
  void shutdownLogsASummaryOfTheCounters() {
    RecordingLogger log = new RecordingLogger("summary");
    ConfiguredTracing tracing =
        TracingConfig.builder().shutdownHook(false).exporters("memory").summaryLogger(log).build();

    agentRun(tracing);
    tracing.shutdown(Duration.ofSeconds(5));
    tracing.shutdown(Duration.ofSeconds(5));

    assertThat(log.messages())
        .containsExactly(
            "INFO AgentTrace shut down (exporters [memory]): started=2 ended=2 exported=0"
                + " failed=0 dropped=0 queued=0 active=0");
  }

  @Test
  void shutdownWithNothingRecordedAndNoProxyEverCreatedSaysWhatToCheck() {
    RecordingLogger log = new RecordingLogger("summary");
    ConfiguredTracing tracing =
        TracingConfig.builder().shutdownHook(false).exporters("memory").summaryLogger(log).build();

    tracing.shutdown(Duration.ofSeconds(5));

    // No generated proxy exists in this module, so none was ever initialised.
    assertThat(log.messages())
        .containsExactly(
            "INFO AgentTrace shut down (exporters [memory]): started=0 ended=0 exported=0"
                + " failed=0 dropped=0 queued=0 active=0",
            "WARN Tracing was configured but no AgentTrace proxy was called: is"
                + " agenttrace-processor on the annotation processor path, and are your objects"
                + " wrapped with the generated XxxTraced.wrap(...)? See docs/troubleshooting.md.");
  }

  @Test
  void installFromEnvironmentInstallsWhatTheSystemPropertiesSay() {
    Map<String, String> properties =
        Map.of(
            "agenttrace.exporter", "memory",
            "agenttrace.shutdown.hook", "false",
            "otel.service.name", "from-properties");
    properties.forEach(System::setProperty);
    try (ConfiguredTracing tracing = TracingConfig.installFromEnvironment()) {
      assertThat(AgentTrace.tracer()).isSameAs(tracing.tracer());

      AgentTrace.tracer().spanBuilder("invoke_agent support").startSpan().end();

      assertThat(tracing.collector().orElseThrow().finishedSpans())
          .singleElement()
          .satisfies(
              span -> assertThat(span.resource().serviceName()).isEqualTo("from-properties"));
    } finally {
      properties.keySet().forEach(System::clearProperty);
    }
    assertThat(AgentTrace.tracer().isEnabled()).isFalse();
  }

  @Test
  void aMalformedValueNamesTheSettingAndWhatItMustBe() {
    TracingConfig.Builder builder = TracingConfig.builder();
    ConfigProperties config =
        ConfigProperties.of(Map.of(), Map.of("OTEL_BSP_MAX_QUEUE_SIZE", "lots"));

    assertThatThrownBy(() -> builder.read(config))
        .isInstanceOf(ConfigurationException.class)
        .hasMessage(
            "otel.bsp.max.queue.size (or OTEL_BSP_MAX_QUEUE_SIZE) is 'lots', but must be a whole"
                + " number");
  }

  @Test
  void anUnknownExporterNameListsTheNamesOnOffer() {
    TracingConfig.Builder builder =
        TracingConfig.builder()
            .shutdownHook(false)
            .read(ConfigProperties.of(Map.of(), Map.of("OTEL_TRACES_EXPORTER", "otlp")));

    assertThatThrownBy(builder::build)
        .isInstanceOf(ConfigurationException.class)
        .hasMessageContaining("'otlp'")
        .hasMessageContaining("zipkin")
        .hasMessageContaining(
            "for otlp, add dev.agenttrace:agenttrace-opentelemetry to the run-time class path");
  }

  private static boolean rootSampled(Map<String, String> env) {
    try (ConfiguredTracing tracing =
        TracingConfig.builder()
            .shutdownHook(false)
            .exporters("none")
            .read(ConfigProperties.of(Map.of(), env))
            .build()) {
      Span root = tracing.tracer().spanBuilder("root").startSpan();
      root.end();
      return root.spanContext().isSampled();
    }
  }

  @Test
  void samplerNamesAndRatioArgumentFollowOpenTelemetry() {
    assertThat(rootSampled(Map.of())).isTrue();
    assertThat(rootSampled(Map.of("OTEL_TRACES_SAMPLER", "always_off"))).isFalse();
    assertThat(rootSampled(Map.of("OTEL_TRACES_SAMPLER", "parentbased_always_off"))).isFalse();
    assertThat(rootSampled(Map.of("OTEL_TRACES_SAMPLER", "parentbased_always_on"))).isTrue();
    assertThat(rootSampled(Map.of("OTEL_TRACES_SAMPLER", "traceidratio"))).isTrue();
    assertThat(
            rootSampled(
                Map.of("OTEL_TRACES_SAMPLER", "traceidratio", "OTEL_TRACES_SAMPLER_ARG", "0")))
        .isFalse();
    assertThat(
            rootSampled(
                Map.of(
                    "OTEL_TRACES_SAMPLER", "parentbased_traceidratio",
                    "OTEL_TRACES_SAMPLER_ARG", "0.0")))
        .isFalse();
    assertThat(
            rootSampled(
                Map.of(
                    "OTEL_TRACES_SAMPLER", "parentbased_traceidratio",
                    "OTEL_TRACES_SAMPLER_ARG", "1")))
        .isTrue();
  }

  @Test
  void invalidSamplerArgumentIsAClearErrorNamingTheSetting() {
    Map<String, String> env =
        Map.of("OTEL_TRACES_SAMPLER", "traceidratio", "OTEL_TRACES_SAMPLER_ARG", "ten percent");

    assertThatThrownBy(() -> TracingConfig.builder().read(ConfigProperties.of(Map.of(), env)))
        .isInstanceOf(ConfigurationException.class)
        .hasMessageContaining("otel.traces.sampler.arg")
        .hasMessageContaining("OTEL_TRACES_SAMPLER_ARG")
        .hasMessageContaining("'ten percent'");
  }

  @Test
  void embeddedKeepsABoundedNumberOfSpansEvictingTheOldest() {
    try (ConfiguredTracing tracing =
        TracingConfig.builder().shutdownHook(false).exporters("memory").build()) {
      int extra = 5;
      for (int i = 0; i < ConfiguredTracing.MEMORY_CAPACITY + extra; i++) {
        tracing.tracer().spanBuilder("span " + i).startSpan().end();
      }

      assertThat(tracing.collector())
          .get()
          .satisfies(
              c -> {
                assertThat(c.finishedSpans()).hasSize(ConfiguredTracing.MEMORY_CAPACITY);
                assertThat(c.finishedSpans().get(0).name()).isEqualTo("span " + extra);
                assertThat(c.evictedSpans()).isEqualTo(extra);
              });
    }
  }

  @Test
  @org.junit.jupiter.api.Timeout(30)
  void consolePrintsOnADaemonThreadAndABlockedConsoleNeverBlocksTheTracedCall() throws Exception {
    java.util.concurrent.CountDownLatch release = new java.util.concurrent.CountDownLatch(1);
    java.util.Set<Thread> writers = java.util.concurrent.ConcurrentHashMap.newKeySet();
    ByteArrayOutputStream printed = new ByteArrayOutputStream();
    java.io.OutputStream blocking =
        new java.io.OutputStream() {
          @Override
          public void write(int b) {
            write(new byte[] {(byte) b}, 0, 1);
          }

          @Override
          public void write(byte[] b, int off, int len) {
            writers.add(Thread.currentThread());
            try {
              release.await();
            } catch (InterruptedException e) {
              Thread.currentThread().interrupt();
            }
            synchronized (printed) {
              printed.write(b, off, len);
            }
          }
        };
    try (ConfiguredTracing tracing =
        TracingConfig.builder()
            .shutdownHook(false)
            .consoleOut(new PrintStream(blocking, true, StandardCharsets.UTF_8))
            .build()) {
      for (int i = 0; i < ConfiguredTracing.CONSOLE_QUEUE * 3; i++) {
        agentRun(tracing); // returns although the console is stuck
      }
      release.countDown();
    }

    assertThat(writers)
        .isNotEmpty()
        .allSatisfy(
            thread -> {
              assertThat(thread).isNotSameAs(Thread.currentThread());
              assertThat(thread.isDaemon()).isTrue();
              assertThat(thread.getName()).isEqualTo("agenttrace-console");
            });
    synchronized (printed) {
      assertThat(printed.toString(StandardCharsets.UTF_8)).contains("invoke_agent support");
    }
  }

  @Test
  void redactionAppliesToTheInMemorySpansToo() {
    try (ConfiguredTracing tracing =
        TracingConfig.builder().shutdownHook(false).console(false).redactDefaults().build()) {
      agentRun(tracing);

      assertThat(tracing.collector().orElseThrow().finishedSpans())
          .flatExtracting(span -> span.attributes().asMap().values())
          .doesNotContain("ann@example.com")
          .isNotEmpty();
    }
  }
}

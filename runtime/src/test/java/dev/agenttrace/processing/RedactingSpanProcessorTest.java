package dev.agenttrace.processing;

import static org.assertj.core.api.Assertions.assertThat;

import dev.agenttrace.AttributeKey;
import dev.agenttrace.Attributes;
import dev.agenttrace.Span;
import dev.agenttrace.metrics.TracingMetrics;
import dev.agenttrace.sdk.TracerSdk;
import dev.agenttrace.spi.SpanData;
import dev.agenttrace.testing.RecordingExporter;
import dev.agenttrace.testing.TestSpans;
import java.time.Duration;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class RedactingSpanProcessorTest {
  private final InMemorySpanCollector behind = new InMemorySpanCollector();

  private RedactingSpanProcessor redactor() {
    return RedactingSpanProcessor.builder()
        .maskKeys(RedactionPatterns.SECRET_KEY_NAMES)
        .removeKeys(Pattern.compile("gen_ai\\.prompt"))
        .maskValues(RedactionPatterns.EMAIL, RedactionPatterns.API_KEY)
        .build(behind);
  }

  @Test
  void keysThatLookSecretAreMaskedWhateverTheirType() {
    redactor()
        .onEnd(
            TestSpans.span(
                "call",
                Attributes.builder()
                    .put("db.password", "hunter2")
                    .put(AttributeKey.longKey("api_key"), 1234L)
                    .put("order.id", "ORD-1001")
                    .build()));

    Attributes exported = behind.finishedSpans().get(0).attributes();
    assertThat(exported.asMap())
        .containsEntry("db.password", "[REDACTED]")
        .containsEntry("api_key", "[REDACTED]")
        .containsEntry("order.id", "ORD-1001");
  }

  @Test
  void asksForTheStartOnlyWhenTheProcessorBehindDoes() {
    assertThat(redactor().isStartRequired()).isFalse();
    assertThat(RedactingSpanProcessor.builder().build(TracingMetrics.create()).isStartRequired())
        .isTrue();
  }

  @Test
  void removedKeysAreLeftOut() {
    redactor()
        .onEnd(
            TestSpans.span(
                "chat",
                Attributes.builder().put("gen_ai.prompt", "secret plan").put("a", "b").build()));

    assertThat(behind.finishedSpans().get(0).attributes().asMap()).containsOnlyKeys("a");
  }

  @Test
  void emailsAndApiKeysInsideValuesEventsAndStatusAreMasked() {
    TracerSdk tracer = TracerSdk.builder().addSpanProcessor(redactor()).build();
    Span span = tracer.spanBuilder("chat").startSpan();
    span.setAttribute(
        "gen_ai.completion", "Mail jane.doe@example.com, key sk-abcdefghijklmnop1234");
    span.recordError(new IllegalStateException("no account for jane.doe@example.com"));
    span.end();

    SpanData exported = behind.finishedSpans().get(0);
    assertThat(exported.attributes().asMap())
        .containsEntry("gen_ai.completion", "Mail [REDACTED], key [REDACTED]");
    assertThat(exported.statusDescription())
        .isEqualTo("java.lang.IllegalStateException: no account for [REDACTED]");
    assertThat(exported.events().get(0).attributes().asMap().toString())
        .doesNotContain("jane.doe@example.com")
        .contains("no account for [REDACTED]");
  }

  @Test
  void eachElementOfAStringArrayIsMasked() {
    AttributeKey<List<String>> stops = AttributeKey.stringArrayKey("gen_ai.request.stop_sequences");
    redactor()
        .onEnd(
            TestSpans.span(
                "chat",
                Attributes.builder().put(stops, List.of("END", "mail jane@example.com")).build()));

    assertThat(behind.finishedSpans().get(0).attributes().get(stops))
        .containsExactly("END", "mail [REDACTED]");
  }

  @Test
  void aSpanWithNothingSensitiveIsPassedOnAsItIs() {
    SpanData clean = TestSpans.span("clean", Attributes.builder().put("order.id", "1").build());

    redactor().onEnd(clean);

    assertThat(behind.finishedSpans()).containsExactly(clean);
  }

  @Test
  void theExporterBehindABatchProcessorOnlyEverSeesTheRedactedCopy() {
    RecordingExporter exporter = new RecordingExporter();
    BatchSpanProcessor batch = BatchSpanProcessor.builder(exporter).build();
    InMemorySpanCollector local = new InMemorySpanCollector();
    TracerSdk tracer =
        TracerSdk.builder()
            .addSpanProcessor(local)
            .addSpanProcessor(
                RedactingSpanProcessor.builder().maskValues(RedactionPatterns.EMAIL).build(batch))
            .build();

    tracer
        .spanBuilder("lookup")
        .setAttribute(AttributeKey.stringKey("customer"), "bob@example.org")
        .startSpan()
        .end();
    tracer.shutdown(Duration.ofSeconds(5));

    assertThat(exporter.spans())
        .extracting(s -> s.attributes().get("customer"))
        .containsExactly("[REDACTED]");
    assertThat(local.finishedSpans())
        .extracting(s -> s.attributes().get("customer"))
        .containsExactly("bob@example.org");
    assertThat(List.copyOf(exporter.spans())).hasSize(1);
  }
}

package dev.agenttrace.processing;

import static org.assertj.core.api.Assertions.assertThat;

import dev.agenttrace.AttributeKey;
import dev.agenttrace.Baggage;
import dev.agenttrace.Scope;
import dev.agenttrace.sdk.TracerSdk;
import dev.agenttrace.spi.SpanData;
import org.junit.jupiter.api.Test;

// Scopes are closed by try-with-resources without being read: that is their use.
@SuppressWarnings("try")
class BaggageSpanProcessorTest {
  private final InMemorySpanCollector collector = new InMemorySpanCollector();

  @Test
  void onlyAllowedBaggageEntriesBecomeSpanAttributes() {
    TracerSdk tracer =
        TracerSdk.builder()
            .addSpanProcessor(BaggageSpanProcessor.forKeys("tenant"))
            .addSpanProcessor(collector)
            .build();
    Baggage baggage = Baggage.builder().put("tenant", "acme").put("user.email", "a@b.c").build();

    try (Scope scope = baggage.makeCurrent()) {
      tracer.spanBuilder("run").startSpan().end();
    }

    SpanData span = collector.finishedSpans().get(0);
    assertThat(span.attributes().get("tenant")).isEqualTo("acme");
    assertThat(span.attributes().get("user.email")).isNull();
  }

  @Test
  void attributesSetAtStartWinOverBaggage() {
    TracerSdk tracer =
        TracerSdk.builder()
            .addSpanProcessor(BaggageSpanProcessor.matching(key -> key.startsWith("app.")))
            .addSpanProcessor(collector)
            .build();

    try (Scope scope = Baggage.builder().put("app.tier", "gold").build().makeCurrent()) {
      tracer
          .spanBuilder("run")
          .setAttribute(AttributeKey.stringKey("app.tier"), "explicit")
          .startSpan()
          .end();
    }

    assertThat(collector.finishedSpans().get(0).attributes().get("app.tier")).isEqualTo("explicit");
  }
}

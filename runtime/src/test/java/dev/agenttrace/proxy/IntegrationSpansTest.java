package dev.agenttrace.proxy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.agenttrace.Context;
import dev.agenttrace.SemanticAttributes;
import dev.agenttrace.Span;
import dev.agenttrace.SpanKind;
import dev.agenttrace.StatusCode;
import dev.agenttrace.processing.InMemorySpanCollector;
import dev.agenttrace.sdk.TracerSdk;
import dev.agenttrace.spi.SpanData;
import org.junit.jupiter.api.Test;

class IntegrationSpansTest {
  private final InMemorySpanCollector collector = new InMemorySpanCollector();
  private final TracerSdk tracer = TracerSdk.builder().addSpanProcessor(collector).build();

  private Span chat() {
    return IntegrationSpans.startModelCall(
        tracer, Context.current(), "chat", "gpt-4o", "openai", true);
  }

  @Test
  void aModelCallSpanIsNamedAfterOperationAndModelWithTheConventionsAttributes() {
    IntegrationSpans.within(chat(), () -> "answer", answer -> {});

    SpanData span = collector.finishedSpans().get(0);
    assertThat(span.name()).isEqualTo("chat gpt-4o");
    assertThat(span.kind()).isEqualTo(SpanKind.CLIENT);
    assertThat(span.attribute(SemanticAttributes.GEN_AI_PROVIDER_NAME)).isEqualTo("openai");
    assertThat(span.attribute(SemanticAttributes.GEN_AI_REQUEST_STREAM)).isTrue();
  }

  @Test
  void anExceptionOfTheCallMarksTheSpanErrorAndPassesThroughUnchanged() {
    IllegalStateException failure = new IllegalStateException("rate limited");

    assertThatThrownBy(
            () ->
                IntegrationSpans.within(
                    chat(),
                    () -> {
                      throw failure;
                    },
                    answer -> {}))
        .isSameAs(failure);

    assertThat(collector.finishedSpans()).hasSize(1);
    assertThat(collector.finishedSpans().get(0).statusCode()).isEqualTo(StatusCode.ERROR);
  }

  @Test
  void anAccessorThatThrowsIsLeftOutAndCounted() {
    long skipped = GenAiValues.skippedCount();

    Integer tokens =
        IntegrationSpans.read(
            () -> {
              throw new UnsupportedOperationException("no usage");
            });

    assertThat(tokens).isNull();
    assertThat(GenAiValues.skippedCount()).isEqualTo(skipped + 1);
  }
}

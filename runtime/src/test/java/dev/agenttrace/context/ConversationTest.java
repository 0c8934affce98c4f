package dev.agenttrace.context;

import static org.assertj.core.api.Assertions.assertThat;

import dev.agenttrace.Context;
import dev.agenttrace.Scope;
import dev.agenttrace.SemanticAttributes;
import dev.agenttrace.Span;
import dev.agenttrace.processing.InMemorySpanCollector;
import dev.agenttrace.propagation.TextMapGetter;
import dev.agenttrace.propagation.TextMapPropagator;
import dev.agenttrace.propagation.TextMapSetter;
import dev.agenttrace.sdk.TracerSdk;
import dev.agenttrace.spi.SpanData;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.Test;

// Scopes are closed by try-with-resources without being read: that is their use.
@SuppressWarnings("try")
class ConversationTest {
  private final InMemorySpanCollector collector = new InMemorySpanCollector();
  private final TracerSdk frontDesk =
      TracerSdk.builder()
          .serviceName("front-desk")
          .addSpanProcessor(Conversation.spanProcessor())
          .addSpanProcessor(collector)
          .build();
  private final TracerSdk billing =
      TracerSdk.builder()
          .serviceName("billing")
          .addSpanProcessor(Conversation.spanProcessor())
          .addSpanProcessor(collector)
          .build();

  @Test
  void everySpanOfEveryTurnCarriesTheConversationId() throws Exception {
    ExecutorService pool = ContextExecutors.wrap(Executors.newSingleThreadExecutor());
    try (Scope conversation = Conversation.makeCurrent("conv-42")) {
      for (int turn = 1; turn <= 2; turn++) {
        Span run = frontDesk.spanBuilder("invoke_agent turn " + turn).setNoParent().startSpan();
        try (Scope scope = run.makeCurrent()) {
          pool.submit(() -> frontDesk.spanBuilder("execute_tool lookup").startSpan().end()).get();
        } finally {
          run.end();
        }
      }
    } finally {
      pool.shutdownNow();
    }

    assertThat(collector.finishedSpans())
        .hasSize(4)
        .allSatisfy(
            span ->
                assertThat(span.attributes().get(SemanticAttributes.GEN_AI_CONVERSATION_ID))
                    .isEqualTo("conv-42"));
  }

  @Test
  void conversationIdCrossesServicesInTheBaggageHeader() {
    Map<String, String> headers = new HashMap<>();
    try (Scope conversation = Conversation.makeCurrent("conv-7")) {
      Span handOff = frontDesk.spanBuilder("invoke_agent support").startSpan();
      try (Scope scope = handOff.makeCurrent()) {
        TextMapPropagator.w3c().inject(Context.current(), headers, TextMapSetter.forMap());
      }
      handOff.end();
    }

    Context received =
        TextMapPropagator.w3c().extract(Context.root(), headers, TextMapGetter.forMap());
    try (Scope scope = received.makeCurrent()) {
      assertThat(Conversation.currentId()).isEqualTo("conv-7");
      billing.spanBuilder("invoke_agent billing").startSpan().end();
    }

    assertThat(headers.get("baggage")).isEqualTo("gen_ai.conversation.id=conv-7");
    SpanData billingSpan = collector.finishedSpans().get(1);
    assertThat(billingSpan.resource().serviceName()).isEqualTo("billing");
    assertThat(billingSpan.attributes().get(SemanticAttributes.GEN_AI_CONVERSATION_ID))
        .isEqualTo("conv-7");
  }

  @Test
  void outsideAConversationNoIdIsSet() {
    frontDesk.spanBuilder("invoke_agent support").startSpan().end();

    assertThat(Conversation.currentId()).isNull();
    assertThat(collector.finishedSpans().get(0).attributes().get(Conversation.BAGGAGE_KEY))
        .isNull();
  }
}

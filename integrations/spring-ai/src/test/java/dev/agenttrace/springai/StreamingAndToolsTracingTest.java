package dev.agenttrace.springai;

import static dev.agenttrace.SemanticAttributes.GEN_AI_REQUEST_STREAM;
import static dev.agenttrace.SemanticAttributes.GEN_AI_RESPONSE_TIME_TO_FIRST_CHUNK;
import static dev.agenttrace.SemanticAttributes.GEN_AI_TOOL_NAME;
import static dev.agenttrace.SemanticAttributes.GEN_AI_USAGE_INPUT_TOKENS;
import static dev.agenttrace.SemanticAttributes.GEN_AI_USAGE_OUTPUT_TOKENS;
import static dev.agenttrace.springai.ScriptedChatModel.answer;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.agenttrace.AgentTrace;
import dev.agenttrace.Scope;
import dev.agenttrace.Span;
import dev.agenttrace.StatusCode;
import dev.agenttrace.spi.SpanData;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.ai.chat.messages.AssistantMessage;
import org.springframework.ai.chat.metadata.EmptyUsage;
import org.springframework.ai.chat.model.ChatModel;
import org.springframework.ai.chat.model.ChatResponse;
import org.springframework.ai.chat.model.Generation;
import org.springframework.ai.chat.model.ToolContext;
import org.springframework.ai.chat.prompt.Prompt;
import org.springframework.ai.model.tool.DefaultToolCallingManager;
import org.springframework.ai.model.tool.ToolCallingChatOptions;
import org.springframework.ai.model.tool.ToolExecutionResult;
import org.springframework.ai.tool.ToolCallback;
import org.springframework.ai.tool.definition.ToolDefinition;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Sinks;

class StreamingAndToolsTracingTest {
  private final RecordedSpans spans = RecordedSpans.install();

  @AfterEach
  void uninstall() {
    spans.close();
  }

  private static ChatResponse chunk(String text) {
    return new ChatResponse(List.of(new Generation(new AssistantMessage(text))));
  }

  @Test
  void streamedChatSpanLastsUntilTheStreamCompletes() throws Exception {
    ScriptedChatModel scripted = new ScriptedChatModel();
    Sinks.Many<ChatResponse> sink = Sinks.many().unicast().onBackpressureBuffer();
    scripted.stream = sink.asFlux();
    ChatModel model = AgentTraceSpringAi.chatModel("openai", scripted);

    List<String> texts = new CopyOnWriteArrayList<>();
    model.stream(new Prompt("Hello"))
        .subscribe(r -> texts.add(r.getResult().getOutput().getText()));
    sink.tryEmitNext(chunk("Hi"));
    Thread.sleep(50);
    List<SpanData> endedWhileStreaming = spans.ended();
    sink.tryEmitNext(answer("!"));
    sink.tryEmitComplete();

    assertThat(texts).containsExactly("Hi", "!");
    assertThat(endedWhileStreaming).isEmpty();
    SpanData span = spans.named("chat gpt-4o-mini");
    assertThat(span.durationNanos()).isGreaterThanOrEqualTo(Duration.ofMillis(50).toNanos());
    assertThat(span.attributes().get(GEN_AI_REQUEST_STREAM)).isTrue();
    assertThat(span.attributes().get(GEN_AI_RESPONSE_TIME_TO_FIRST_CHUNK)).isPositive();
    assertThat(span.attributes().get(GEN_AI_USAGE_INPUT_TOKENS)).isEqualTo(12L);
    assertThat(span.attributes().get(GEN_AI_USAGE_OUTPUT_TOKENS)).isEqualTo(5L);
  }

  @Test
  void aStreamIsOneSpanPerSubscriptionStartedWhenSubscribed() {
    ScriptedChatModel scripted = new ScriptedChatModel();
    scripted.stream = Flux.just(answer("Hi!"));
    Flux<ChatResponse> stream =
        AgentTraceSpringAi.chatModel("openai", scripted).stream(new Prompt("Hello"));

    assertThat(spans.ended()).isEmpty();
    assertThat(scripted.streamCalls).isZero();
    stream.blockLast();
    stream.blockLast();

    assertThat(scripted.streamCalls).isEqualTo(2);
    assertThat(spans.ended()).hasSize(2);
  }

  @Test
  void failedStreamEndsTheSpanWithErrorAndTheSubscriberGetsTheSameException() {
    IllegalStateException broken = new IllegalStateException("connection reset");
    ScriptedChatModel scripted = new ScriptedChatModel();
    scripted.stream = Flux.concat(Flux.just(chunk("Hi")), Flux.error(broken));

    Throwable[] received = new Throwable[1];
    AgentTraceSpringAi.streamingChatModel("openai", scripted).stream(new Prompt("Hello"))
        .onErrorResume(
            e -> {
              received[0] = e;
              return Flux.empty();
            })
        .blockLast();

    assertThat(received[0]).isSameAs(broken);
    SpanData span = spans.named("chat");
    assertThat(span.statusCode()).isEqualTo(StatusCode.ERROR);
  }

  @Test
  void cancelledStreamEndsTheSpanWithACancelledEvent() {
    ScriptedChatModel scripted = new ScriptedChatModel();
    scripted.stream = Flux.just(chunk("a"), chunk("b"), chunk("c"));

    AgentTraceSpringAi.chatModel("openai", scripted).stream(new Prompt("Hello"))
        .take(1)
        .blockLast();

    SpanData span = spans.named("chat gpt-4o-mini");
    assertThat(span.events()).extracting(e -> e.name()).contains("first_chunk", "cancelled");
    assertThat(span.statusCode()).isNotEqualTo(StatusCode.ERROR);
  }

  /** A tool written against Spring AI's interface: looks up an order by its JSON input. */
  private static class LookupOrder implements ToolCallback {
    @Override
    public ToolDefinition getToolDefinition() {
      return ToolDefinition.builder()
          .name("lookup_order")
          .description("Looks up the status of an order")
          .inputSchema("{\"type\":\"object\",\"properties\":{\"orderId\":{\"type\":\"integer\"}}}")
          .build();
    }

    @Override
    public String call(String toolInput) {
      return "{\"status\":\"shipped\"}";
    }
  }

  @Test
  void toolCallOfTheToolCallingManagerIsAnExecuteToolSpanUnderTheAgent() {
    ToolCallback tool = AgentTraceSpringAi.toolCallback(new LookupOrder());
    Prompt prompt =
        new Prompt(
            "Where is order 42?", ToolCallingChatOptions.builder().toolCallbacks(tool).build());
    ChatResponse callTool =
        ScriptedChatModel.response(
            AssistantMessage.builder()
                .content("")
                .toolCalls(
                    List.of(
                        new AssistantMessage.ToolCall(
                            "call_1", "function", "lookup_order", "{\"orderId\":42}")))
                .build(),
            new EmptyUsage());

    Span agent = AgentTrace.tracer().spanBuilder("invoke_agent support").startSpan();
    ToolExecutionResult result;
    try (Scope scope = agent.makeCurrent()) {
      result = DefaultToolCallingManager.builder().build().executeToolCalls(prompt, callTool);
    } finally {
      agent.end();
    }

    assertThat(result.conversationHistory().toString()).contains("shipped");
    SpanData toolSpan = spans.named("execute_tool lookup_order");
    assertThat(toolSpan.parentSpanContext())
        .isEqualTo(spans.named("invoke_agent support").spanContext());
    assertThat(toolSpan.attributes().get(GEN_AI_TOOL_NAME)).isEqualTo("lookup_order");
  }

  @Test
  void failingToolCallbackMarksItsSpanErrorAndPassesTheSameExceptionThrough() {
    IllegalArgumentException unknown = new IllegalArgumentException("no order 99");
    ToolCallback tool =
        AgentTraceSpringAi.toolCallback(
            new LookupOrder() {
              @Override
              public String call(String toolInput) {
                throw unknown;
              }
            });

    assertThatThrownBy(() -> tool.call("{\"orderId\":99}", new ToolContext(Map.of())))
        .isSameAs(unknown);
    SpanData span = spans.named("execute_tool lookup_order");
    assertThat(span.statusCode()).isEqualTo(StatusCode.ERROR);
    assertThat(span.statusDescription()).contains("no order 99");
  }
}

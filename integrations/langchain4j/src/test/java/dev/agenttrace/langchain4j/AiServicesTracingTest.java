package dev.agenttrace.langchain4j;

import static dev.agenttrace.SemanticAttributes.GEN_AI_TOOL_CALL_ID;
import static dev.agenttrace.SemanticAttributes.GEN_AI_TOOL_DESCRIPTION;
import static dev.agenttrace.SemanticAttributes.GEN_AI_TOOL_NAME;
import static dev.agenttrace.langchain4j.ScriptedChatModel.answer;
import static org.assertj.core.api.Assertions.assertThat;

import dev.agenttrace.StatusCode;
import dev.agenttrace.context.ContextExecutors;
import dev.agenttrace.spi.SpanData;
import dev.langchain4j.agent.tool.ToolExecutionRequest;
import dev.langchain4j.data.message.AiMessage;
import dev.langchain4j.model.chat.response.ChatResponse;
import dev.langchain4j.model.output.FinishReason;
import dev.langchain4j.model.output.TokenUsage;
import dev.langchain4j.service.AiServices;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class AiServicesTracingTest {
  private final RecordedSpans spans = RecordedSpans.install();

  @AfterEach
  void uninstall() {
    spans.close();
  }

  /** The model's first answer: call lookupOrder with {@code orderId}. */
  private static ChatResponse callLookupOrder(long orderId) {
    return ChatResponse.builder()
        .aiMessage(
            AiMessage.from(
                ToolExecutionRequest.builder()
                    .id("call_1")
                    .name("lookupOrder")
                    .arguments("{\"orderId\": " + orderId + "}")
                    .build()))
        .tokenUsage(new TokenUsage(30, 8))
        .finishReason(FinishReason.TOOL_EXECUTION)
        .build();
  }

  private Assistant assistant(ScriptedChatModel model) {
    return AssistantTraced.wrap(
        AiServices.builder(Assistant.class)
            .chatModel(AgentTraceLangChain4j.chatModel(model))
            .tools(AgentTraceAiServices.tools(new OrderTools()))
            .build());
  }

  @Test
  void toolCallOfAnAiServiceIsAnExecuteToolSpanUnderTheAgent() {
    ScriptedChatModel model = new ScriptedChatModel(callLookupOrder(42), answer("It shipped."));

    String reply = assistant(model).answer("Where is order 42?");

    assertThat(reply).isEqualTo("It shipped.");
    SpanData agent = spans.named("invoke_agent support");
    SpanData tool = spans.named("execute_tool lookupOrder");
    assertThat(tool.parentSpanContext()).isEqualTo(agent.spanContext());
    assertThat(tool.attributes().get(GEN_AI_TOOL_NAME)).isEqualTo("lookupOrder");
    assertThat(tool.attributes().get(GEN_AI_TOOL_CALL_ID)).isEqualTo("call_1");
    assertThat(tool.attributes().get(GEN_AI_TOOL_DESCRIPTION))
        .isEqualTo("Looks up the status of an order");
    assertThat(spans.ended())
        .filteredOn(span -> span.name().equals("chat gpt-4o-mini"))
        .hasSize(2)
        .allSatisfy(chat -> assertThat(chat.parentSpanContext()).isEqualTo(agent.spanContext()));
  }

  @Test
  void toolResultReachesTheModelAsWithoutTracing() {
    ScriptedChatModel model = new ScriptedChatModel(callLookupOrder(42), answer("It shipped."));

    assistant(model).answer("Where is order 42?");

    assertThat(model.requests().get(1).messages().toString()).contains("order 42: shipped");
  }

  @Test
  void failingToolMarksItsSpanErrorAndTheAgentCarriesOn() {
    ScriptedChatModel model =
        new ScriptedChatModel(callLookupOrder(404), answer("That order does not exist."));

    String reply = assistant(model).answer("Where is order 404?");

    assertThat(reply).isEqualTo("That order does not exist.");
    SpanData tool = spans.named("execute_tool lookupOrder");
    assertThat(tool.statusCode()).isEqualTo(StatusCode.ERROR);
    assertThat(tool.statusDescription()).contains("no order 404");
    assertThat(spans.named("invoke_agent support").statusCode()).isNotEqualTo(StatusCode.ERROR);
  }

  @Test
  void concurrentToolCallsStayUnderTheAgentWithAContextCarryingExecutor() {
    ChatResponse callBoth =
        ChatResponse.builder()
            .aiMessage(
                AiMessage.from(
                    ToolExecutionRequest.builder()
                        .id("call_1")
                        .name("lookupOrder")
                        .arguments("{\"orderId\": 42}")
                        .build(),
                    ToolExecutionRequest.builder()
                        .id("call_2")
                        .name("lookupOrder")
                        .arguments("{\"orderId\": 7}")
                        .build()))
            .finishReason(FinishReason.TOOL_EXECUTION)
            .build();
    ExecutorService pool = Executors.newFixedThreadPool(2);
    try {
      Assistant assistant =
          AssistantTraced.wrap(
              AiServices.builder(Assistant.class)
                  .chatModel(
                      AgentTraceLangChain4j.chatModel(
                          new ScriptedChatModel(callBoth, answer("Both shipped."))))
                  .tools(AgentTraceAiServices.tools(new OrderTools()))
                  .executeToolsConcurrently(ContextExecutors.wrap(pool))
                  .build());

      assistant.answer("Where are orders 42 and 7?");
    } finally {
      pool.shutdown();
    }

    SpanData agent = spans.named("invoke_agent support");
    assertThat(spans.ended())
        .filteredOn(span -> span.name().equals("execute_tool lookupOrder"))
        .hasSize(2)
        .allSatisfy(tool -> assertThat(tool.parentSpanContext()).isEqualTo(agent.spanContext()));
  }
}

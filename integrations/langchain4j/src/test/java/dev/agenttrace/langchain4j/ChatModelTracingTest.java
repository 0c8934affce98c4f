package dev.agenttrace.langchain4j;

import static dev.agenttrace.SemanticAttributes.GEN_AI_OPERATION_NAME;
import static dev.agenttrace.SemanticAttributes.GEN_AI_PROVIDER_NAME;
import static dev.agenttrace.SemanticAttributes.GEN_AI_REQUEST_MAX_TOKENS;
import static dev.agenttrace.SemanticAttributes.GEN_AI_REQUEST_MODEL;
import static dev.agenttrace.SemanticAttributes.GEN_AI_REQUEST_TEMPERATURE;
import static dev.agenttrace.SemanticAttributes.GEN_AI_REQUEST_TOP_P;
import static dev.agenttrace.SemanticAttributes.GEN_AI_RESPONSE_FINISH_REASONS;
import static dev.agenttrace.SemanticAttributes.GEN_AI_RESPONSE_ID;
import static dev.agenttrace.SemanticAttributes.GEN_AI_RESPONSE_MODEL;
import static dev.agenttrace.SemanticAttributes.GEN_AI_USAGE_INPUT_TOKENS;
import static dev.agenttrace.SemanticAttributes.GEN_AI_USAGE_OUTPUT_TOKENS;
import static dev.agenttrace.langchain4j.ScriptedChatModel.answer;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.agenttrace.AgentTrace;
import dev.agenttrace.Scope;
import dev.agenttrace.Span;
import dev.agenttrace.SpanKind;
import dev.agenttrace.StatusCode;
import dev.agenttrace.spi.SpanData;
import dev.langchain4j.data.message.AiMessage;
import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.response.ChatResponse;
import dev.langchain4j.model.output.TokenUsage;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class ChatModelTracingTest {
  private final RecordedSpans spans = RecordedSpans.install();

  @AfterEach
  void uninstall() {
    spans.close();
  }

  @Test
  void chatWithAStringIsOneChatSpanWithTheTokensOfTheResponseItProduced() {
    ChatModel model = AgentTraceLangChain4j.chatModel(new ScriptedChatModel(answer("Hello!")));

    String reply = model.chat("Hi");

    assertThat(reply).isEqualTo("Hello!");
    assertThat(spans.ended()).hasSize(1);
    SpanData span = spans.named("chat gpt-4o-mini");
    assertThat(span.kind()).isEqualTo(SpanKind.CLIENT);
    assertThat(span.attributes().get(GEN_AI_OPERATION_NAME)).isEqualTo("chat");
    assertThat(span.attributes().get(GEN_AI_USAGE_INPUT_TOKENS)).isEqualTo(12L);
    assertThat(span.attributes().get(GEN_AI_USAGE_OUTPUT_TOKENS)).isEqualTo(5L);
  }

  @Test
  void everyChatOverloadIsExactlyOneSpan() {
    ChatModel model =
        AgentTraceLangChain4j.chatModel(
            new ScriptedChatModel(answer("1"), answer("2"), answer("3"), answer("4")));

    model.chat("Hi");
    model.chat(UserMessage.from("Hi"));
    model.chat(List.of(UserMessage.from("Hi")));
    model.chat(ChatRequest.builder().messages(UserMessage.from("Hi")).build());

    assertThat(spans.ended())
        .extracting(SpanData::name)
        .containsExactly(
            "chat gpt-4o-mini", "chat gpt-4o-mini", "chat gpt-4o-mini", "chat gpt-4o-mini");
  }

  @Test
  void theModelARequestAsksForNamesTheSpan() {
    ChatModel model = AgentTraceLangChain4j.chatModel(new ScriptedChatModel(answer("Hello!")));

    model.chat(ChatRequest.builder().messages(UserMessage.from("Hi")).modelName("gpt-4o").build());

    assertThat(spans.named("chat gpt-4o").attributes().get(GEN_AI_REQUEST_MODEL))
        .isEqualTo("gpt-4o");
  }

  @Test
  void responseIdModelAndFinishReasonAreRecorded() {
    ChatModel model = AgentTraceLangChain4j.chatModel(new ScriptedChatModel(answer("Hello!")));

    model.chat("Hi");

    SpanData span = spans.named("chat gpt-4o-mini");
    assertThat(span.attributes().get(GEN_AI_RESPONSE_ID)).isEqualTo("chatcmpl-1");
    assertThat(span.attributes().get(GEN_AI_RESPONSE_MODEL)).isEqualTo("gpt-4o-mini-2024-07-18");
    assertThat(span.attributes().get(GEN_AI_RESPONSE_FINISH_REASONS)).containsExactly("stop");
  }

  @Test
  void requestParametersAreTheRequestsElseTheModelsDefaults() {
    ChatModel model = AgentTraceLangChain4j.chatModel(new ScriptedChatModel(answer("Hello!")));

    model.chat(ChatRequest.builder().messages(UserMessage.from("Hi")).temperature(0.2).build());

    SpanData span = spans.named("chat gpt-4o-mini");
    assertThat(span.attributes().get(GEN_AI_REQUEST_TEMPERATURE)).isEqualTo(0.2);
    assertThat(span.attributes().get(GEN_AI_REQUEST_MAX_TOKENS)).isEqualTo(256L);
    assertThat(span.attributes().get(GEN_AI_REQUEST_TOP_P)).isNull();
  }

  @Test
  void providerIsTheWrappedModelsInTheConventionsNaming() {
    ChatModel model = AgentTraceLangChain4j.chatModel(new ScriptedChatModel(answer("Hello!")));

    model.chat("Hi");

    assertThat(spans.named("chat gpt-4o-mini").attributes().get(GEN_AI_PROVIDER_NAME))
        .isEqualTo("openai");
  }

  @Test
  void unknownTokenCountsAreLeftOut() {
    ChatResponse withoutUsage = ChatResponse.builder().aiMessage(AiMessage.from("a")).build();
    ChatResponse onlyInput =
        ChatResponse.builder()
            .aiMessage(AiMessage.from("b"))
            .tokenUsage(new TokenUsage(7, null))
            .build();
    ChatModel model =
        AgentTraceLangChain4j.chatModel(new ScriptedChatModel(withoutUsage, onlyInput));

    model.chat("Hi");
    model.chat("Hi again");

    SpanData first = spans.ended().get(0);
    SpanData second = spans.ended().get(1);
    assertThat(first.attributes().get(GEN_AI_USAGE_INPUT_TOKENS)).isNull();
    assertThat(first.attributes().get(GEN_AI_USAGE_OUTPUT_TOKENS)).isNull();
    assertThat(second.attributes().get(GEN_AI_USAGE_INPUT_TOKENS)).isEqualTo(7L);
    assertThat(second.attributes().get(GEN_AI_USAGE_OUTPUT_TOKENS)).isNull();
  }

  @Test
  void failingModelMarksTheSpanErrorAndPassesTheSameExceptionThrough() {
    ChatModel model = AgentTraceLangChain4j.chatModel(new ScriptedChatModel());

    Throwable thrown = null;
    try {
      model.chat("Hi");
    } catch (IllegalStateException e) {
      thrown = e;
    }

    assertThat(thrown).hasMessage("the script has no response left");
    SpanData span = spans.named("chat gpt-4o-mini");
    assertThat(span.statusCode()).isEqualTo(StatusCode.ERROR);
    assertThat(span.attributes().get("error.type"))
        .isEqualTo(IllegalStateException.class.getName());
    assertThat(span.events()).extracting(e -> e.name()).contains("exception");
  }

  @Test
  void chatSpanIsAChildOfTheCallersSpan() {
    ChatModel model = AgentTraceLangChain4j.chatModel(new ScriptedChatModel(answer("Hello!")));

    Span parent = AgentTrace.tracer().spanBuilder("invoke_agent support").startSpan();
    try (Scope scope = parent.makeCurrent()) {
      model.chat("Hi");
    } finally {
      parent.end();
    }

    assertThat(spans.named("chat gpt-4o-mini").parentSpanContext())
        .isEqualTo(spans.named("invoke_agent support").spanContext());
  }

  @Test
  void withoutATracerTheModelIsCalledAndNothingIsRecorded() {
    spans.close();
    ScriptedChatModel scripted = new ScriptedChatModel(answer("Hello!"));

    assertThat(AgentTraceLangChain4j.chatModel(scripted).chat("Hi")).isEqualTo("Hello!");
    assertThat(scripted.requests()).hasSize(1);
    assertThat(spans.ended()).isEmpty();
  }

  @Test
  void wrappingNullIsRefusedAtOnce() {
    assertThatThrownBy(() -> AgentTraceLangChain4j.chatModel(null))
        .isInstanceOf(NullPointerException.class)
        .hasMessage("model");
  }
}

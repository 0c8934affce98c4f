package dev.agenttrace.springai;

import static dev.agenttrace.SemanticAttributes.GEN_AI_OPERATION_NAME;
import static dev.agenttrace.SemanticAttributes.GEN_AI_PROVIDER_NAME;
import static dev.agenttrace.SemanticAttributes.GEN_AI_REQUEST_MAX_TOKENS;
import static dev.agenttrace.SemanticAttributes.GEN_AI_REQUEST_TEMPERATURE;
import static dev.agenttrace.SemanticAttributes.GEN_AI_REQUEST_TOP_P;
import static dev.agenttrace.SemanticAttributes.GEN_AI_RESPONSE_FINISH_REASONS;
import static dev.agenttrace.SemanticAttributes.GEN_AI_RESPONSE_ID;
import static dev.agenttrace.SemanticAttributes.GEN_AI_RESPONSE_MODEL;
import static dev.agenttrace.SemanticAttributes.GEN_AI_USAGE_INPUT_TOKENS;
import static dev.agenttrace.SemanticAttributes.GEN_AI_USAGE_OUTPUT_TOKENS;
import static dev.agenttrace.springai.ScriptedChatModel.answer;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.agenttrace.SpanKind;
import dev.agenttrace.StatusCode;
import dev.agenttrace.spi.SpanData;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.ai.chat.messages.AssistantMessage;
import org.springframework.ai.chat.messages.UserMessage;
import org.springframework.ai.chat.metadata.EmptyUsage;
import org.springframework.ai.chat.metadata.Usage;
import org.springframework.ai.chat.model.ChatModel;
import org.springframework.ai.chat.model.ChatResponse;
import org.springframework.ai.chat.model.Generation;
import org.springframework.ai.chat.prompt.ChatOptions;
import org.springframework.ai.chat.prompt.Prompt;

class ChatModelTracingTest {
  private final RecordedSpans spans = RecordedSpans.install();

  @AfterEach
  void uninstall() {
    spans.close();
  }

  @Test
  void callWithAStringIsOneChatSpanWithTheTokensOfTheResponseItProduced() {
    ChatModel model = AgentTraceSpringAi.chatModel("openai", new ScriptedChatModel(answer("Hi!")));

    String reply = model.call("Hello");

    assertThat(reply).isEqualTo("Hi!");
    assertThat(spans.ended()).hasSize(1);
    SpanData span = spans.named("chat gpt-4o-mini");
    assertThat(span.kind()).isEqualTo(SpanKind.CLIENT);
    assertThat(span.attributes().get(GEN_AI_OPERATION_NAME)).isEqualTo("chat");
    assertThat(span.attributes().get(GEN_AI_PROVIDER_NAME)).isEqualTo("openai");
    assertThat(span.attributes().get(GEN_AI_USAGE_INPUT_TOKENS)).isEqualTo(12L);
    assertThat(span.attributes().get(GEN_AI_USAGE_OUTPUT_TOKENS)).isEqualTo(5L);
  }

  @Test
  void everyCallOverloadIsExactlyOneSpan() {
    ChatModel model =
        AgentTraceSpringAi.chatModel(
            "openai", new ScriptedChatModel(answer("1"), answer("2"), answer("3")));

    model.call("Hello");
    model.call(new UserMessage("Hello"));
    model.call(new Prompt("Hello"));

    assertThat(spans.ended()).extracting(SpanData::name).containsOnly("chat gpt-4o-mini");
    assertThat(spans.ended()).hasSize(3);
  }

  @Test
  void responseIdModelAndFinishReasonsAreRecorded() {
    ChatModel model = AgentTraceSpringAi.chatModel("openai", new ScriptedChatModel(answer("Hi!")));

    model.call("Hello");

    SpanData span = spans.named("chat gpt-4o-mini");
    assertThat(span.attributes().get(GEN_AI_RESPONSE_ID)).isEqualTo("chatcmpl-1");
    assertThat(span.attributes().get(GEN_AI_RESPONSE_MODEL)).isEqualTo("gpt-4o-mini-2024-07-18");
    assertThat(span.attributes().get(GEN_AI_RESPONSE_FINISH_REASONS)).containsExactly("stop");
  }

  @Test
  void requestOptionsAreThePromptsElseTheModelsDefaults() {
    ChatModel model = AgentTraceSpringAi.chatModel("openai", new ScriptedChatModel(answer("Hi!")));

    model.call(new Prompt("Hello", ChatOptions.builder().temperature(0.2).build()));

    SpanData span = spans.named("chat gpt-4o-mini");
    assertThat(span.attributes().get(GEN_AI_REQUEST_TEMPERATURE)).isEqualTo(0.2);
    assertThat(span.attributes().get(GEN_AI_REQUEST_MAX_TOKENS)).isEqualTo(256L);
    assertThat(span.attributes().get(GEN_AI_REQUEST_TOP_P)).isNull();
  }

  @Test
  void theModelThePromptAsksForNamesTheSpan() {
    ChatModel model = AgentTraceSpringAi.chatModel("openai", new ScriptedChatModel(answer("Hi!")));

    model.call(new Prompt("Hello", ChatOptions.builder().model("gpt-4o").build()));

    assertThat(spans.ended()).extracting(SpanData::name).containsExactly("chat gpt-4o");
  }

  @Test
  void unknownTokenCountsAreLeftOut() {
    ChatResponse withoutUsage =
        new ChatResponse(List.of(new Generation(new AssistantMessage("Hi!"))));
    Usage promptOnly =
        new Usage() {
          @Override
          public Integer getPromptTokens() {
            return 7;
          }

          @Override
          public Integer getCompletionTokens() {
            return null;
          }

          @Override
          public Object getNativeUsage() {
            return null;
          }
        };
    ChatResponse onlyPrompt = ScriptedChatModel.response(new AssistantMessage("Hi!"), promptOnly);
    ChatModel model =
        AgentTraceSpringAi.chatModel("openai", new ScriptedChatModel(withoutUsage, onlyPrompt));

    model.call("Hello");
    model.call("Hello");

    assertThat(withoutUsage.getMetadata().getUsage()).isInstanceOf(EmptyUsage.class);
    SpanData first = spans.ended().get(0);
    SpanData second = spans.ended().get(1);
    assertThat(first.attributes().get(GEN_AI_USAGE_INPUT_TOKENS)).isNull();
    assertThat(first.attributes().get(GEN_AI_USAGE_OUTPUT_TOKENS)).isNull();
    assertThat(second.attributes().get(GEN_AI_USAGE_INPUT_TOKENS)).isEqualTo(7L);
    assertThat(second.attributes().get(GEN_AI_USAGE_OUTPUT_TOKENS)).isNull();
  }

  @Test
  void failingModelMarksTheSpanErrorAndPassesTheSameExceptionThrough() {
    IllegalStateException quota = new IllegalStateException("quota exceeded");
    ChatModel failing =
        prompt -> {
          throw quota;
        };

    assertThatThrownBy(() -> AgentTraceSpringAi.chatModel("openai", failing).call("Hello"))
        .isSameAs(quota);
    SpanData span = spans.named("chat");
    assertThat(span.statusCode()).isEqualTo(StatusCode.ERROR);
    assertThat(span.statusDescription()).contains("quota exceeded");
  }
}

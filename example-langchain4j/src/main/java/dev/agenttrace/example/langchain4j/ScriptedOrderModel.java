package dev.agenttrace.example.langchain4j;

import dev.langchain4j.agent.tool.ToolExecutionRequest;
import dev.langchain4j.data.message.AiMessage;
import dev.langchain4j.data.message.ChatMessage;
import dev.langchain4j.data.message.ToolExecutionResultMessage;
import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.model.ModelProvider;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.request.ChatRequestParameters;
import dev.langchain4j.model.chat.request.DefaultChatRequestParameters;
import dev.langchain4j.model.chat.response.ChatResponse;
import dev.langchain4j.model.output.FinishReason;
import dev.langchain4j.model.output.TokenUsage;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A stand-in for an OpenAI chat model, written as LangChain4j providers are (it implements {@code
 * doChat}): asked about an order number, it calls the {@code lookupOrder} tool; given the tool's
 * result, it answers with it. Deterministic, in-process: no network, no API key.
 */
final class ScriptedOrderModel implements ChatModel {
  private static final Pattern ORDER_NUMBER = Pattern.compile("\\d+");
  private int calls;

  @Override
  public ChatResponse doChat(ChatRequest request) {
    List<ChatMessage> messages = request.messages();
    ChatMessage last = messages.get(messages.size() - 1);
    int inputTokens = request.messages().toString().length() / 4;
    calls++;
    if (last instanceof ToolExecutionResultMessage result) {
      String text = result.text();
      String answer =
          text.startsWith("order ")
              ? "Good news: " + text + "."
              : "I could not find that order (" + text + "). Please check the number.";
      return response(AiMessage.from(answer), inputTokens, answer.length() / 4, FinishReason.STOP);
    }
    Matcher number =
        ORDER_NUMBER.matcher(last instanceof UserMessage user ? user.singleText() : "");
    if (number.find()) {
      ToolExecutionRequest lookup =
          ToolExecutionRequest.builder()
              .id("call_" + calls)
              .name("lookupOrder")
              .arguments("{\"orderId\": " + number.group() + "}")
              .build();
      return response(AiMessage.from(lookup), inputTokens, 18, FinishReason.TOOL_EXECUTION);
    }
    String answer = "Which order number should I look up?";
    return response(AiMessage.from(answer), inputTokens, answer.length() / 4, FinishReason.STOP);
  }

  private ChatResponse response(
      AiMessage message, int inputTokens, int outputTokens, FinishReason finishReason) {
    return ChatResponse.builder()
        .aiMessage(message)
        .id("chatcmpl-" + calls)
        .modelName("gpt-4o-mini-2024-07-18")
        .tokenUsage(new TokenUsage(inputTokens, outputTokens))
        .finishReason(finishReason)
        .build();
  }

  @Override
  public ChatRequestParameters defaultRequestParameters() {
    return DefaultChatRequestParameters.builder().modelName("gpt-4o-mini").build();
  }

  @Override
  public ModelProvider provider() {
    return ModelProvider.OPEN_AI;
  }
}

package dev.agenttrace.processor;

import static dev.agenttrace.processor.ProxyTester.assertSingleError;
import static dev.agenttrace.processor.ProxyTester.run;
import static dev.agenttrace.processor.ProxyTester.source;
import static org.assertj.core.api.Assertions.assertThat;

import dev.agenttrace.ContentCapture;
import dev.agenttrace.SemanticAttributes;
import dev.agenttrace.spi.SpanData;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Message content is recorded only where a method asks for it and the JVM allows it, in the
 * conventions' JSON shape, and never from {@code @Sensitive} parameters.
 */
class MessageCaptureTest {
  @RegisterExtension final ProxyTester tester = new ProxyTester();

  @AfterEach
  void captureOff() {
    ContentCapture.setEnabled(false);
  }

  private static final String CHAT =
      """
      package test;

      import dev.agenttrace.annotations.LlmCall;
      import dev.agenttrace.annotations.Sensitive;

      @LlmCall(model = "gpt-4o", provider = "openai", captureMessages = %s)
      public interface Chat {
        String reply(String prompt, @Sensitive String apiKey, int attempt);
      }

      package test;

      import java.util.concurrent.Callable;

      public class Driver implements Callable<Object> {
        @Override
        public Object call() {
          return ChatTraced.wrap((prompt, key, attempt) -> "Hello!").reply("Hi", "sk-123", 1);
        }
      }
      """;

  private static String input(SpanData span) {
    return span.attributes().get(SemanticAttributes.GEN_AI_INPUT_MESSAGES);
  }

  private static String output(SpanData span) {
    return span.attributes().get(SemanticAttributes.GEN_AI_OUTPUT_MESSAGES);
  }

  @Test
  void aStringPromptAndAnswerBecomeUserAndAssistantMessagesWithoutSensitiveArguments()
      throws Exception {
    ContentCapture.setEnabled(true);

    run(CHAT.formatted("true"));

    SpanData span = tester.span("chat gpt-4o");
    assertThat(input(span))
        .isEqualTo("[{\"role\":\"user\",\"parts\":[{\"type\":\"text\",\"content\":\"Hi\"}]}]");
    assertThat(output(span))
        .isEqualTo(
            "[{\"role\":\"assistant\",\"parts\":[{\"type\":\"text\",\"content\":\"Hello!\"}],"
                + "\"finish_reason\":\"stop\"}]");
    assertThat(span.attributes().asMap().toString()).doesNotContain("sk-123");
  }

  @Test
  void nothingIsCapturedWhileTheJvmSwitchIsOff() throws Exception {
    run(CHAT.formatted("true"));

    assertThat(tester.span("chat gpt-4o").attributes().asMap())
        .doesNotContainKeys("gen_ai.input.messages", "gen_ai.output.messages");
  }

  @Test
  void nothingIsCapturedWhereTheMethodDoesNotAskForIt() throws Exception {
    ContentCapture.setEnabled(true);

    run(CHAT.formatted("false"));

    assertThat(tester.span("chat gpt-4o").attributes().asMap())
        .doesNotContainKeys("gen_ai.input.messages", "gen_ai.output.messages");
  }

  @Test
  void modelInputAndOutputTypesGiveInstructionsToolsAndOneMessagePerChoice() throws Exception {
    ContentCapture.setEnabled(true);
    run(
        """
        package test;

        import dev.agenttrace.GenAiMessage;
        import dev.agenttrace.MessagePart;
        import dev.agenttrace.ModelInput;
        import dev.agenttrace.ToolDefinition;
        import java.util.List;

        public record Request(List<GenAiMessage> history) implements ModelInput {
          @Override public List<GenAiMessage> inputMessages() { return history; }
          @Override public List<MessagePart> systemInstructions() {
            return List.of(MessagePart.text("Be brief."));
          }
          @Override public List<ToolDefinition> toolDefinitions() {
            return List.of(ToolDefinition.function("lookup_order", null, null));
          }
        }

        package test;

        import dev.agenttrace.GenAiMessage;
        import dev.agenttrace.ModelOutput;
        import java.util.List;

        public record Response(List<GenAiMessage> outputMessages) implements ModelOutput {}

        package test;

        import dev.agenttrace.annotations.LlmCall;
        import java.util.concurrent.CompletableFuture;

        @LlmCall(model = "gpt-4o", provider = "openai", captureMessages = true)
        public interface Chat {
          CompletableFuture<Response> send(Request request);
        }

        package test;

        import dev.agenttrace.GenAiMessage;
        import java.util.List;
        import java.util.concurrent.Callable;
        import java.util.concurrent.CompletableFuture;

        public class Driver implements Callable<Object> {
          @Override
          public Object call() throws Exception {
            // Completed on another thread, joined before reading: the span ends in the
            // stage's callback, which has run once the completing thread is done.
            CompletableFuture<Response> response = new CompletableFuture<>();
            Chat chat = ChatTraced.wrap(request -> response);
            CompletableFuture<Response> answer =
                chat.send(new Request(List.of(GenAiMessage.user("Where is order 42?"))));
            Thread model = new Thread(() -> response.complete(
                new Response(List.of(GenAiMessage.assistant("A"), GenAiMessage.assistant("B")))));
            model.start();
            model.join();
            return answer.get();
          }
        }
        """);

    SpanData span = tester.span("chat gpt-4o");
    assertThat(input(span)).contains("\"content\":\"Where is order 42?\"");
    assertThat(span.attributes().get(SemanticAttributes.GEN_AI_SYSTEM_INSTRUCTIONS))
        .isEqualTo("[{\"type\":\"text\",\"content\":\"Be brief.\"}]");
    assertThat(span.attributes().get(SemanticAttributes.GEN_AI_TOOL_DEFINITIONS))
        .isEqualTo("[{\"type\":\"function\",\"name\":\"lookup_order\"}]");
    assertThat(output(span))
        .contains("\"content\":\"A\"")
        .contains("\"content\":\"B\"")
        .startsWith("[{\"role\":\"assistant\"");
  }

  @Test
  void anAgentRunCapturesWhatItWasAskedAndAnswered() throws Exception {
    ContentCapture.setEnabled(true);
    run(
        """
        package test;

        import dev.agenttrace.annotations.AgentRun;

        @AgentRun(name = "support", captureMessages = true)
        public interface Support {
          String answer(String question);
        }

        package test;

        import java.util.concurrent.Callable;

        public class Driver implements Callable<Object> {
          @Override
          public Object call() {
            return SupportTraced.wrap(question -> "It shipped.").answer("Where is it?");
          }
        }
        """);

    SpanData span = tester.span("invoke_agent support");
    assertThat(input(span)).contains("\"content\":\"Where is it?\"");
    assertThat(output(span)).contains("\"content\":\"It shipped.\"");
  }

  @Test
  void askingToCaptureWhatHoldsNoMessagesIsAnError() {
    assertSingleError(
        source(
            "test.Scorer",
            """
            package test;

            import dev.agenttrace.annotations.LlmCall;

            interface Scorer {
              @LlmCall(model = "m", provider = "openai",
                  captureMessages = true)
              double score(int id);
            }
            """),
        String.format(Messages.CAPTURE_NOTHING, "score()"),
        "captureMessages = ");
  }
}

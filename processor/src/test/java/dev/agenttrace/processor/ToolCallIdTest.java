package dev.agenttrace.processor;

import static dev.agenttrace.processor.ProxyTester.assertSingleError;
import static dev.agenttrace.processor.ProxyTester.run;
import static dev.agenttrace.processor.ProxyTester.source;
import static org.assertj.core.api.Assertions.assertThat;

import dev.agenttrace.ContentCapture;
import dev.agenttrace.SemanticAttributes;
import dev.agenttrace.internal.json.Json;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A tool span records the id of the tool call it answers, and the model span that asked for the
 * call carries the same id in its output messages, so the two can be linked.
 */
class ToolCallIdTest {
  @RegisterExtension final ProxyTester tester = new ProxyTester();

  @AfterEach
  void captureOff() {
    ContentCapture.setEnabled(false);
  }

  @Test
  void theModelsToolCallIdIsOnBothTheModelSpanAndTheToolSpan() throws Exception {
    ContentCapture.setEnabled(true);
    run(
        """
        package test;

        import dev.agenttrace.GenAiMessage;
        import dev.agenttrace.MessagePart;
        import dev.agenttrace.annotations.LlmCall;

        @LlmCall(model = "gpt-4o", provider = "openai", captureMessages = true)
        public interface Model {
          GenAiMessage next(String prompt);
        }

        package test;

        import dev.agenttrace.annotations.Tool;
        import dev.agenttrace.annotations.ToolCallId;

        public interface Orders {
          @Tool(name = "lookup_order")
          String lookup(@ToolCallId String callId, long orderId);
        }

        package test;

        import dev.agenttrace.GenAiMessage;
        import dev.agenttrace.MessagePart;
        import java.util.concurrent.Callable;

        public class Driver implements Callable<Object> {
          @Override
          public Object call() {
            Model model = ModelTraced.wrap(prompt -> GenAiMessage.of("assistant",
                MessagePart.toolCall("call_7", "lookup_order", "{\\"orderId\\":42}")));
            Orders orders = OrdersTraced.wrap((callId, orderId) -> "shipped");
            GenAiMessage answer = model.next("Where is order 42?");
            String id = answer.parts().get(0).fields().get("id");
            return orders.lookup(id, 42);
          }
        }
        """);

    String output =
        tester.span("chat gpt-4o").attributes().get(SemanticAttributes.GEN_AI_OUTPUT_MESSAGES);
    Map<?, ?> toolCall =
        (Map<?, ?>)
            ((List<?>) ((Map<?, ?>) ((List<?>) Json.parse(output)).get(0)).get("parts")).get(0);
    assertThat(toolCall.get("id")).isEqualTo("call_7");
    assertThat(
            tester
                .span("execute_tool lookup_order")
                .attributes()
                .get(SemanticAttributes.GEN_AI_TOOL_CALL_ID))
        .isEqualTo("call_7");
  }

  @Test
  void theIdCanBeReadFromAnArgumentOrBeANumber() throws Exception {
    run(
        """
        package test;

        public record Invocation(String id, String city) {}

        package test;

        import dev.agenttrace.annotations.Tool;
        import dev.agenttrace.annotations.ToolCallId;

        @Tool
        public interface Tools {
          @Tool(callId = "invocation.id")
          String weather(Invocation invocation);

          String numbered(@ToolCallId long id);

          String missing(@ToolCallId String id);
        }

        package test;

        import java.util.concurrent.Callable;

        public class Driver implements Callable<Object> {
          @Override
          public Object call() {
            Tools tools = ToolsTraced.wrap(new Tools() {
              @Override public String weather(Invocation invocation) { return "sunny"; }
              @Override public String numbered(long id) { return "n"; }
              @Override public String missing(String id) { return "m"; }
            });
            return tools.weather(new Invocation("toolu_01", "Oslo")) + tools.numbered(17)
                + tools.missing(null);
          }
        }
        """);

    assertThat(tester.span("execute_tool weather").attributes().asMap())
        .containsEntry("gen_ai.tool.call.id", "toolu_01");
    assertThat(tester.span("execute_tool numbered").attributes().asMap())
        .containsEntry("gen_ai.tool.call.id", "17");
    assertThat(tester.span("execute_tool missing").attributes().asMap())
        .doesNotContainKey("gen_ai.tool.call.id");
  }

  private static final String TOOLS =
      """
      package test;

      import dev.agenttrace.annotations.*;

      interface Tools {
        %s
        String run(%s);
      }
      """;

  private static void assertError(String annotation, String parameters, String message) {
    assertSingleError(
        source("test.Tools", TOOLS.formatted(annotation, parameters)), message, "@ToolCallId");
  }

  @Test
  void aToolCallIdOnAMethodThatIsNotAToolIsAnError() {
    assertError(
        "@Traced",
        "@ToolCallId String id",
        String.format(Messages.TOOL_CALL_ID_NOT_ON_TOOL, "id", "run()"));
  }

  @Test
  void aToolCallIdOnAnUntracedMethodIsAnError() {
    assertError(
        "",
        "@ToolCallId String id",
        String.format(Messages.TOOL_CALL_ID_NOT_ON_TOOL, "id", "run()"));
  }

  @Test
  void twoToolCallIdsAreAnError() {
    assertSingleError(
        source(
            "test.Tools",
            TOOLS.formatted("@Tool", "@ToolCallId String id,\n      @ToolCallId String other")),
        String.format(Messages.TOOL_CALL_ID_TWICE, "other", "run()", "id"),
        "@ToolCallId String other");
  }

  @Test
  void aToolCallIdAndACallIdPathAreAnError() {
    assertError(
        "@Tool(callId = \"id\")",
        "@ToolCallId String id",
        String.format(Messages.TOOL_CALL_ID_AND_PATH, "id", "id", "run()"));
  }

  @Test
  void aSensitiveToolCallIdIsAnError() {
    assertError(
        "@Tool",
        "@Sensitive @ToolCallId String id",
        String.format(Messages.TOOL_CALL_ID_SENSITIVE, "id"));
  }

  @Test
  void aToolCallIdOfAnotherTypeIsAnError() {
    assertError(
        "@Tool",
        "@ToolCallId Object id",
        String.format(Messages.TOOL_CALL_ID_TYPE, "id", "java.lang.Object"));
  }
}

package dev.agenttrace.processor;

import static dev.agenttrace.processor.ProxyTester.assertSingleError;
import static dev.agenttrace.processor.ProxyTester.source;

import org.junit.jupiter.api.Test;

/** Capture and token-usage settings that cannot work are compile errors on the setting. */
class CaptureAndTokenErrorsTest {
  @Test
  void sensitiveSpanAttributeIsAnError() {
    assertSingleError(
        source(
            "test.Accounts",
            """
            package test;

            import dev.agenttrace.annotations.Sensitive;
            import dev.agenttrace.annotations.SpanAttribute;
            import dev.agenttrace.annotations.Tool;

            @Tool
            interface Accounts {
              void login(
                  @SpanAttribute("password") @Sensitive String password);
            }
            """),
        String.format(Messages.SENSITIVE_SPAN_ATTRIBUTE, "password"),
        "@SpanAttribute(\"password\")");
  }

  @Test
  void capturingTheResultOfVoidMethodIsAnError() {
    assertSingleError(
        source(
            "test.Tools",
            """
            package test;

            import dev.agenttrace.annotations.Tool;

            interface Tools {
              @Tool(
                  captureResult = true)
              void run();
            }
            """),
        String.format(Messages.CAPTURE_RESULT_OF_VOID, "run()"),
        "captureResult = true");
  }

  @Test
  void tokenUsageOnVoidMethodIsAnError() {
    assertSingleError(
        source(
            "test.Model",
            """
            package test;

            import dev.agenttrace.annotations.LlmCall;

            interface Model {
              @LlmCall(provider = "openai", model = "m", inputTokens = "tokens")
              void send(String prompt);
            }
            """),
        String.format(Messages.RESULT_PATH_WITHOUT_RESULT, "send()", "void", "inputTokens"),
        "@LlmCall(provider");
  }

  private static final String RESPONSE =
      """
      package test;

      import dev.agenttrace.annotations.LlmCall;

      interface Model {
        @LlmCall(
            provider = "openai",
            model = "m",
            inputTokens = "%s")
        Response chat(String prompt);
      }

      class Response {
        public Usage usage() { return new Usage(); }
      }

      class Usage {
        public String input() { return "many"; }
      }
      """;

  @Test
  void tokenAccessorThatDoesNotExistIsAnError() {
    assertSingleError(
        source("test.Model", RESPONSE.formatted("usage.prompt")),
        String.format(
            Messages.RESULT_ACCESSOR_MISSING,
            "inputTokens",
            "usage.prompt",
            "chat()",
            "test.Usage",
            "prompt"),
        "inputTokens = ");
  }

  @Test
  void tokenAccessorOfWrongTypeIsAnError() {
    assertSingleError(
        source("test.Model", RESPONSE.formatted("usage.input")),
        String.format(
            Messages.VALUE_OF_WRONG_TYPE,
            "inputTokens",
            "usage.input",
            "input()",
            "java.lang.String",
            "gen_ai.usage.input_tokens",
            "an integral number (int, long, Integer, Long, ...)"),
        "inputTokens = ");
  }
}

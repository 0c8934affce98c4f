package dev.agenttrace.processor;

import static dev.agenttrace.processor.ProxyTester.assertSingleError;
import static dev.agenttrace.processor.ProxyTester.source;

import org.junit.jupiter.api.Test;

/**
 * What the GenAI conventions require or rule out for an operation is a compile error on the setting
 * concerned, with the fix.
 */
class GenAiOperationErrorsTest {
  private static final String ONE_METHOD =
      """
      package test;

      import dev.agenttrace.annotations.*;

      interface Model {
        %s
        String call(String input);
      }
      """;

  private static void assertError(String annotation, String message, String line) {
    assertSingleError(source("test.Model", ONE_METHOD.formatted(annotation)), message, line);
  }

  @Test
  void aModelCallWithoutAProviderIsAnErrorThatNamesWhereToSetOne() {
    assertError(
        "@LlmCall(model = \"gpt-4o\")",
        String.format(Messages.MISSING_PROVIDER, "LlmCall", "call()", "chat", "LlmCall"),
        "@LlmCall(");
  }

  @Test
  void creatingAnAgentWithoutAProviderIsAnError() {
    assertError(
        "@CreateAgent(name = \"travel\")",
        String.format(
            Messages.MISSING_PROVIDER, "CreateAgent", "call()", "create_agent", "CreateAgent"),
        "@CreateAgent(");
  }

  @Test
  void aRemoteAgentWithoutAProviderIsAnError() {
    assertError(
        "@AgentRun(name = \"travel\", remote = true)",
        String.format(
            Messages.MISSING_PROVIDER, "AgentRun", "call()", "invoke_agent (remote)", "AgentRun"),
        "@AgentRun(");
  }

  @Test
  void aProviderOnAnInProcessAgentIsAnError() {
    assertError(
        "@AgentRun(name = \"support\",\n      provider = \"openai\")",
        String.format(Messages.REMOTE_ONLY_SETTING, "provider", "openai", "gen_ai.provider.name"),
        "provider = ");
  }

  @Test
  void anAgentIdOnAnInProcessAgentIsAnError() {
    assertError(
        "@AgentRun(name = \"support\",\n      agentId = \"A1\")",
        String.format(Messages.REMOTE_ONLY_SETTING, "agentId", "A1", "agentId"),
        "agentId = ");
  }

  @Test
  void aPortWithoutAnAddressIsAnError() {
    assertError(
        "@LlmCall(model = \"m\", provider = \"openai\",\n      serverPort = 443)",
        String.format(Messages.PORT_WITHOUT_ADDRESS, 443),
        "serverPort = ");
  }

  @Test
  void aPortOutOfRangeIsAnError() {
    assertError(
        "@LlmCall(model = \"m\", provider = \"openai\", serverAddress = \"h\",\n"
            + "      serverPort = 70000)",
        String.format(Messages.BAD_PORT, 70000),
        "serverPort = ");
  }

  @Test
  void outputTokensOnEmbeddingsIsAnError() {
    assertError(
        "@LlmCall(operation = LlmOperation.EMBEDDINGS, model = \"m\", provider = \"openai\",\n"
            + "      outputTokens = \"length\")",
        String.format(
            Messages.NOT_IN_CONVENTIONS,
            "outputTokens",
            "embeddings spans",
            "gen_ai.usage.output_tokens",
            "chat, text_completion, generate_content, invoke_agent, invoke_agent (remote)"),
        "outputTokens = ");
  }

  @Test
  void aTemperatureOnEmbeddingsIsAnError() {
    assertError(
        "@LlmCall(operation = LlmOperation.EMBEDDINGS, model = \"m\", provider = \"openai\",\n"
            + "      request = @RequestPaths(temperature = \"input\"))",
        String.format(
            Messages.NOT_IN_CONVENTIONS,
            "request.temperature",
            "embeddings spans",
            "gen_ai.request.temperature",
            "chat, text_completion, generate_content, invoke_agent, invoke_agent (remote)"),
        "request = ");
  }

  @Test
  void aServerPathOnAnInProcessAgentIsAnError() {
    assertError(
        "@AgentRun(name = \"support\",\n"
            + "      request = @RequestPaths(serverAddress = \"input\"))",
        String.format(
            Messages.NOT_IN_CONVENTIONS,
            "request.serverAddress",
            "invoke_agent (in-process) spans",
            "server.address",
            "chat, text_completion, generate_content, create_agent, embeddings,"
                + " invoke_agent (remote), retrieval"),
        "request = ");
  }

  @Test
  void capturingMessagesOfEmbeddingsIsAnError() {
    assertError(
        "@LlmCall(operation = LlmOperation.EMBEDDINGS, model = \"m\", provider = \"openai\",\n"
            + "      captureMessages = true)",
        String.format(Messages.CAPTURE_NOT_IN_CONVENTIONS, "call()", "embeddings"),
        "captureMessages = ");
  }

  private static final String TRACING =
      """
      package test;

      import dev.agenttrace.annotations.Operation;
      import dev.agenttrace.annotations.TraceInterface;
      import java.util.function.Function;

      @TraceInterface(
          value = Function.class,
          kind = Operation.%s,
          %s)
      final class Tracing {}
      """;

  @Test
  void aTraceInterfaceModelCallWithoutAProviderIsAnError() {
    assertSingleError(
        source("test.Tracing", TRACING.formatted("LLM_CALL", "model = \"m\"")),
        String.format(Messages.TRACE_INTERFACE_WITHOUT_PROVIDER, "Function", "LLM_CALL"),
        "@TraceInterface(");
  }

  @Test
  void aTraceInterfaceInProcessAgentWithAVersionIsAnError() {
    assertSingleError(
        source("test.Tracing", TRACING.formatted("AGENT_RUN", "version = \"3\"")),
        String.format(Messages.REMOTE_ONLY_SETTING, "version", "3", "version"),
        "version = ");
  }
}

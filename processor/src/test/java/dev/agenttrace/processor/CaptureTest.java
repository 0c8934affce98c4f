package dev.agenttrace.processor;

import static dev.agenttrace.processor.ProxyTester.run;
import static org.assertj.core.api.Assertions.assertThat;

import dev.agenttrace.SemanticAttributes;
import dev.agenttrace.spi.SpanData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Tool arguments and results are recorded only on opt-in, and never sensitive parameters. */
class CaptureTest {
  @RegisterExtension final ProxyTester tester = new ProxyTester();

  private static final String LOGIN =
      """
      package test;

      import dev.agenttrace.annotations.Sensitive;
      import dev.agenttrace.annotations.Tool;

      public interface Accounts {
        @Tool(name = "login"%s)
        String login(String user, @Sensitive String password, int attempt, Role role);
      }

      package test;

      public enum Role { ADMIN, USER }

      package test;

      import java.util.concurrent.Callable;

      public class Driver implements Callable<Object> {
        @Override
        public Object call() {
          Accounts accounts = AccountsTraced.wrap((user, password, attempt, role) -> "session-1");
          return accounts.login("ada \\"lovelace\\"", "hunter2", 2, Role.ADMIN);
        }
      }
      """;

  @Test
  void nothingButAttributesIsRecordedByDefault() throws Exception {
    run(LOGIN.formatted(""));

    SpanData span = tester.span("execute_tool login");
    assertThat(span.attributes().asMap())
        .doesNotContainKeys("gen_ai.tool.call.arguments", "gen_ai.tool.call.result")
        .doesNotContainValue("hunter2");
  }

  @Test
  void capturedArgumentsAreJsonWithoutSensitiveParameters() throws Exception {
    run(LOGIN.formatted(", captureArguments = true"));

    SpanData span = tester.span("execute_tool login");
    assertThat(span.attributes().get(SemanticAttributes.GEN_AI_TOOL_CALL_ARGUMENTS))
        .isEqualTo("{\"user\":\"ada \\\"lovelace\\\"\",\"attempt\":2,\"role\":\"ADMIN\"}");
    assertThat(span.attributes().asMap()).doesNotContainKey("gen_ai.tool.call.result");
  }

  @Test
  void capturedResultIsRecorded() throws Exception {
    Object result = run(LOGIN.formatted(", captureResult = true"));

    assertThat(result).isEqualTo("session-1");
    SpanData span = tester.span("execute_tool login");
    assertThat(span.attributes().get(SemanticAttributes.GEN_AI_TOOL_CALL_RESULT))
        .isEqualTo("session-1");
    assertThat(span.attributes().asMap()).doesNotContainKey("gen_ai.tool.call.arguments");
  }

  @Test
  void typeLevelCaptureAppliesToEveryToolUnlessTheMethodSaysOtherwise() throws Exception {
    run(
        """
        package test;

        import dev.agenttrace.annotations.Tool;

        @Tool(captureArguments = true, captureResult = true)
        public interface Calculator {
          int add(int a, int b);

          @Tool(captureArguments = false)
          int negate(int a);
        }

        package test;

        import java.util.concurrent.Callable;

        public class Driver implements Callable<Object> {
          @Override
          public Object call() {
            Calculator calculator = CalculatorTraced.wrap(new Calculator() {
              @Override public int add(int a, int b) { return a + b; }
              @Override public int negate(int a) { return -a; }
            });
            return calculator.negate(calculator.add(1, 2));
          }
        }
        """);

    SpanData add = tester.span("execute_tool add");
    assertThat(add.attributes().get(SemanticAttributes.GEN_AI_TOOL_CALL_ARGUMENTS))
        .isEqualTo("{\"a\":1,\"b\":2}");
    assertThat(add.attributes().get(SemanticAttributes.GEN_AI_TOOL_CALL_RESULT)).isEqualTo("3");
    SpanData negate = tester.span("execute_tool negate");
    assertThat(negate.attributes().asMap()).doesNotContainKey("gen_ai.tool.call.arguments");
    assertThat(negate.attributes().get(SemanticAttributes.GEN_AI_TOOL_CALL_RESULT)).isEqualTo("-3");
  }
}

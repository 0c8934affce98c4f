package dev.agenttrace.example;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class SupportAppTest {

  private static String runExample() {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    SupportApp.run(new ScriptedChatModel(1), new PrintStream(bytes, true, StandardCharsets.UTF_8));
    return bytes.toString(StandardCharsets.UTF_8);
  }

  /** The printed output with trace ids and durations replaced, so it can be compared exactly. */
  private static String normalized(String output) {
    return output
        .replaceAll("Trace [0-9a-f]{32}", "Trace <id>")
        .replaceAll("\\d+(\\.\\d+)? (s|ms|µs)", "<duration>");
  }

  @Test
  void printsBothAnswersAndTheTreeOfEachTrace() {
    String output = normalized(runExample());

    assertThat(output)
        .isEqualTo(
            """
            Customer: I want a refund for order ORD-1001, the keyboard arrived broken.
            Agent:    Dear customer, Refunded 129.0 EUR for Mechanical keyboard.

            Customer: Where is my order ORD-4040?
            Agent:    Dear customer, I could not find order ORD-4040.

            Trace <id>
            └─ invoke_agent orchestrator [support-desk] (<duration>)
               ├─ chat scripted-model [support-desk] (<duration>)
               ├─ invoke_agent billing [billing-service] (<duration>)
               │  ├─ execute_tool lookup_order [billing-service] (<duration>)
               │  ├─ chat scripted-model [billing-service] (<duration>)
               │  └─ execute_tool update_order [billing-service] (<duration>)
               └─ chat scripted-model [support-desk] (<duration>)
            = <duration>: LLM <duration>, tools <duration>, other <duration> · 3 LLM calls, 2 tool \
            calls · tokens not recorded · no errors

            Trace <id>
            └─ invoke_agent orchestrator (<duration>)
               ├─ chat scripted-model (<duration>)
               ├─ execute_tool lookup_order (<duration>) ✗ ERROR OrderNotFoundException: No order ORD-4040
               └─ chat scripted-model (<duration>)
            = <duration>: LLM <duration>, tools <duration>, other <duration> · 2 LLM calls, 1 tool \
            call · tokens not recorded · 1 error
            """);
  }
}

package dev.agenttrace.example;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class SupportAppTest {
  private static final String CHAT =
      "gen_ai_operation_name=\"chat\",gen_ai_provider_name=\"scripted\","
          + "gen_ai_request_model=\"scripted-model\"";

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
  void printsBothAnswersTheTreeOfEachTraceAndTheGenAiMetrics() {
    String output = normalized(runExample());

    assertThat(output)
        .isEqualTo(
            """
            Customer: I want a refund for order ORD-1001, the keyboard arrived broken.
            Agent:    Dear customer, Refunded 129.0 EUR for Mechanical keyboard.

            Customer: Where is my order ORD-4040?
            Agent:    Dear customer, I could not find order ORD-4040.

            Trace <id>
            └─ invoke_agent orchestrator [support-desk] (<duration>) · 19 in / 10 out tokens
               ├─ chat scripted-model [support-desk] (<duration>) · 12 in / 2 out tokens
               ├─ invoke_agent billing [billing-service] (<duration>) · 5 in / 1 out tokens
               │  ├─ execute_tool lookup_order [billing-service] (<duration>)
               │  ├─ chat scripted-model [billing-service] (<duration>) · 5 in / 1 out tokens
               │  └─ execute_tool update_order [billing-service] (<duration>)
               └─ chat scripted-model [support-desk] (<duration>) · 7 in / 8 out tokens
            = <duration>: LLM <duration>, tools <duration>, other <duration> · 3 LLM calls,\
             2 tool calls · tokens 24 in / 11 out (scripted-model) · no errors

            Trace <id>
            └─ invoke_agent orchestrator (<duration>) · 13 in / 10 out tokens
               ├─ chat scripted-model (<duration>) · 6 in / 2 out tokens
               ├─ execute_tool lookup_order (<duration>) ✗ ERROR OrderNotFoundException: No order ORD-4040
               └─ chat scripted-model (<duration>) · 7 in / 8 out tokens
            = <duration>: LLM <duration>, tools <duration>, other <duration> · 2 LLM calls,\
             1 tool call · tokens 13 in / 10 out (scripted-model) · 1 error

            GenAI metrics (OpenTelemetry conventions 1.42.0-dev),\
             counts and token sums; a scrape adds buckets and AgentTrace's own counters:
            # support-desk
            gen_ai_client_operation_duration_seconds_count{LABELS} 4
            gen_ai_client_token_usage_sum{LABELS,gen_ai_token_type="input"} 32
            gen_ai_client_token_usage_count{LABELS,gen_ai_token_type="input"} 4
            gen_ai_client_token_usage_sum{LABELS,gen_ai_token_type="output"} 20
            gen_ai_client_token_usage_count{LABELS,gen_ai_token_type="output"} 4
            gen_ai_invoke_agent_duration_seconds_count{gen_ai_agent_name="orchestrator"} 2
            gen_ai_execute_tool_duration_seconds_count{gen_ai_tool_name="lookup_order",\
            gen_ai_tool_type="function",\
            error_type="dev.agenttrace.example.OrderNotFoundException"} 1
            # billing-service
            gen_ai_client_operation_duration_seconds_count{LABELS} 1
            gen_ai_client_token_usage_sum{LABELS,gen_ai_token_type="input"} 5
            gen_ai_client_token_usage_count{LABELS,gen_ai_token_type="input"} 1
            gen_ai_client_token_usage_sum{LABELS,gen_ai_token_type="output"} 1
            gen_ai_client_token_usage_count{LABELS,gen_ai_token_type="output"} 1
            gen_ai_invoke_agent_duration_seconds_count{gen_ai_agent_name="billing"} 1
            gen_ai_execute_tool_duration_seconds_count{gen_ai_tool_name="lookup_order",\
            gen_ai_tool_type="function"} 1
            gen_ai_execute_tool_duration_seconds_count{gen_ai_tool_name="update_order",\
            gen_ai_tool_type="function"} 1
            """
                .replace("LABELS", CHAT));
  }
}

package dev.agenttrace.example.langchain4j;

import static dev.agenttrace.SemanticAttributes.GEN_AI_USAGE_INPUT_TOKENS;
import static org.assertj.core.api.Assertions.assertThat;

import dev.agenttrace.StatusCode;
import dev.agenttrace.spi.SpanData;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class LangChain4jAgentAppTest {
  private final ByteArrayOutputStream printed = new ByteArrayOutputStream();
  private final List<SpanData> spans =
      LangChain4jAgentApp.run(new PrintStream(printed, true, StandardCharsets.UTF_8));

  @Test
  void eachQuestionIsOneAgentTraceWithTwoModelCallsAndATool() {
    List<SpanData> agents = named("invoke_agent order-assistant");
    assertThat(agents).hasSize(2);
    for (SpanData agent : agents) {
      List<SpanData> children =
          spans.stream()
              .filter(s -> s.parentSpanContext().equals(agent.spanContext()))
              .sorted((a, b) -> Long.compare(a.startEpochNanos(), b.startEpochNanos()))
              .toList();
      assertThat(children)
          .extracting(SpanData::name)
          .containsExactly("chat gpt-4o-mini", "execute_tool lookupOrder", "chat gpt-4o-mini");
    }
    assertThat(named("chat gpt-4o-mini"))
        .allSatisfy(
            chat -> assertThat(chat.attributes().get(GEN_AI_USAGE_INPUT_TOKENS)).isPositive());
  }

  @Test
  void unknownOrderIsAFailedToolCallThatTheAgentAnswersAnyway() {
    assertThat(named("execute_tool lookupOrder"))
        .extracting(SpanData::statusCode)
        .containsExactly(StatusCode.UNSET, StatusCode.ERROR);
    assertThat(printed.toString(StandardCharsets.UTF_8))
        .contains("Assistant: Good news: order 42 is shipped.")
        .contains("Assistant: I could not find that order (no order 99)");
  }

  private List<SpanData> named(String name) {
    return spans.stream().filter(s -> s.name().equals(name)).toList();
  }
}

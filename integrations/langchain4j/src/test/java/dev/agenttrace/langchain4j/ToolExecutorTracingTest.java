package dev.agenttrace.langchain4j;

import static dev.agenttrace.SemanticAttributes.GEN_AI_TOOL_CALL_ID;
import static dev.agenttrace.SemanticAttributes.GEN_AI_TOOL_DESCRIPTION;
import static org.assertj.core.api.Assertions.assertThat;

import dev.agenttrace.StatusCode;
import dev.agenttrace.spi.SpanData;
import dev.langchain4j.agent.tool.ToolExecutionRequest;
import dev.langchain4j.agent.tool.ToolSpecification;
import dev.langchain4j.invocation.InvocationContext;
import dev.langchain4j.service.tool.ToolExecutionResult;
import dev.langchain4j.service.tool.ToolExecutor;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class ToolExecutorTracingTest {
  private final RecordedSpans spans = RecordedSpans.install();

  @AfterEach
  void uninstall() {
    spans.close();
  }

  private static ToolExecutionRequest request(String name) {
    return ToolExecutionRequest.builder().id("call_7").name(name).arguments("{}").build();
  }

  @Test
  void anUnnamedExecutorNamesEachSpanAfterTheRequestedTool() {
    ToolExecutor executor = AgentTraceAiServices.toolExecutor((request, memoryId) -> "sunny");

    String result = executor.execute(request("weather"), null);

    assertThat(result).isEqualTo("sunny");
    assertThat(spans.named("execute_tool weather").attributes().get(GEN_AI_TOOL_CALL_ID))
        .isEqualTo("call_7");
  }

  @Test
  void executorsOfAToolMapAreNamedAndDescribedByTheirSpecification() {
    ToolSpecification weather =
        ToolSpecification.builder().name("weather").description("Today's weather").build();
    Map<ToolSpecification, ToolExecutor> tools =
        AgentTraceAiServices.tools(Map.of(weather, (request, memoryId) -> "sunny"));

    ToolExecutionResult result = tools.get(weather).executeWithContext(request("weather"), null);

    assertThat(result.resultText()).isEqualTo("sunny");
    assertThat(spans.named("execute_tool weather").attributes().get(GEN_AI_TOOL_DESCRIPTION))
        .isEqualTo("Today's weather");
  }

  @Test
  void aResultFlaggedAsAnErrorMarksTheSpanError() {
    ToolExecutor failing =
        new ToolExecutor() {
          @Override
          public String execute(ToolExecutionRequest request, Object memoryId) {
            return "unused";
          }

          @Override
          public ToolExecutionResult executeWithContext(
              ToolExecutionRequest request, InvocationContext context) {
            return ToolExecutionResult.builder().isError(true).resultText("service down").build();
          }
        };

    ToolExecutionResult result =
        AgentTraceAiServices.toolExecutor(failing).executeWithContext(request("weather"), null);

    assertThat(result.isError()).isTrue();
    SpanData span = spans.named("execute_tool weather");
    assertThat(span.statusCode()).isEqualTo(StatusCode.ERROR);
    assertThat(span.attributes().get("error.type")).isEqualTo("tool_error");
  }
}

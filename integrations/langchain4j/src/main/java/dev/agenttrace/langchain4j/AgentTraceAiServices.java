package dev.agenttrace.langchain4j;

import static java.util.Objects.requireNonNull;

import dev.langchain4j.agent.tool.ToolSpecification;
import dev.langchain4j.service.tool.AiServiceTool;
import dev.langchain4j.service.tool.ToolExecutor;
import dev.langchain4j.service.tool.ToolService;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Traces the tools of LangChain4j's AI services: each execution an {@code execute_tool {name}}
 * span, a child of the span current when the AI service runs the tool (its agent's).
 *
 * <pre>{@code
 * Assistant assistant = AiServices.builder(Assistant.class)
 *     .chatModel(AgentTraceLangChain4j.chatModel(model))
 *     .tools(AgentTraceAiServices.tools(new OrderTools()))
 *     .build();
 * }</pre>
 *
 * <p>Apart from {@link AgentTraceLangChain4j} because these types live in the {@code langchain4j}
 * artifact, which users of the models alone ({@code langchain4j-core}) need not have.
 */
public final class AgentTraceAiServices {
  private AgentTraceAiServices() {}

  /**
   * The {@code @Tool} methods of {@code objectsWithTools} as AI service tools whose executions are
   * {@code execute_tool {name}} spans, for {@code AiServices.builder(...).tools(List)}. LangChain4j
   * finds the methods and builds their executors exactly as {@code .tools(Object...)} does ({@code
   * ToolService.findTools}); this only wraps each executor. Compensating actions of {@code @Tool}
   * objects are not carried over: pass such objects to {@code .tools(Object...)} untraced.
   */
  public static List<AiServiceTool> tools(Object... objectsWithTools) {
    List<AiServiceTool> traced = new ArrayList<>();
    for (Object objectWithTools : objectsWithTools) {
      for (AiServiceTool tool : ToolService.findTools(objectWithTools)) {
        traced.add(
            tool.toBuilder()
                .toolExecutor(
                    new TracedToolExecutor(
                        tool.toolExecutor(), tool.name(), tool.toolSpecification().description()))
                .build());
      }
    }
    return traced;
  }

  /**
   * {@code tools} with each executor traced as {@code execute_tool {name}}, for {@code
   * AiServices.builder(...).tools(Map)}; the iteration order is kept.
   */
  public static Map<ToolSpecification, ToolExecutor> tools(
      Map<ToolSpecification, ToolExecutor> tools) {
    Map<ToolSpecification, ToolExecutor> traced = new LinkedHashMap<>();
    tools.forEach(
        (specification, executor) ->
            traced.put(
                specification,
                new TracedToolExecutor(
                    requireNonNull(executor, "executor"),
                    specification.name(),
                    specification.description())));
    return traced;
  }

  /**
   * {@code executor}, each execution an {@code execute_tool {name}} span named after the tool the
   * request names.
   */
  public static ToolExecutor toolExecutor(ToolExecutor executor) {
    return new TracedToolExecutor(requireNonNull(executor, "executor"), null, null);
  }
}

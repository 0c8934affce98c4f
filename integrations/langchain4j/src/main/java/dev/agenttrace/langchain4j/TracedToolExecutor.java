package dev.agenttrace.langchain4j;

import static dev.agenttrace.SemanticAttributes.GEN_AI_OPERATION_NAME;
import static dev.agenttrace.SemanticAttributes.GEN_AI_TOOL_CALL_ID;
import static dev.agenttrace.SemanticAttributes.GEN_AI_TOOL_DESCRIPTION;
import static dev.agenttrace.SemanticAttributes.GEN_AI_TOOL_NAME;
import static dev.agenttrace.SemanticAttributes.GEN_AI_TOOL_TYPE;
import static dev.agenttrace.SemanticAttributes.OPERATION_EXECUTE_TOOL;
import static dev.agenttrace.proxy.IntegrationSpans.nonBlank;
import static dev.agenttrace.proxy.IntegrationSpans.read;

import dev.agenttrace.AgentTrace;
import dev.agenttrace.Attributes;
import dev.agenttrace.Span;
import dev.agenttrace.SpanKind;
import dev.agenttrace.StatusCode;
import dev.agenttrace.Tracer;
import dev.agenttrace.proxy.IntegrationSpans;
import dev.langchain4j.agent.tool.ToolExecutionRequest;
import dev.langchain4j.invocation.InvocationContext;
import dev.langchain4j.service.tool.ToolExecutionResult;
import dev.langchain4j.service.tool.ToolExecutor;
import java.util.function.Supplier;

/**
 * A {@link ToolExecutor} whose executions are {@code execute_tool {name}} spans, with {@code
 * gen_ai.tool.call.id} the id the model gave the call (which links the span to the model's
 * request). Both {@code execute} and {@code executeWithContext} (what AI services call) are traced
 * and forwarded, so the wrapped executor's result, error flag and attributes reach the AI service
 * unchanged. An exception marks the span ERROR and passes through (the AI service then turns it
 * into an error result); a result flagged as an error without one marks it ERROR with {@code
 * error.type=tool_error}.
 */
final class TracedToolExecutor implements ToolExecutor {
  private final ToolExecutor delegate;
  private final String name;
  private final String description;

  /**
   * @param name the tool's name, or null to take it from each request
   * @param description the tool's description, or null
   */
  TracedToolExecutor(ToolExecutor delegate, String name, String description) {
    this.delegate = delegate;
    this.name = nonBlank(name);
    this.description = nonBlank(description);
  }

  @Override
  public String execute(ToolExecutionRequest request, Object memoryId) {
    return traced(request, () -> delegate.execute(request, memoryId));
  }

  @Override
  public ToolExecutionResult executeWithContext(
      ToolExecutionRequest request, InvocationContext context) {
    return traced(request, () -> delegate.executeWithContext(request, context));
  }

  private <T> T traced(ToolExecutionRequest request, Supplier<T> call) {
    Tracer tracer = AgentTrace.tracer();
    if (!tracer.isEnabled()) {
      return call.get();
    }
    String tool = name != null ? name : request == null ? null : nonBlank(read(request::name));
    Span span =
        tracer
            .spanBuilder(
                tool == null ? OPERATION_EXECUTE_TOOL : OPERATION_EXECUTE_TOOL + " " + tool)
            .setSpanKind(SpanKind.INTERNAL)
            .setAllAttributes(
                Attributes.builder()
                    .put(GEN_AI_OPERATION_NAME, OPERATION_EXECUTE_TOOL)
                    .put(GEN_AI_TOOL_NAME, tool)
                    .put(GEN_AI_TOOL_DESCRIPTION, description)
                    .put(GEN_AI_TOOL_TYPE, "function")
                    .put(GEN_AI_TOOL_CALL_ID, request == null ? null : nonBlank(read(request::id)))
                    .build())
            .startSpan();
    return IntegrationSpans.within(
        span,
        call,
        result -> {
          if (result instanceof ToolExecutionResult executed && executed.isError()) {
            span.setAttribute("error.type", "tool_error");
            span.setStatus(StatusCode.ERROR, read(executed::resultText));
          }
        });
  }

  @Override
  public String toString() {
    return "Traced[" + delegate + "]";
  }
}

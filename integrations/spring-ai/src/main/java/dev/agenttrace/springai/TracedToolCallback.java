package dev.agenttrace.springai;

import static dev.agenttrace.SemanticAttributes.GEN_AI_OPERATION_NAME;
import static dev.agenttrace.SemanticAttributes.GEN_AI_TOOL_DESCRIPTION;
import static dev.agenttrace.SemanticAttributes.GEN_AI_TOOL_NAME;
import static dev.agenttrace.SemanticAttributes.OPERATION_EXECUTE_TOOL;
import static dev.agenttrace.proxy.IntegrationSpans.nonBlank;
import static dev.agenttrace.proxy.IntegrationSpans.read;

import dev.agenttrace.AgentTrace;
import dev.agenttrace.Attributes;
import dev.agenttrace.Span;
import dev.agenttrace.SpanKind;
import dev.agenttrace.Tracer;
import dev.agenttrace.proxy.IntegrationSpans;
import java.util.function.Supplier;
import org.springframework.ai.chat.model.ToolContext;
import org.springframework.ai.tool.ToolCallback;
import org.springframework.ai.tool.definition.ToolDefinition;
import org.springframework.ai.tool.metadata.ToolMetadata;

/**
 * A {@link ToolCallback} whose calls are {@code execute_tool {name}} spans, the name and
 * description read from its {@link ToolDefinition}. Both {@code call(input)} and {@code call(input,
 * toolContext)} (what Spring AI's tool calling manager calls) are traced and forwarded; the
 * definition and metadata are forwarded, so the tool is found and behaves as the wrapped one.
 */
final class TracedToolCallback implements ToolCallback {
  private final ToolCallback delegate;

  TracedToolCallback(ToolCallback delegate) {
    this.delegate = delegate;
  }

  @Override
  public ToolDefinition getToolDefinition() {
    return delegate.getToolDefinition();
  }

  @Override
  public ToolMetadata getToolMetadata() {
    return delegate.getToolMetadata();
  }

  @Override
  public String call(String toolInput) {
    return traced(() -> delegate.call(toolInput));
  }

  @Override
  public String call(String toolInput, ToolContext toolContext) {
    return traced(() -> delegate.call(toolInput, toolContext));
  }

  private String traced(Supplier<String> call) {
    Tracer tracer = AgentTrace.tracer();
    if (!tracer.isEnabled()) {
      return call.get();
    }
    ToolDefinition definition = read(delegate::getToolDefinition);
    String name = definition == null ? null : nonBlank(read(definition::name));
    Span span =
        tracer
            .spanBuilder(
                name == null ? OPERATION_EXECUTE_TOOL : OPERATION_EXECUTE_TOOL + " " + name)
            .setSpanKind(SpanKind.INTERNAL)
            .setAllAttributes(
                Attributes.builder()
                    .put(GEN_AI_OPERATION_NAME, OPERATION_EXECUTE_TOOL)
                    .put(GEN_AI_TOOL_NAME, name)
                    .put(
                        GEN_AI_TOOL_DESCRIPTION,
                        definition == null ? null : nonBlank(read(definition::description)))
                    .build())
            .startSpan();
    return IntegrationSpans.within(span, call, result -> {});
  }

  @Override
  public String toString() {
    return "Traced[" + delegate + "]";
  }
}

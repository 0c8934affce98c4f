package dev.agenttrace.proxy;

import dev.agenttrace.AttributeKey;
import dev.agenttrace.SemanticAttributes;
import dev.agenttrace.SpanKind;
import dev.agenttrace.SpanTemplate;

/**
 * The span templates of generated proxies, one factory per kind of traced operation. For generated
 * code: one non-generic call per proxy method keeps the generated code short to read and cheap to
 * compile. Like everything in {@code dev.agenttrace.proxy}, it may change with the processor
 * version; code written by hand builds templates with {@link SpanTemplate#builder}.
 */
public final class SpanTemplates {
  private SpanTemplates() {}

  /**
   * An agent run following the GenAI conventions: span {@code invoke_agent {agentName}}, kind
   * INTERNAL, with {@code gen_ai.operation.name}, {@code gen_ai.agent.name}, {@code
   * gen_ai.agent.description} and {@code code.function.name}. Empty or null optional values are
   * left out.
   *
   * <p>This and the other factories are what generated proxies call: one non-generic call per
   * method keeps the generated code short to read and cheap to compile.
   *
   * @param agentName the agent's name
   * @param description what the agent does, or empty
   * @param codeFunction the fully-qualified traced method, or empty
   */
  public static SpanTemplate agentRun(String agentName, String description, String codeFunction) {
    return genAi(
            SemanticAttributes.OPERATION_INVOKE_AGENT,
            SpanKind.INTERNAL,
            SemanticAttributes.GEN_AI_AGENT_NAME,
            agentName,
            SemanticAttributes.GEN_AI_AGENT_DESCRIPTION,
            description,
            codeFunction)
        .build();
  }

  /**
   * A tool execution following the GenAI conventions: span {@code execute_tool {toolName}}, kind
   * INTERNAL, with {@code gen_ai.operation.name}, {@code gen_ai.tool.name}, {@code
   * gen_ai.tool.description} and {@code code.function.name}. Empty optional values are left out.
   */
  public static SpanTemplate tool(String toolName, String description, String codeFunction) {
    return genAi(
            SemanticAttributes.OPERATION_EXECUTE_TOOL,
            SpanKind.INTERNAL,
            SemanticAttributes.GEN_AI_TOOL_NAME,
            toolName,
            SemanticAttributes.GEN_AI_TOOL_DESCRIPTION,
            description,
            codeFunction)
        .build();
  }

  /**
   * A model call following the GenAI conventions: span {@code chat {model}}, kind CLIENT, with
   * {@code gen_ai.operation.name}, {@code gen_ai.request.model}, {@code gen_ai.provider.name} and
   * {@code code.function.name}. Empty optional values are left out.
   */
  public static SpanTemplate llmCall(String model, String provider, String codeFunction) {
    return genAi(
            SemanticAttributes.OPERATION_CHAT,
            SpanKind.CLIENT,
            SemanticAttributes.GEN_AI_REQUEST_MODEL,
            model,
            SemanticAttributes.GEN_AI_PROVIDER_NAME,
            provider,
            codeFunction)
        .build();
  }

  /**
   * A model call of any GenAI operation ({@code chat}, {@code text_completion}, {@code
   * generate_content}, {@code embeddings}): span {@code {operation} {model}}, kind CLIENT, with
   * {@code gen_ai.operation.name}, {@code gen_ai.request.model}, {@code gen_ai.provider.name},
   * {@code code.function.name} and, for a streamed response, {@code gen_ai.request.stream=true}.
   * Empty optional values are left out.
   *
   * @param operation the {@code gen_ai.operation.name}
   * @param streaming whether the call streams its response
   */
  public static SpanTemplate modelCall(
      String operation, String model, String provider, String codeFunction, boolean streaming) {
    SpanTemplate.Builder builder =
        genAi(
            operation,
            SpanKind.CLIENT,
            SemanticAttributes.GEN_AI_REQUEST_MODEL,
            model,
            SemanticAttributes.GEN_AI_PROVIDER_NAME,
            provider,
            codeFunction);
    if (streaming) {
      builder.attribute(SemanticAttributes.GEN_AI_REQUEST_STREAM, true);
    }
    return builder.build();
  }

  /** A generic operation: span {@code spanName}, kind INTERNAL, with {@code code.function.name}. */
  public static SpanTemplate traced(String spanName, String codeFunction) {
    return withIfPresent(
            SpanTemplate.builder(spanName), SemanticAttributes.CODE_FUNCTION_NAME, codeFunction)
        .build();
  }

  /**
   * A GenAI span named {@code "{operation} {subject}"}: the operation, the subject under its key,
   * an optional detail (description, provider) and the code function.
   */
  private static SpanTemplate.Builder genAi(
      String operation,
      SpanKind kind,
      AttributeKey<String> subjectKey,
      String subject,
      AttributeKey<String> detailKey,
      String detail,
      String codeFunction) {
    SpanTemplate.Builder builder =
        SpanTemplate.builder(operation + " " + subject)
            .kind(kind)
            .attribute(SemanticAttributes.GEN_AI_OPERATION_NAME, operation);
    withIfPresent(builder, subjectKey, subject);
    withIfPresent(builder, detailKey, detail);
    return withIfPresent(builder, SemanticAttributes.CODE_FUNCTION_NAME, codeFunction);
  }

  private static SpanTemplate.Builder withIfPresent(
      SpanTemplate.Builder builder, AttributeKey<String> key, String value) {
    if (value != null && !value.isEmpty()) {
      builder.attribute(key, value);
    }
    return builder;
  }
}

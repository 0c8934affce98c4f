package dev.agenttrace.proxy;

import dev.agenttrace.AttributeKey;
import dev.agenttrace.SemanticAttributes;
import dev.agenttrace.SpanKind;
import dev.agenttrace.SpanTemplate;

/**
 * The span templates of generated proxies, one factory per kind of traced operation, following the
 * GenAI semantic conventions (1.42.0-dev): span name, kind and the attributes known at compile
 * time. Optional constants (server address, agent id, ...) are added with {@link
 * SpanTemplate#withAttribute}. For generated code: one non-generic call per proxy method keeps the
 * generated code short to read and cheap to compile. Like everything in {@code
 * dev.agenttrace.proxy}, it may change with the processor version, but the factories released
 * proxies call stay; code written by hand builds templates with {@link SpanTemplate#builder}.
 *
 * <p>Empty or null optional values are left out everywhere.
 */
public final class SpanTemplates {
  private SpanTemplates() {}

  /**
   * An agent running in this process: span {@code invoke_agent {agentName}}, kind INTERNAL (the
   * conventions' {@code gen_ai.invoke_agent.internal}, which has no {@code gen_ai.provider.name}),
   * with {@code gen_ai.operation.name}, {@code gen_ai.agent.name}, {@code gen_ai.agent.description}
   * and {@code code.function.name}.
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
        codeFunction);
  }

  /**
   * An agent in another service (such as an OpenAI assistant or an AWS Bedrock agent): span {@code
   * invoke_agent {agentName}} (or {@code invoke_agent} without a name), kind CLIENT (the
   * conventions' {@code gen_ai.invoke_agent.client}), with {@code gen_ai.operation.name}, {@code
   * gen_ai.agent.name}, the required {@code gen_ai.provider.name} and {@code code.function.name}.
   */
  public static SpanTemplate remoteAgentRun(
      String agentName, String provider, String codeFunction) {
    return genAi(
        SemanticAttributes.OPERATION_INVOKE_AGENT,
        SpanKind.CLIENT,
        SemanticAttributes.GEN_AI_AGENT_NAME,
        agentName,
        SemanticAttributes.GEN_AI_PROVIDER_NAME,
        provider,
        codeFunction);
  }

  /**
   * Creating an agent: span {@code create_agent {agentName}} (or {@code create_agent}), kind
   * CLIENT, with {@code gen_ai.operation.name}, {@code gen_ai.agent.name}, the required {@code
   * gen_ai.provider.name} and {@code code.function.name}.
   */
  public static SpanTemplate createAgent(String agentName, String provider, String codeFunction) {
    return genAi(
        SemanticAttributes.OPERATION_CREATE_AGENT,
        SpanKind.CLIENT,
        SemanticAttributes.GEN_AI_AGENT_NAME,
        agentName,
        SemanticAttributes.GEN_AI_PROVIDER_NAME,
        provider,
        codeFunction);
  }

  /**
   * A tool execution following the GenAI conventions: span {@code execute_tool {toolName}}, kind
   * INTERNAL, with {@code gen_ai.operation.name}, {@code gen_ai.tool.name}, {@code
   * gen_ai.tool.description} and {@code code.function.name}.
   */
  public static SpanTemplate tool(String toolName, String description, String codeFunction) {
    return genAi(
        SemanticAttributes.OPERATION_EXECUTE_TOOL,
        SpanKind.INTERNAL,
        SemanticAttributes.GEN_AI_TOOL_NAME,
        toolName,
        SemanticAttributes.GEN_AI_TOOL_DESCRIPTION,
        description,
        codeFunction);
  }

  /**
   * A chat model call: {@link #modelCall} with operation {@code chat}. Kept for proxies generated
   * before the other model operations existed.
   */
  public static SpanTemplate llmCall(String model, String provider, String codeFunction) {
    return modelCall(SemanticAttributes.OPERATION_CHAT, model, provider, codeFunction);
  }

  /**
   * A model call: span {@code {operation} {model}} (or {@code {operation}} without a model), kind
   * CLIENT, with {@code gen_ai.operation.name}, {@code gen_ai.request.model}, the required {@code
   * gen_ai.provider.name} and {@code code.function.name}.
   *
   * @param operation {@code chat}, {@code text_completion}, {@code generate_content} or {@code
   *     embeddings}
   */
  public static SpanTemplate modelCall(
      String operation, String model, String provider, String codeFunction) {
    return genAi(
        operation,
        SpanKind.CLIENT,
        SemanticAttributes.GEN_AI_REQUEST_MODEL,
        model,
        SemanticAttributes.GEN_AI_PROVIDER_NAME,
        provider,
        codeFunction);
  }

  /**
   * A retrieval: span {@code retrieval {dataSourceId}} (or {@code retrieval}), kind CLIENT, with
   * {@code gen_ai.operation.name}, {@code gen_ai.data_source.id} and {@code code.function.name}.
   */
  public static SpanTemplate retrieval(String dataSourceId, String codeFunction) {
    return genAi(
        SemanticAttributes.OPERATION_RETRIEVAL,
        SpanKind.CLIENT,
        SemanticAttributes.GEN_AI_DATA_SOURCE_ID,
        dataSourceId,
        null,
        null,
        codeFunction);
  }

  /**
   * {@code template} for a call whose model was read from its arguments: named {@code {operation}
   * {model}}, with {@code gen_ai.request.model} set to {@code model}; {@code template} itself when
   * the model is null or empty. Called before the span starts, so that samplers see the model.
   */
  public static SpanTemplate withRequestModel(
      SpanTemplate template, String operation, String model) {
    if (model == null || model.isEmpty()) {
      return template;
    }
    SpanTemplate.Builder builder = SpanTemplate.builder(operation + " " + model);
    builder.kind(template.kind());
    template.attributes().forEach((key, value) -> putUnchecked(builder, key, value));
    builder.attribute(SemanticAttributes.GEN_AI_REQUEST_MODEL, model);
    return builder.build();
  }

  @SuppressWarnings("unchecked")
  private static <T> void putUnchecked(
      SpanTemplate.Builder builder, AttributeKey<T> key, Object v) {
    builder.attribute(key, (T) v);
  }

  /** A generic operation: span {@code spanName}, kind INTERNAL, with {@code code.function.name}. */
  public static SpanTemplate traced(String spanName, String codeFunction) {
    return withIfPresent(
            SpanTemplate.builder(spanName), SemanticAttributes.CODE_FUNCTION_NAME, codeFunction)
        .build();
  }

  /**
   * A GenAI span named {@code "{operation} {subject}"} ({@code "{operation}"} without a subject):
   * the operation, the subject under its key, an optional detail (description, provider) and the
   * code function.
   */
  private static SpanTemplate genAi(
      String operation,
      SpanKind kind,
      AttributeKey<String> subjectKey,
      String subject,
      AttributeKey<String> detailKey,
      String detail,
      String codeFunction) {
    boolean named = subject != null && !subject.isEmpty();
    SpanTemplate.Builder builder =
        SpanTemplate.builder(named ? operation + " " + subject : operation)
            .kind(kind)
            .attribute(SemanticAttributes.GEN_AI_OPERATION_NAME, operation);
    withIfPresent(builder, subjectKey, subject);
    if (detailKey != null) {
      withIfPresent(builder, detailKey, detail);
    }
    return withIfPresent(builder, SemanticAttributes.CODE_FUNCTION_NAME, codeFunction).build();
  }

  private static SpanTemplate.Builder withIfPresent(
      SpanTemplate.Builder builder, AttributeKey<String> key, String value) {
    if (value != null && !value.isEmpty()) {
      builder.attribute(key, value);
    }
    return builder;
  }
}

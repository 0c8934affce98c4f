package dev.agenttrace;

import static java.util.Objects.requireNonNull;

/**
 * What every span of one operation has in common: name, kind and constant attributes. Built once,
 * kept in a constant, and passed to {@link Tracer#startSpan(SpanTemplate)} on every call, so that
 * starting a span does no string or attribute work. The generated proxies hold one per method.
 *
 * <pre>{@code
 * static final SpanTemplate LOOKUP_ORDER =
 *     SpanTemplate.builder("execute_tool lookup_order")
 *         .attribute(SemanticAttributes.GEN_AI_OPERATION_NAME, "execute_tool")
 *         .attribute(SemanticAttributes.GEN_AI_TOOL_NAME, "lookup_order")
 *         .build();
 * }</pre>
 */
public final class SpanTemplate {
  private final String name;
  private final SpanKind kind;
  private final Attributes attributes;

  private SpanTemplate(String name, SpanKind kind, Attributes attributes) {
    this.name = name;
    this.kind = kind;
    this.attributes = attributes;
  }

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
        codeFunction);
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
        codeFunction);
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
        codeFunction);
  }

  /** A generic operation: span {@code spanName}, kind INTERNAL, with {@code code.function.name}. */
  public static SpanTemplate traced(String spanName, String codeFunction) {
    return builder(spanName).with(SemanticAttributes.CODE_FUNCTION_NAME, codeFunction).build();
  }

  /**
   * A GenAI span named {@code "{operation} {subject}"}: the operation, the subject under its key,
   * an optional detail (description, provider) and the code function.
   */
  private static SpanTemplate genAi(
      String operation,
      SpanKind kind,
      AttributeKey<String> subjectKey,
      String subject,
      AttributeKey<String> detailKey,
      String detail,
      String codeFunction) {
    return builder(operation + " " + subject)
        .kind(kind)
        .with(SemanticAttributes.GEN_AI_OPERATION_NAME, operation)
        .with(subjectKey, subject)
        .with(detailKey, detail)
        .with(SemanticAttributes.CODE_FUNCTION_NAME, codeFunction)
        .build();
  }

  /** A copy with one more string attribute (empty or null values are left out). */
  public SpanTemplate withAttribute(AttributeKey<String> key, String value) {
    if (value == null || value.isEmpty()) {
      return this;
    }
    return new SpanTemplate(name, kind, attributes.toBuilder().put(key, value).build());
  }

  /** A builder for spans named {@code name}, of kind {@code INTERNAL} unless set. */
  public static Builder builder(String name) {
    return new Builder(requireNonNull(name, "name"));
  }

  /** The span name. */
  public String name() {
    return name;
  }

  /** The span kind. */
  public SpanKind kind() {
    return kind;
  }

  /** The attributes every span of this template starts with. */
  public Attributes attributes() {
    return attributes;
  }

  @Override
  public String toString() {
    return "SpanTemplate{" + name + ", " + kind + ", " + attributes + '}';
  }

  /** Builds a {@link SpanTemplate}. */
  public static final class Builder {
    private final String name;
    private SpanKind kind = SpanKind.INTERNAL;
    private final Attributes.Builder attributes = Attributes.builder();

    private Builder(String name) {
      this.name = name;
    }

    /** Sets the span kind. */
    public Builder kind(SpanKind kind) {
      this.kind = requireNonNull(kind, "kind");
      return this;
    }

    /** Adds a constant attribute. */
    public <T> Builder attribute(AttributeKey<T> key, T value) {
      attributes.put(key, value);
      return this;
    }

    /** Adds a constant string attribute unless {@code value} is null or empty. */
    Builder with(AttributeKey<String> key, String value) {
      if (value != null && !value.isEmpty()) {
        attributes.put(key, value);
      }
      return this;
    }

    /** The template. */
    public SpanTemplate build() {
      return new SpanTemplate(name, kind, attributes.build());
    }
  }
}

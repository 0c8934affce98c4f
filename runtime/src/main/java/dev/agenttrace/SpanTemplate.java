package dev.agenttrace;

import static java.util.Objects.requireNonNull;

/**
 * What every span of one operation has in common: name, kind and constant attributes. Built once,
 * kept in a constant, and passed to {@link Tracer#startSpan(SpanTemplate)} on every call, so that
 * starting a span does no string or attribute work. The generated proxies hold one per method
 * (built by {@code dev.agenttrace.proxy.SpanTemplates}); code that traces by hand builds its own.
 *
 * <pre>{@code
 * static final SpanTemplate LOOKUP_ORDER =
 *     SpanTemplate.builder("execute_tool lookup_order")
 *         .attribute(SemanticAttributes.GEN_AI_OPERATION_NAME, "execute_tool")
 *         .attribute(SemanticAttributes.GEN_AI_TOOL_NAME, "lookup_order")
 *         .kind(SpanKind.INTERNAL)
 *         .build();
 * }</pre>
 */
public final class SpanTemplate {
  private final String name;
  private final SpanKind kind;
  private final Attributes attributes;
  private final boolean agentInvocation;
  private final boolean modelCall;

  private SpanTemplate(String name, SpanKind kind, Attributes attributes) {
    this.name = name;
    this.kind = kind;
    this.attributes = attributes;
    Object operation = attributes.get(SemanticAttributes.GEN_AI_OPERATION_NAME);
    this.agentInvocation = SemanticAttributes.OPERATION_INVOKE_AGENT.equals(operation);
    this.modelCall = isModelCallOperation(operation);
  }

  /**
   * Whether {@code operation}, a {@code gen_ai.operation.name} value, names a model call whose
   * token counts add to the totals of its enclosing agents: {@code chat}, {@code text_completion},
   * {@code generate_content} or {@code embeddings}.
   */
  public static boolean isModelCallOperation(Object operation) {
    return SemanticAttributes.OPERATION_CHAT.equals(operation)
        || SemanticAttributes.OPERATION_TEXT_COMPLETION.equals(operation)
        || SemanticAttributes.OPERATION_GENERATE_CONTENT.equals(operation)
        || SemanticAttributes.OPERATION_EMBEDDINGS.equals(operation);
  }

  /**
   * Whether spans of this template are model calls ({@link #isModelCallOperation} of its {@code
   * gen_ai.operation.name}): decided once here, not per span.
   */
  public boolean isModelCall() {
    return modelCall;
  }

  /**
   * Whether spans of this template are agent invocations ({@code gen_ai.operation.name} is {@code
   * invoke_agent}): decided once here, not per span.
   */
  public boolean isAgentInvocation() {
    return agentInvocation;
  }

  /** A copy with one more string attribute (empty or null values are left out). */
  public SpanTemplate withAttribute(AttributeKey<String> key, String value) {
    if (value == null || value.isEmpty()) {
      return this;
    }
    return new SpanTemplate(name, kind, attributes.toBuilder().put(key, value).build());
  }

  /** A copy with one more long attribute, such as {@code server.port}. */
  public SpanTemplate withAttribute(AttributeKey<Long> key, long value) {
    return new SpanTemplate(name, kind, attributes.toBuilder().put(key, value).build());
  }

  /** A copy with one more boolean attribute, such as {@code gen_ai.request.stream}. */
  public SpanTemplate withAttribute(AttributeKey<Boolean> key, boolean value) {
    return new SpanTemplate(name, kind, attributes.toBuilder().put(key, value).build());
  }

  /**
   * A template for spans whose name is known only at run time (a span builder makes one per span);
   * operations with a fixed name keep a template built once with {@link #builder(String)}.
   */
  public static SpanTemplate of(String name, SpanKind kind, Attributes attributes) {
    return new SpanTemplate(
        requireNonNull(name, "name"),
        requireNonNull(kind, "kind"),
        requireNonNull(attributes, "attributes"));
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

    /** The template. */
    public SpanTemplate build() {
      return new SpanTemplate(name, kind, attributes.build());
    }
  }
}

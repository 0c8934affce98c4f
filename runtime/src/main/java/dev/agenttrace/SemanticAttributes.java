package dev.agenttrace;

/**
 * Attribute keys of the OpenTelemetry semantic conventions that AgentTrace records: the GenAI
 * conventions for agents, tools and model calls, plus the general code, error, exception and
 * service attributes.
 *
 * <p>Names follow the conventions as of semantic-conventions 1.37+: {@code gen_ai.provider.name}
 * (which replaced {@code gen_ai.system}) and the stable {@code code.function.name} (which replaced
 * {@code code.namespace} and {@code code.function}).
 */
public final class SemanticAttributes {
  private SemanticAttributes() {}

  /** The GenAI operation: {@code invoke_agent}, {@code execute_tool}, {@code chat}, ... */
  public static final AttributeKey<String> GEN_AI_OPERATION_NAME =
      AttributeKey.stringKey("gen_ai.operation.name");

  /** The name of the agent a span runs. */
  public static final AttributeKey<String> GEN_AI_AGENT_NAME =
      AttributeKey.stringKey("gen_ai.agent.name");

  /** A description of the agent a span runs. */
  public static final AttributeKey<String> GEN_AI_AGENT_DESCRIPTION =
      AttributeKey.stringKey("gen_ai.agent.description");

  /** The name of the tool a span executes. */
  public static final AttributeKey<String> GEN_AI_TOOL_NAME =
      AttributeKey.stringKey("gen_ai.tool.name");

  /** A description of the tool a span executes. */
  public static final AttributeKey<String> GEN_AI_TOOL_DESCRIPTION =
      AttributeKey.stringKey("gen_ai.tool.description");

  /** The arguments a tool was called with, when capture is enabled. */
  public static final AttributeKey<String> GEN_AI_TOOL_CALL_ARGUMENTS =
      AttributeKey.stringKey("gen_ai.tool.call.arguments");

  /** What a tool returned, when capture is enabled. */
  public static final AttributeKey<String> GEN_AI_TOOL_CALL_RESULT =
      AttributeKey.stringKey("gen_ai.tool.call.result");

  /** The model a request asked for. */
  public static final AttributeKey<String> GEN_AI_REQUEST_MODEL =
      AttributeKey.stringKey("gen_ai.request.model");

  /** The model provider, such as {@code openai}. */
  public static final AttributeKey<String> GEN_AI_PROVIDER_NAME =
      AttributeKey.stringKey("gen_ai.provider.name");

  /** Tokens in the model's input. */
  public static final AttributeKey<Long> GEN_AI_USAGE_INPUT_TOKENS =
      AttributeKey.longKey("gen_ai.usage.input_tokens");

  /** Tokens in the model's output. */
  public static final AttributeKey<Long> GEN_AI_USAGE_OUTPUT_TOKENS =
      AttributeKey.longKey("gen_ai.usage.output_tokens");

  /**
   * Set to {@code true} on a model call that streams its response; left out otherwise, as the
   * conventions ask ("if unset, the request is assumed to be non-streaming").
   */
  public static final AttributeKey<Boolean> GEN_AI_REQUEST_STREAM =
      AttributeKey.booleanKey("gen_ai.request.stream");

  /** Seconds from the request until the first chunk of a streamed response arrived, as a double. */
  public static final AttributeKey<Double> GEN_AI_RESPONSE_TIME_TO_FIRST_CHUNK =
      AttributeKey.doubleKey("gen_ai.response.time_to_first_chunk");

  /** The conversation (session, thread) a span belongs to. */
  public static final AttributeKey<String> GEN_AI_CONVERSATION_ID =
      AttributeKey.stringKey("gen_ai.conversation.id");

  /**
   * The fully-qualified name of the method a span traces, such as {@code com.acme.Tools.lookup}.
   */
  public static final AttributeKey<String> CODE_FUNCTION_NAME =
      AttributeKey.stringKey("code.function.name");

  /** The class of error that ended an operation, such as an exception's class name. */
  public static final AttributeKey<String> ERROR_TYPE = AttributeKey.stringKey("error.type");

  /** The exception's class name, on an {@code exception} event. */
  public static final AttributeKey<String> EXCEPTION_TYPE =
      AttributeKey.stringKey("exception.type");

  /** The exception's message, on an {@code exception} event. */
  public static final AttributeKey<String> EXCEPTION_MESSAGE =
      AttributeKey.stringKey("exception.message");

  /** The exception's stack trace as {@link Throwable#printStackTrace()} writes it. */
  public static final AttributeKey<String> EXCEPTION_STACKTRACE =
      AttributeKey.stringKey("exception.stacktrace");

  /** The logical name of the service a span was recorded in (a resource attribute). */
  public static final AttributeKey<String> SERVICE_NAME = AttributeKey.stringKey("service.name");

  /** The name of the event {@link Span#recordException(Throwable)} adds. */
  public static final String EXCEPTION_EVENT_NAME = "exception";

  /** {@code gen_ai.operation.name} of an agent run. */
  public static final String OPERATION_INVOKE_AGENT = "invoke_agent";

  /** {@code gen_ai.operation.name} of a tool execution. */
  public static final String OPERATION_EXECUTE_TOOL = "execute_tool";

  /** {@code gen_ai.operation.name} of a chat model call. */
  public static final String OPERATION_CHAT = "chat";

  /** {@code gen_ai.operation.name} of an embeddings model call. */
  public static final String OPERATION_EMBEDDINGS = "embeddings";
}

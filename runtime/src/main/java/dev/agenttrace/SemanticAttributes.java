package dev.agenttrace;

import java.util.List;

/**
 * Attribute keys of the OpenTelemetry semantic conventions that AgentTrace records: the GenAI
 * conventions for agents, tools and model calls, plus the general code, error, exception and
 * service attributes.
 *
 * <p>The {@code gen_ai.*} names and types follow the GenAI semantic conventions {@code 1.42.0-dev}
 * ({@code open-telemetry/semantic-conventions-genai}, commit {@code fe5608e2}, all {@code
 * development} stability); a test compares every constant with a copy of that registry. Integer
 * attributes are longs, {@code string[]} attributes string arrays, and the structured ({@code any})
 * content attributes JSON text, as the conventions allow where structured values are not supported.
 * The other names come from the core conventions: the stable {@code code.function.name}, {@code
 * server.address}, {@code server.port}, {@code error.type}, {@code exception.*} and {@code
 * service.name}.
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

  /** Input tokens served from the provider's cache (included in the input tokens). */
  public static final AttributeKey<Long> GEN_AI_USAGE_CACHE_READ_INPUT_TOKENS =
      AttributeKey.longKey("gen_ai.usage.cache_read.input_tokens");

  /** Input tokens written to the provider's cache (included in the input tokens). */
  public static final AttributeKey<Long> GEN_AI_USAGE_CACHE_CREATION_INPUT_TOKENS =
      AttributeKey.longKey("gen_ai.usage.cache_creation.input_tokens");

  /** Reasoning tokens (included in the output tokens). */
  public static final AttributeKey<Long> GEN_AI_USAGE_REASONING_OUTPUT_TOKENS =
      AttributeKey.longKey("gen_ai.usage.reasoning.output_tokens");

  /** The most tokens the model may generate. */
  public static final AttributeKey<Long> GEN_AI_REQUEST_MAX_TOKENS =
      AttributeKey.longKey("gen_ai.request.max_tokens");

  /** The number of candidate completions requested (recorded only when not 1). */
  public static final AttributeKey<Long> GEN_AI_REQUEST_CHOICE_COUNT =
      AttributeKey.longKey("gen_ai.request.choice.count");

  /** The sampling temperature. */
  public static final AttributeKey<Double> GEN_AI_REQUEST_TEMPERATURE =
      AttributeKey.doubleKey("gen_ai.request.temperature");

  /** The nucleus sampling parameter. */
  public static final AttributeKey<Double> GEN_AI_REQUEST_TOP_P =
      AttributeKey.doubleKey("gen_ai.request.top_p");

  /** The top-K decoding parameter (an integer since the conventions' 1.42 line). */
  public static final AttributeKey<Long> GEN_AI_REQUEST_TOP_K =
      AttributeKey.longKey("gen_ai.request.top_k");

  /** The sequences that stop generation. */
  public static final AttributeKey<List<String>> GEN_AI_REQUEST_STOP_SEQUENCES =
      AttributeKey.stringArrayKey("gen_ai.request.stop_sequences");

  /** The frequency penalty. */
  public static final AttributeKey<Double> GEN_AI_REQUEST_FREQUENCY_PENALTY =
      AttributeKey.doubleKey("gen_ai.request.frequency_penalty");

  /** The presence penalty. */
  public static final AttributeKey<Double> GEN_AI_REQUEST_PRESENCE_PENALTY =
      AttributeKey.doubleKey("gen_ai.request.presence_penalty");

  /** The seed the request asked for. */
  public static final AttributeKey<Long> GEN_AI_REQUEST_SEED =
      AttributeKey.longKey("gen_ai.request.seed");

  /** Set (to true) only when the request streams its response. */
  public static final AttributeKey<Boolean> GEN_AI_REQUEST_STREAM =
      AttributeKey.booleanKey("gen_ai.request.stream");

  /** The encoding formats an embeddings request asked for, such as {@code float}. */
  public static final AttributeKey<List<String>> GEN_AI_REQUEST_ENCODING_FORMATS =
      AttributeKey.stringArrayKey("gen_ai.request.encoding_formats");

  /** Seconds from the request until the first chunk of a streamed response arrived, as a double. */
  public static final AttributeKey<Double> GEN_AI_RESPONSE_TIME_TO_FIRST_CHUNK =
      AttributeKey.doubleKey("gen_ai.response.time_to_first_chunk");

  /** The id of the model's response, such as {@code chatcmpl-123}. */
  public static final AttributeKey<String> GEN_AI_RESPONSE_ID =
      AttributeKey.stringKey("gen_ai.response.id");

  /** The model that produced the response. */
  public static final AttributeKey<String> GEN_AI_RESPONSE_MODEL =
      AttributeKey.stringKey("gen_ai.response.model");

  /** Why the model stopped, one reason per generated choice, such as {@code [stop]}. */
  public static final AttributeKey<List<String>> GEN_AI_RESPONSE_FINISH_REASONS =
      AttributeKey.stringArrayKey("gen_ai.response.finish_reasons");

  /**
   * The id of a tool call, which links the tool's {@code execute_tool} span to the model response
   * that asked for it (there, it is the {@code id} of a {@code tool_call} part).
   */
  public static final AttributeKey<String> GEN_AI_TOOL_CALL_ID =
      AttributeKey.stringKey("gen_ai.tool.call.id");

  /** The kind of tool: {@code function}, {@code extension} or {@code datastore}. */
  public static final AttributeKey<String> GEN_AI_TOOL_TYPE =
      AttributeKey.stringKey("gen_ai.tool.type");

  /** The stable id of a hosted agent resource (remote agents only). */
  public static final AttributeKey<String> GEN_AI_AGENT_ID =
      AttributeKey.stringKey("gen_ai.agent.id");

  /** The version of an agent (remote and created agents). */
  public static final AttributeKey<String> GEN_AI_AGENT_VERSION =
      AttributeKey.stringKey("gen_ai.agent.version");

  /** The data source a retrieval or agent reads, such as a vector store id. */
  public static final AttributeKey<String> GEN_AI_DATA_SOURCE_ID =
      AttributeKey.stringKey("gen_ai.data_source.id");

  /** The chat history sent to the model, as JSON in the conventions' input-messages shape. */
  public static final AttributeKey<String> GEN_AI_INPUT_MESSAGES =
      AttributeKey.stringKey("gen_ai.input.messages");

  /** The model's answers, one message per choice, as JSON in the output-messages shape. */
  public static final AttributeKey<String> GEN_AI_OUTPUT_MESSAGES =
      AttributeKey.stringKey("gen_ai.output.messages");

  /** System instructions given apart from the chat history, as a JSON array of parts. */
  public static final AttributeKey<String> GEN_AI_SYSTEM_INSTRUCTIONS =
      AttributeKey.stringKey("gen_ai.system_instructions");

  /** The tools offered to the model, as a JSON array of tool definitions. */
  public static final AttributeKey<String> GEN_AI_TOOL_DEFINITIONS =
      AttributeKey.stringKey("gen_ai.tool.definitions");

  /** The host name of the GenAI server a client called. */
  public static final AttributeKey<String> SERVER_ADDRESS =
      AttributeKey.stringKey("server.address");

  /** The port of the GenAI server a client called (set only with {@link #SERVER_ADDRESS}). */
  public static final AttributeKey<Long> SERVER_PORT = AttributeKey.longKey("server.port");

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

  /** {@code gen_ai.operation.name} of a (legacy) text completion call. */
  public static final String OPERATION_TEXT_COMPLETION = "text_completion";

  /** {@code gen_ai.operation.name} of a multimodal content generation call. */
  public static final String OPERATION_GENERATE_CONTENT = "generate_content";

  /** {@code gen_ai.operation.name} of an embeddings call. */
  public static final String OPERATION_EMBEDDINGS = "embeddings";

  /** {@code gen_ai.operation.name} of a retrieval from a data source. */
  public static final String OPERATION_RETRIEVAL = "retrieval";

  /** {@code gen_ai.operation.name} of creating an agent. */
  public static final String OPERATION_CREATE_AGENT = "create_agent";
}

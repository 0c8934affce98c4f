package dev.agenttrace.processor;

import java.util.List;
import java.util.Set;

/**
 * Every GenAI attribute a proxy reads at run time through a compile-time-checked path, with where
 * the path is written ({@code request = @RequestPaths(...)}, {@code response = @ResponsePaths(...)}
 * or a top-level setting), the attribute it fills, the values it accepts, and the conventions' span
 * types that define the attribute (a test compares these with {@code spans.yaml}).
 */
enum GenAiSetting {
  REQUEST_MODEL(
      Where.REQUEST, "model", "GEN_AI_REQUEST_MODEL", Kind.STRING, Rule.ANY, modelSpans()),
  MAX_TOKENS(
      Where.REQUEST, "maxTokens", "GEN_AI_REQUEST_MAX_TOKENS", Kind.LONG, Rule.ANY, params()),
  TEMPERATURE(
      Where.REQUEST, "temperature", "GEN_AI_REQUEST_TEMPERATURE", Kind.DOUBLE, Rule.ANY, params()),
  TOP_P(Where.REQUEST, "topP", "GEN_AI_REQUEST_TOP_P", Kind.DOUBLE, Rule.ANY, params()),
  TOP_K(Where.REQUEST, "topK", "GEN_AI_REQUEST_TOP_K", Kind.LONG, Rule.ANY, inference()),
  STOP_SEQUENCES(
      Where.REQUEST,
      "stopSequences",
      "GEN_AI_REQUEST_STOP_SEQUENCES",
      Kind.STRINGS,
      Rule.ANY,
      params()),
  SEED(Where.REQUEST, "seed", "GEN_AI_REQUEST_SEED", Kind.LONG, Rule.ANY, params()),
  CHOICE_COUNT(
      Where.REQUEST,
      "choiceCount",
      "GEN_AI_REQUEST_CHOICE_COUNT",
      Kind.LONG,
      Rule.NOT_ONE,
      params()),
  FREQUENCY_PENALTY(
      Where.REQUEST,
      "frequencyPenalty",
      "GEN_AI_REQUEST_FREQUENCY_PENALTY",
      Kind.DOUBLE,
      Rule.ANY,
      params()),
  PRESENCE_PENALTY(
      Where.REQUEST,
      "presencePenalty",
      "GEN_AI_REQUEST_PRESENCE_PENALTY",
      Kind.DOUBLE,
      Rule.ANY,
      params()),
  STREAM(
      Where.REQUEST, "stream", "GEN_AI_REQUEST_STREAM", Kind.BOOLEAN, Rule.ONLY_TRUE, inference()),
  ENCODING_FORMATS(
      Where.REQUEST,
      "encodingFormats",
      "GEN_AI_REQUEST_ENCODING_FORMATS",
      Kind.STRINGS,
      Rule.ANY,
      Set.of(Spans.EMBEDDINGS)),
  SERVER_ADDRESS(
      Where.REQUEST, "serverAddress", "SERVER_ADDRESS", Kind.STRING, Rule.ANY, servers()),
  SERVER_PORT(Where.REQUEST, "serverPort", "SERVER_PORT", Kind.LONG, Rule.PORT, servers()),
  RESPONSE_ID(Where.RESPONSE, "id", "GEN_AI_RESPONSE_ID", Kind.STRING, Rule.ANY, inference()),
  RESPONSE_MODEL(
      Where.RESPONSE,
      "model",
      "GEN_AI_RESPONSE_MODEL",
      Kind.STRING,
      Rule.ANY,
      Set.of(Spans.INFERENCE, Spans.EMBEDDINGS)),
  FINISH_REASONS(
      Where.RESPONSE,
      "finishReasons",
      "GEN_AI_RESPONSE_FINISH_REASONS",
      Kind.STRINGS,
      Rule.ANY,
      params()),
  CACHE_READ_INPUT_TOKENS(
      Where.RESPONSE,
      "cacheReadInputTokens",
      "GEN_AI_USAGE_CACHE_READ_INPUT_TOKENS",
      Kind.LONG,
      Rule.COUNT,
      params()),
  CACHE_CREATION_INPUT_TOKENS(
      Where.RESPONSE,
      "cacheCreationInputTokens",
      "GEN_AI_USAGE_CACHE_CREATION_INPUT_TOKENS",
      Kind.LONG,
      Rule.COUNT,
      params()),
  REASONING_OUTPUT_TOKENS(
      Where.RESPONSE,
      "reasoningOutputTokens",
      "GEN_AI_USAGE_REASONING_OUTPUT_TOKENS",
      Kind.LONG,
      Rule.COUNT,
      inference()),
  AGENT_ID(
      Where.RESPONSE,
      "agentId",
      "GEN_AI_AGENT_ID",
      Kind.STRING,
      Rule.ANY,
      Set.of(Spans.CREATE_AGENT, Spans.REMOTE_AGENT)),
  INPUT_TOKENS(
      Where.TOP_LEVEL_RESULT,
      TokenUsageResolver.INPUT,
      "GEN_AI_USAGE_INPUT_TOKENS",
      Kind.LONG,
      Rule.COUNT,
      Set.of(Spans.INFERENCE, Spans.EMBEDDINGS, Spans.LOCAL_AGENT, Spans.REMOTE_AGENT)),
  OUTPUT_TOKENS(
      Where.TOP_LEVEL_RESULT,
      TokenUsageResolver.OUTPUT,
      "GEN_AI_USAGE_OUTPUT_TOKENS",
      Kind.LONG,
      Rule.COUNT,
      params()),
  TOOL_CALL_ID(
      Where.TOP_LEVEL_ARGUMENT,
      "callId",
      "GEN_AI_TOOL_CALL_ID",
      Kind.STRING,
      Rule.ANY,
      Set.of(Spans.EXECUTE_TOOL));

  /** Where the path of a setting is written. */
  enum Where {
    /** In {@code request = @RequestPaths(...)}: starts with a parameter. */
    REQUEST,
    /** In {@code response = @ResponsePaths(...)}: starts at the result. */
    RESPONSE,
    /** A setting of the operation annotation itself that starts at the result. */
    TOP_LEVEL_RESULT,
    /** A setting of the operation annotation itself that starts with a parameter. */
    TOP_LEVEL_ARGUMENT
  }

  /** The attribute's type. */
  enum Kind {
    STRING,
    LONG,
    DOUBLE,
    BOOLEAN,
    STRINGS
  }

  /** Which values are recorded. */
  enum Rule {
    ANY,
    /** A count: negative means unknown. */
    COUNT,
    /** Recorded only when not 1 (the conventions' {@code choice.count}). */
    NOT_ONE,
    /** Recorded only when true (the conventions' {@code stream}). */
    ONLY_TRUE,
    /** A port: 1 to 65535. */
    PORT
  }

  /** The conventions' span types AgentTrace emits. */
  static final class Spans {
    static final String INFERENCE = "gen_ai.inference.client";
    static final String EMBEDDINGS = "gen_ai.embeddings.client";
    static final String RETRIEVAL = "gen_ai.retrieval.client";
    static final String CREATE_AGENT = "gen_ai.create_agent.client";
    static final String REMOTE_AGENT = "gen_ai.invoke_agent.client";
    static final String LOCAL_AGENT = "gen_ai.invoke_agent.internal";
    static final String EXECUTE_TOOL = "gen_ai.execute_tool.internal";

    static final List<String> ALL =
        List.of(
            INFERENCE,
            EMBEDDINGS,
            RETRIEVAL,
            CREATE_AGENT,
            REMOTE_AGENT,
            LOCAL_AGENT,
            EXECUTE_TOOL);

    private Spans() {}

    /** The span type of a GenAI operation name; {@code remote} only matters for agents. */
    static String of(String operationName, boolean remote) {
      return switch (operationName) {
        case "chat", "text_completion", "generate_content" -> INFERENCE;
        case "embeddings" -> EMBEDDINGS;
        case "retrieval" -> RETRIEVAL;
        case "create_agent" -> CREATE_AGENT;
        case "invoke_agent" -> remote ? REMOTE_AGENT : LOCAL_AGENT;
        case "execute_tool" -> EXECUTE_TOOL;
        default -> throw new IllegalArgumentException(operationName);
      };
    }
  }

  private final Where where;
  private final String name;
  private final String constant;
  private final Kind kind;
  private final Rule rule;
  private final Set<String> spans;

  GenAiSetting(Where where, String name, String constant, Kind kind, Rule rule, Set<String> spans) {
    this.where = where;
    this.name = name;
    this.constant = constant;
    this.kind = kind;
    this.rule = rule;
    this.spans = spans;
  }

  Where where() {
    return where;
  }

  /** The annotation member, such as {@code maxTokens}. */
  String settingName() {
    return name;
  }

  /** The {@code SemanticAttributes} constant the value is recorded under. */
  String constant() {
    return constant;
  }

  /** The attribute key, such as {@code gen_ai.request.max_tokens}. */
  String key() {
    return SemanticKeys.key(constant);
  }

  Kind kind() {
    return kind;
  }

  Rule rule() {
    return rule;
  }

  /** The span types whose definition has this attribute. */
  Set<String> spans() {
    return spans;
  }

  /** How the setting is written in messages: {@code request.maxTokens}, {@code inputTokens}. */
  String displayName() {
    return switch (where) {
      case REQUEST -> "request." + name;
      case RESPONSE -> "response." + name;
      default -> name;
    };
  }

  /** Model operations: inference, embeddings, retrieval, create_agent and both agent spans. */
  private static Set<String> modelSpans() {
    return Set.of(
        Spans.INFERENCE,
        Spans.EMBEDDINGS,
        Spans.RETRIEVAL,
        Spans.CREATE_AGENT,
        Spans.REMOTE_AGENT,
        Spans.LOCAL_AGENT);
  }

  /** Request parameters shared by inference and agent spans. */
  private static Set<String> params() {
    return Set.of(Spans.INFERENCE, Spans.REMOTE_AGENT, Spans.LOCAL_AGENT);
  }

  /** Inference only. */
  private static Set<String> inference() {
    return Set.of(Spans.INFERENCE);
  }

  /** Client spans that name a server. */
  private static Set<String> servers() {
    return Set.of(
        Spans.INFERENCE, Spans.EMBEDDINGS, Spans.RETRIEVAL, Spans.CREATE_AGENT, Spans.REMOTE_AGENT);
  }
}

package dev.agenttrace.processor;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The attribute keys of the runtime's {@code SemanticAttributes} constants that generated code
 * names, by constant name. The processor never loads the runtime, so the keys are repeated here; a
 * test checks them against the runtime's constants, and the runtime's own test checks those against
 * the GenAI conventions.
 */
final class SemanticKeys {
  /** Constants set from compile-time values, in span templates. */
  static final Map<String, String> CONSTANT =
      ordered(
          "GEN_AI_OPERATION_NAME", "gen_ai.operation.name",
          "GEN_AI_AGENT_NAME", "gen_ai.agent.name",
          "GEN_AI_AGENT_DESCRIPTION", "gen_ai.agent.description",
          "GEN_AI_AGENT_ID", "gen_ai.agent.id",
          "GEN_AI_AGENT_VERSION", "gen_ai.agent.version",
          "GEN_AI_TOOL_NAME", "gen_ai.tool.name",
          "GEN_AI_TOOL_DESCRIPTION", "gen_ai.tool.description",
          "GEN_AI_TOOL_TYPE", "gen_ai.tool.type",
          "GEN_AI_REQUEST_MODEL", "gen_ai.request.model",
          "GEN_AI_PROVIDER_NAME", "gen_ai.provider.name",
          "GEN_AI_DATA_SOURCE_ID", "gen_ai.data_source.id",
          "SERVER_ADDRESS", "server.address",
          "SERVER_PORT", "server.port",
          "CODE_FUNCTION_NAME", "code.function.name");

  /** Constants set while a call runs, from arguments and results. */
  static final Map<String, String> RUNTIME =
      ordered(
          "GEN_AI_TOOL_CALL_ARGUMENTS", "gen_ai.tool.call.arguments",
          "GEN_AI_TOOL_CALL_RESULT", "gen_ai.tool.call.result",
          "GEN_AI_TOOL_CALL_ID", "gen_ai.tool.call.id",
          "GEN_AI_USAGE_INPUT_TOKENS", "gen_ai.usage.input_tokens",
          "GEN_AI_USAGE_OUTPUT_TOKENS", "gen_ai.usage.output_tokens",
          "GEN_AI_USAGE_CACHE_READ_INPUT_TOKENS", "gen_ai.usage.cache_read.input_tokens",
          "GEN_AI_USAGE_CACHE_CREATION_INPUT_TOKENS", "gen_ai.usage.cache_creation.input_tokens",
          "GEN_AI_USAGE_REASONING_OUTPUT_TOKENS", "gen_ai.usage.reasoning.output_tokens",
          "GEN_AI_REQUEST_MAX_TOKENS", "gen_ai.request.max_tokens",
          "GEN_AI_REQUEST_CHOICE_COUNT", "gen_ai.request.choice.count",
          "GEN_AI_REQUEST_TEMPERATURE", "gen_ai.request.temperature",
          "GEN_AI_REQUEST_TOP_P", "gen_ai.request.top_p",
          "GEN_AI_REQUEST_TOP_K", "gen_ai.request.top_k",
          "GEN_AI_REQUEST_STOP_SEQUENCES", "gen_ai.request.stop_sequences",
          "GEN_AI_REQUEST_FREQUENCY_PENALTY", "gen_ai.request.frequency_penalty",
          "GEN_AI_REQUEST_PRESENCE_PENALTY", "gen_ai.request.presence_penalty",
          "GEN_AI_REQUEST_SEED", "gen_ai.request.seed",
          "GEN_AI_REQUEST_STREAM", "gen_ai.request.stream",
          "GEN_AI_REQUEST_ENCODING_FORMATS", "gen_ai.request.encoding_formats",
          "GEN_AI_RESPONSE_ID", "gen_ai.response.id",
          "GEN_AI_RESPONSE_MODEL", "gen_ai.response.model",
          "GEN_AI_RESPONSE_FINISH_REASONS", "gen_ai.response.finish_reasons",
          "GEN_AI_INPUT_MESSAGES", "gen_ai.input.messages",
          "GEN_AI_OUTPUT_MESSAGES", "gen_ai.output.messages",
          "GEN_AI_SYSTEM_INSTRUCTIONS", "gen_ai.system_instructions",
          "GEN_AI_TOOL_DEFINITIONS", "gen_ai.tool.definitions",
          "ERROR_TYPE", "error.type");

  private SemanticKeys() {}

  /** The key of the constant {@code constant}, constant or run-time. */
  static String key(String constant) {
    String key = CONSTANT.get(constant);
    key = key != null ? key : RUNTIME.get(constant);
    if (key == null) {
      throw new IllegalArgumentException("unknown SemanticAttributes constant " + constant);
    }
    return key;
  }

  /** Whether any span of a proxy may set {@code key}, so that no parameter attribute may. */
  static boolean isReserved(String key) {
    return CONSTANT.containsValue(key) || RUNTIME.containsValue(key);
  }

  /** Every constant name, constant and run-time. */
  static List<String> constants() {
    List<String> all = new java.util.ArrayList<>(CONSTANT.keySet());
    all.addAll(RUNTIME.keySet());
    return all;
  }

  private static Map<String, String> ordered(String... constantsAndKeys) {
    Map<String, String> map = new LinkedHashMap<>();
    for (int i = 0; i < constantsAndKeys.length; i += 2) {
      map.put(constantsAndKeys[i], constantsAndKeys[i + 1]);
    }
    return java.util.Collections.unmodifiableMap(map);
  }
}

package dev.agenttrace.metrics;

import dev.agenttrace.AttributeKey;
import dev.agenttrace.SemanticAttributes;
import dev.agenttrace.SpanKind;
import dev.agenttrace.StatusCode;
import dev.agenttrace.spi.SpanData;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The GenAI metrics of the OpenTelemetry conventions ({@link GenAiConventions}), recorded from
 * ended spans by their {@code gen_ai.operation.name}:
 *
 * <ul>
 *   <li>a <b>client operation</b>, that is a span of kind CLIENT or one of the model operations
 *       {@code chat}, {@code generate_content}, {@code text_completion}, {@code embeddings} (which
 *       the conventions allow to be INTERNAL for in-process models): {@code
 *       gen_ai.client.operation.duration}, {@code gen_ai.client.token.usage} for each token count
 *       the span carries, and {@code gen_ai.client.operation.time_to_first_chunk} when it carries
 *       {@code gen_ai.response.time_to_first_chunk} (streaming calls);
 *   <li>an in-process {@code invoke_agent} (not CLIENT): {@code gen_ai.invoke_agent.duration};
 *   <li>{@code execute_tool}: {@code gen_ai.execute_tool.duration};
 *   <li>{@code invoke_workflow}: {@code gen_ai.workflow.duration}.
 * </ul>
 *
 * <p>Token counts are never taken from agent spans, which may carry the totals of their model
 * calls, so no token is counted twice. Each metric gets the attributes its definition lists, when
 * the span has them; {@code error.type} when the span's status is ERROR (its {@code error.type}
 * attribute, else {@code _OTHER}). Recording allocates nothing: attributes are read one by one
 * ({@link SpanData#attribute}) and series found by value ({@link SeriesTable}).
 */
final class GenAiMetrics {
  static final AttributeKey<String> OPERATION = SemanticAttributes.GEN_AI_OPERATION_NAME;
  static final AttributeKey<String> PROVIDER = SemanticAttributes.GEN_AI_PROVIDER_NAME;
  static final AttributeKey<String> REQUEST_MODEL = SemanticAttributes.GEN_AI_REQUEST_MODEL;
  static final AttributeKey<String> RESPONSE_MODEL = SemanticAttributes.GEN_AI_RESPONSE_MODEL;
  static final AttributeKey<String> SERVER_ADDRESS = SemanticAttributes.SERVER_ADDRESS;
  static final AttributeKey<Long> SERVER_PORT = SemanticAttributes.SERVER_PORT;
  static final AttributeKey<String> ERROR_TYPE = SemanticAttributes.ERROR_TYPE;
  static final AttributeKey<String> TOKEN_TYPE = AttributeKey.stringKey("gen_ai.token.type");
  static final AttributeKey<String> AGENT_NAME = SemanticAttributes.GEN_AI_AGENT_NAME;
  static final AttributeKey<String> TOOL_NAME = SemanticAttributes.GEN_AI_TOOL_NAME;
  static final AttributeKey<String> TOOL_TYPE = SemanticAttributes.GEN_AI_TOOL_TYPE;
  static final AttributeKey<String> WORKFLOW_NAME = AttributeKey.stringKey("gen_ai.workflow.name");
  static final AttributeKey<Double> TIME_TO_FIRST_CHUNK =
      AttributeKey.doubleKey("gen_ai.response.time_to_first_chunk");

  /** {@code error.type} when a failed span names no error type. */
  static final String OTHER_ERROR = "_OTHER";

  private static final String INPUT = "input";
  private static final String OUTPUT = "output";

  private final HistogramInstrument clientDuration;
  private final HistogramInstrument tokenUsage;
  private final HistogramInstrument timeToFirstChunk;
  private final HistogramInstrument agentDuration;
  private final HistogramInstrument toolDuration;
  private final HistogramInstrument workflowDuration;
  private final List<HistogramInstrument> all;

  /** The metrics, each with at most {@code maxSeries} series (the overflow series included). */
  GenAiMetrics(int maxSeries) {
    List<AttributeKey<?>> client =
        List.of(OPERATION, PROVIDER, REQUEST_MODEL, RESPONSE_MODEL, SERVER_ADDRESS, SERVER_PORT);
    clientDuration =
        HistogramInstrument.seconds(
            GenAiConventions.CLIENT_OPERATION_DURATION,
            "GenAI operation duration.",
            GenAiConventions.OPERATION_DURATION_BUCKETS,
            maxSeries,
            with(client, ERROR_TYPE));
    tokenUsage =
        HistogramInstrument.counts(
            GenAiConventions.CLIENT_TOKEN_USAGE,
            "{token}",
            "Number of input and output tokens used.",
            GenAiConventions.TOKEN_USAGE_BUCKETS,
            maxSeries,
            with(client, TOKEN_TYPE));
    timeToFirstChunk =
        HistogramInstrument.seconds(
            GenAiConventions.CLIENT_TIME_TO_FIRST_CHUNK,
            "Time to receive the first chunk of a streaming response.",
            GenAiConventions.OPERATION_DURATION_BUCKETS,
            maxSeries,
            client);
    agentDuration =
        HistogramInstrument.seconds(
            GenAiConventions.INVOKE_AGENT_DURATION,
            "The end-to-end duration of a single in-process agent invocation.",
            GenAiConventions.INVOKE_AGENT_DURATION_BUCKETS,
            maxSeries,
            List.of(AGENT_NAME, REQUEST_MODEL, ERROR_TYPE));
    toolDuration =
        HistogramInstrument.seconds(
            GenAiConventions.EXECUTE_TOOL_DURATION,
            "The duration of a single tool execution.",
            GenAiConventions.OPERATION_DURATION_BUCKETS,
            maxSeries,
            List.of(TOOL_NAME, TOOL_TYPE, AGENT_NAME, ERROR_TYPE));
    workflowDuration =
        HistogramInstrument.seconds(
            GenAiConventions.WORKFLOW_DURATION,
            "GenAI workflow duration.",
            GenAiConventions.WORKFLOW_DURATION_BUCKETS,
            maxSeries,
            List.of(WORKFLOW_NAME, ERROR_TYPE));
    all =
        List.of(
            clientDuration,
            tokenUsage,
            timeToFirstChunk,
            agentDuration,
            toolDuration,
            workflowDuration);
  }

  private static List<AttributeKey<?>> with(List<AttributeKey<?>> keys, AttributeKey<?> last) {
    AttributeKey<?>[] all = keys.toArray(new AttributeKey<?>[keys.size() + 1]);
    all[keys.size()] = last;
    return List.of(all);
  }

  /** Records what {@code span} measures, if it is a GenAI operation. */
  void record(SpanData span) {
    String operation = span.attribute(OPERATION);
    if (operation == null) {
      return;
    }
    String error = null;
    if (span.statusCode() == StatusCode.ERROR) {
      error = span.attribute(ERROR_TYPE);
      if (error == null) {
        error = OTHER_ERROR;
      }
    }
    long nanos = span.durationNanos();
    SpanKind kind = span.kind();
    switch (operation) {
      case "execute_tool" -> {
        toolDuration.record(
            nanos,
            span.attribute(TOOL_NAME),
            span.attribute(TOOL_TYPE),
            span.attribute(AGENT_NAME),
            error,
            null,
            null,
            null);
        return;
      }
      case "invoke_workflow" -> {
        workflowDuration.record(
            nanos, span.attribute(WORKFLOW_NAME), error, null, null, null, null, null);
        return;
      }
      case "invoke_agent" -> {
        if (kind != SpanKind.CLIENT) {
          agentDuration.record(
              nanos,
              span.attribute(AGENT_NAME),
              span.attribute(REQUEST_MODEL),
              error,
              null,
              null,
              null,
              null);
          return;
        }
      }
      case "chat", "generate_content", "text_completion", "embeddings" -> {}
      default -> {
        if (kind != SpanKind.CLIENT) {
          return;
        }
      }
    }
    recordClientOperation(span, operation, error, nanos);
  }

  private void recordClientOperation(SpanData span, String operation, String error, long nanos) {
    String provider = span.attribute(PROVIDER);
    String requestModel = span.attribute(REQUEST_MODEL);
    String responseModel = span.attribute(RESPONSE_MODEL);
    String address = span.attribute(SERVER_ADDRESS);
    Long port = address == null ? null : span.attribute(SERVER_PORT);
    clientDuration.record(
        nanos, operation, provider, requestModel, responseModel, address, port, error);
    if (!operation.equals("invoke_agent")) {
      Long input = span.attribute(SemanticAttributes.GEN_AI_USAGE_INPUT_TOKENS);
      if (input != null && input >= 0) {
        tokenUsage.record(
            input, operation, provider, requestModel, responseModel, address, port, INPUT);
      }
      Long output = span.attribute(SemanticAttributes.GEN_AI_USAGE_OUTPUT_TOKENS);
      if (output != null && output >= 0) {
        tokenUsage.record(
            output, operation, provider, requestModel, responseModel, address, port, OUTPUT);
      }
    }
    Double firstChunk = span.attribute(TIME_TO_FIRST_CHUNK);
    if (firstChunk != null && firstChunk >= 0 && firstChunk < Long.MAX_VALUE / 1e9) {
      timeToFirstChunk.record(
          Math.round(firstChunk * 1e9),
          operation,
          provider,
          requestModel,
          responseModel,
          address,
          port,
          null);
    }
  }

  /** Each metric with at least one value, in a fixed order. */
  List<HistogramMetric> snapshot() {
    List<HistogramMetric> metrics = new ArrayList<>(all.size());
    for (HistogramInstrument instrument : all) {
      HistogramMetric metric = instrument.snapshot();
      if (!metric.points().isEmpty()) {
        metrics.add(metric);
      }
    }
    return metrics;
  }

  /** Puts each metric's name with the recordings that went to its overflow series. */
  void overflows(Map<String, Long> into) {
    for (HistogramInstrument instrument : all) {
      into.put(instrument.name(), instrument.overflowed());
    }
  }
}

package dev.agenttrace.metrics;

import java.util.List;

/**
 * The OpenTelemetry GenAI metric conventions that {@link TracingMetrics} follows: the metric names,
 * units and explicit bucket boundaries, copied from {@code model/gen-ai/metrics.yaml} and {@code
 * docs/gen-ai/gen-ai-metrics.md} of {@code open-telemetry/semantic-conventions-genai} at schema
 * {@value #SCHEMA_URL} (commit {@code fe5608e2}, 2026-08-03; every metric there has stability
 * {@code development}, so names may still change).
 *
 * <p>Bucket boundaries are in the metric's unit: seconds for durations, tokens for token usage.
 */
public final class GenAiConventions {
  private GenAiConventions() {}

  /** The conventions version followed. */
  public static final String VERSION = "1.42.0-dev";

  /** The schema URL of that version, as its {@code manifest.yaml} declares it. */
  public static final String SCHEMA_URL = "https://opentelemetry.io/schemas/gen-ai-dev/1.42.0-dev";

  /** Histogram of input and output tokens per model call, unit {@code {token}}. */
  public static final String CLIENT_TOKEN_USAGE = "gen_ai.client.token.usage";

  /** Histogram of model call (client operation) durations, unit {@code s}. */
  public static final String CLIENT_OPERATION_DURATION = "gen_ai.client.operation.duration";

  /** Histogram of the time to the first chunk of a streaming call, unit {@code s}. */
  public static final String CLIENT_TIME_TO_FIRST_CHUNK =
      "gen_ai.client.operation.time_to_first_chunk";

  /** Histogram of in-process agent invocation durations, unit {@code s}. */
  public static final String INVOKE_AGENT_DURATION = "gen_ai.invoke_agent.duration";

  /** Histogram of tool execution durations, unit {@code s}. */
  public static final String EXECUTE_TOOL_DURATION = "gen_ai.execute_tool.duration";

  /** Histogram of workflow durations, unit {@code s}. */
  public static final String WORKFLOW_DURATION = "gen_ai.workflow.duration";

  /** The buckets of {@value #CLIENT_TOKEN_USAGE}: powers of four from 1 to 4^13. */
  public static final List<Double> TOKEN_USAGE_BUCKETS =
      List.of(
          1d, 4d, 16d, 64d, 256d, 1024d, 4096d, 16384d, 65536d, 262144d, 1048576d, 4194304d,
          16777216d, 67108864d);

  /**
   * The buckets of {@value #CLIENT_OPERATION_DURATION}, {@value #CLIENT_TIME_TO_FIRST_CHUNK} and
   * {@value #EXECUTE_TOOL_DURATION}: 10 ms doubling to 81.92 s.
   */
  public static final List<Double> OPERATION_DURATION_BUCKETS =
      List.of(
          0.01, 0.02, 0.04, 0.08, 0.16, 0.32, 0.64, 1.28, 2.56, 5.12, 10.24, 20.48, 40.96, 81.92);

  /** The buckets of {@value #INVOKE_AGENT_DURATION}: 100 ms doubling to 409.6 s. */
  public static final List<Double> INVOKE_AGENT_DURATION_BUCKETS =
      List.of(0.1, 0.2, 0.4, 0.8, 1.6, 3.2, 6.4, 12.8, 25.6, 51.2, 102.4, 204.8, 409.6);

  /** The buckets of {@value #WORKFLOW_DURATION}: 1 s to 2 h. */
  public static final List<Double> WORKFLOW_DURATION_BUCKETS =
      List.of(1d, 5d, 10d, 30d, 60d, 120d, 300d, 600d, 1800d, 3600d, 7200d);
}

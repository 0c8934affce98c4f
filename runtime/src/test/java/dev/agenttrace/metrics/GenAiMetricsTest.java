package dev.agenttrace.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import dev.agenttrace.AttributeKey;
import dev.agenttrace.Attributes;
import dev.agenttrace.SemanticAttributes;
import dev.agenttrace.Span;
import dev.agenttrace.SpanKind;
import dev.agenttrace.SpanTemplate;
import dev.agenttrace.StatusCode;
import dev.agenttrace.proxy.SpanTemplates;
import dev.agenttrace.sdk.TracerSdk;
import dev.agenttrace.testing.ManualClock;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The GenAI metrics as the conventions (1.42.0-dev) define them, from spans of traced calls. */
class GenAiMetricsTest {
  private static final SpanTemplate CHAT = SpanTemplates.llmCall("gpt-4o", "openai", "Model.chat");
  private static final SpanTemplate TOOL =
      SpanTemplates.tool("lookup_order", "Find an order", "Tools.lookup");
  private static final SpanTemplate AGENT =
      SpanTemplates.agentRun("orchestrator", "Routes questions", "Agent.answer");

  private final ManualClock clock = new ManualClock();
  private final TracingMetrics metrics = TracingMetrics.builder().clock(clock).build();
  private final TracerSdk tracer =
      TracerSdk.builder().clock(clock).addSpanProcessor(metrics).build();

  private Span call(SpanTemplate template, long millis) {
    Span span = tracer.startSpan(template);
    clock.advance(Duration.ofMillis(millis));
    return span;
  }

  private HistogramMetric metric(String name) {
    return metrics.snapshot().histogram(name).orElseThrow();
  }

  private static Attributes attributes(Object... keysAndValues) {
    Attributes.Builder builder = Attributes.builder();
    for (int i = 0; i < keysAndValues.length; i += 2) {
      put(builder, (AttributeKey<?>) keysAndValues[i], keysAndValues[i + 1]);
    }
    return builder.build();
  }

  @SuppressWarnings("unchecked")
  private static <T> void put(Attributes.Builder builder, AttributeKey<T> key, Object value) {
    builder.put(key, (T) value);
  }

  @Test
  void aModelCallIsAClientOperationWithTheConventionsAttributesUnitAndBuckets() {
    Span span = call(CHAT, 30);
    span.setAttribute(GenAiMetrics.RESPONSE_MODEL, "gpt-4o-2024-08-06");
    span.end();

    HistogramMetric duration = metric("gen_ai.client.operation.duration");

    assertThat(duration.unit()).isEqualTo("s");
    assertThat(duration.boundaries())
        .containsExactly(
            0.01, 0.02, 0.04, 0.08, 0.16, 0.32, 0.64, 1.28, 2.56, 5.12, 10.24, 20.48, 40.96, 81.92);
    HistogramPoint point = duration.points().get(0);
    assertThat(duration.points()).hasSize(1);
    assertThat(point.attributes())
        .isEqualTo(
            attributes(
                SemanticAttributes.GEN_AI_OPERATION_NAME, "chat",
                SemanticAttributes.GEN_AI_PROVIDER_NAME, "openai",
                SemanticAttributes.GEN_AI_REQUEST_MODEL, "gpt-4o",
                GenAiMetrics.RESPONSE_MODEL, "gpt-4o-2024-08-06"));
    assertThat(point.count()).isEqualTo(1);
    assertThat(point.sum()).isEqualTo(0.03);
    assertThat(point.min()).isEqualTo(0.03);
    // 0.02 < 0.03 <= 0.04: the third bucket.
    assertThat(point.bucketCounts())
        .containsExactly(0L, 0L, 1L, 0L, 0L, 0L, 0L, 0L, 0L, 0L, 0L, 0L, 0L, 0L, 0L);
  }

  @Test
  void aValueOnABoundaryCountsInTheBucketItCloses() {
    call(CHAT, 10).end();
    call(CHAT, 100_000).end();

    HistogramPoint point = metric("gen_ai.client.operation.duration").points().get(0);

    assertThat(point.bucketCounts().get(0)).isEqualTo(1);
    assertThat(point.bucketCounts().get(14)).isEqualTo(1);
    assertThat(point.max()).isEqualTo(100.0);
  }

  @Test
  void tokenCountsAreHistogramsOfInputAndOutputTokens() {
    Span span = call(CHAT, 5);
    span.setAttribute(SemanticAttributes.GEN_AI_USAGE_INPUT_TOKENS, 1200L);
    span.setAttribute(SemanticAttributes.GEN_AI_USAGE_OUTPUT_TOKENS, 64L);
    span.end();

    HistogramMetric tokens = metric("gen_ai.client.token.usage");

    assertThat(tokens.unit()).isEqualTo("{token}");
    assertThat(tokens.boundaries())
        .containsExactly(
            1d, 4d, 16d, 64d, 256d, 1024d, 4096d, 16384d, 65536d, 262144d, 1048576d, 4194304d,
            16777216d, 67108864d);
    assertThat(tokens.points())
        .extracting(point -> point.attributes().get(GenAiMetrics.TOKEN_TYPE), HistogramPoint::sum)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("input", 1200.0),
            org.assertj.core.groups.Tuple.tuple("output", 64.0));
    assertThat(tokens.points().get(1).bucketCounts().get(3)).isEqualTo(1); // 16 < 64 <= 64
    assertThat(tokens.points().get(0).attributes().get(SemanticAttributes.GEN_AI_REQUEST_MODEL))
        .isEqualTo("gpt-4o");
    assertThat(tokens.points().get(0).attributes().get(SemanticAttributes.ERROR_TYPE)).isNull();
  }

  @Test
  void aFailedCallCarriesItsErrorTypeOrOther() {
    Span thrown = call(CHAT, 5);
    thrown.recordError(new IllegalStateException("rate limited"));
    thrown.end();
    Span statusOnly = call(CHAT, 5);
    statusOnly.setStatus(StatusCode.ERROR, "bad answer");
    statusOnly.end();
    call(CHAT, 5).end();

    assertThat(metric("gen_ai.client.operation.duration").points())
        .extracting(point -> point.attributes().get(SemanticAttributes.ERROR_TYPE))
        .containsExactly("java.lang.IllegalStateException", "_OTHER", null);
  }

  @Test
  void serverPortIsRecordedOnlyWithTheServerAddress() {
    Span withAddress = call(CHAT, 5);
    withAddress.setAttribute(GenAiMetrics.SERVER_ADDRESS, "api.openai.com");
    withAddress.setAttribute(GenAiMetrics.SERVER_PORT, 443L);
    withAddress.end();
    Span portOnly = call(CHAT, 5);
    portOnly.setAttribute(GenAiMetrics.SERVER_PORT, 8080L);
    portOnly.end();

    List<HistogramPoint> points = metric("gen_ai.client.operation.duration").points();

    assertThat(points.get(0).attributes().get(GenAiMetrics.SERVER_PORT)).isEqualTo(443L);
    assertThat(points.get(1).attributes().get(GenAiMetrics.SERVER_PORT)).isNull();
  }

  @Test
  void agentsAndToolsHaveTheirOwnDurationsAndNoClientOperation() {
    Span agent = call(AGENT, 500);
    agent.setAttribute(SemanticAttributes.GEN_AI_USAGE_INPUT_TOKENS, 9000L);
    Span tool = call(TOOL, 20);
    tool.recordError(new IllegalArgumentException("no order"));
    tool.end();
    agent.end();

    HistogramMetric agents = metric("gen_ai.invoke_agent.duration");
    HistogramMetric tools = metric("gen_ai.execute_tool.duration");

    assertThat(agents.boundaries())
        .containsExactly(0.1, 0.2, 0.4, 0.8, 1.6, 3.2, 6.4, 12.8, 25.6, 51.2, 102.4, 204.8, 409.6);
    assertThat(agents.points())
        .singleElement()
        .satisfies(
            point -> {
              assertThat(point.attributes())
                  .isEqualTo(attributes(SemanticAttributes.GEN_AI_AGENT_NAME, "orchestrator"));
              assertThat(point.sum()).isEqualTo(0.52);
            });
    assertThat(tools.points())
        .singleElement()
        .satisfies(
            point ->
                assertThat(point.attributes())
                    .isEqualTo(
                        attributes(
                            SemanticAttributes.GEN_AI_TOOL_NAME, "lookup_order",
                            SemanticAttributes.ERROR_TYPE, "java.lang.IllegalArgumentException")));
    // An agent's token totals are its model calls' tokens; counting them again would double them.
    assertThat(metrics.snapshot().histogram("gen_ai.client.token.usage")).isEmpty();
    assertThat(metrics.snapshot().histogram("gen_ai.client.operation.duration")).isEmpty();
  }

  @Test
  void aRemoteAgentIsAClientOperationAndAWorkflowHasItsOwnDuration() {
    SpanTemplate remote =
        SpanTemplate.builder("invoke_agent billing")
            .kind(SpanKind.CLIENT)
            .attribute(SemanticAttributes.GEN_AI_OPERATION_NAME, "invoke_agent")
            .attribute(SemanticAttributes.GEN_AI_PROVIDER_NAME, "aws.bedrock")
            .build();
    SpanTemplate workflow =
        SpanTemplate.builder("invoke_workflow support")
            .attribute(SemanticAttributes.GEN_AI_OPERATION_NAME, "invoke_workflow")
            .attribute(GenAiMetrics.WORKFLOW_NAME, "support")
            .build();
    call(remote, 200).end();
    call(workflow, 3000).end();

    assertThat(metric("gen_ai.client.operation.duration").points())
        .singleElement()
        .satisfies(
            point ->
                assertThat(point.attributes().get(SemanticAttributes.GEN_AI_OPERATION_NAME))
                    .isEqualTo("invoke_agent"));
    assertThat(metrics.snapshot().histogram("gen_ai.invoke_agent.duration")).isEmpty();
    HistogramMetric workflows = metric("gen_ai.workflow.duration");
    assertThat(workflows.boundaries())
        .containsExactly(1d, 5d, 10d, 30d, 60d, 120d, 300d, 600d, 1800d, 3600d, 7200d);
    assertThat(workflows.points().get(0).attributes().get(GenAiMetrics.WORKFLOW_NAME))
        .isEqualTo("support");
  }

  @Test
  void aStreamingCallRecordsItsTimeToFirstChunk() {
    Span streaming = call(CHAT, 900);
    streaming.setAttribute(GenAiMetrics.TIME_TO_FIRST_CHUNK, 0.25);
    streaming.end();
    call(CHAT, 100).end();

    HistogramMetric firstChunk = metric("gen_ai.client.operation.time_to_first_chunk");

    assertThat(firstChunk.unit()).isEqualTo("s");
    assertThat(firstChunk.boundaries())
        .isEqualTo(metric("gen_ai.client.operation.duration").boundaries());
    assertThat(firstChunk.points())
        .singleElement()
        .satisfies(
            point -> {
              assertThat(point.count()).isEqualTo(1);
              assertThat(point.sum()).isEqualTo(0.25);
            });
  }

  @Test
  void spansOfNoGenAiOperationAreNotGenAiMetrics() {
    tracer.spanBuilder("GET /orders").setSpanKind(SpanKind.CLIENT).startSpan().end();
    SpanTemplate plan =
        SpanTemplate.builder("plan orchestrator")
            .attribute(SemanticAttributes.GEN_AI_OPERATION_NAME, "plan")
            .build();
    call(plan, 10).end();

    assertThat(metrics.snapshot().histograms()).isEmpty();
  }
}

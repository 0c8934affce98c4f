package dev.agenttrace.semconv;

import static org.assertj.core.api.Assertions.assertThat;

import dev.agenttrace.AttributeKey;
import dev.agenttrace.SemanticAttributes;
import dev.agenttrace.Span;
import dev.agenttrace.SpanKind;
import dev.agenttrace.SpanTemplate;
import dev.agenttrace.metrics.GenAiConventions;
import dev.agenttrace.metrics.HistogramMetric;
import dev.agenttrace.metrics.HistogramPoint;
import dev.agenttrace.metrics.TracingMetrics;
import dev.agenttrace.proxy.SpanTemplates;
import dev.agenttrace.sdk.TracerSdk;
import dev.agenttrace.testing.GenAiConventions.MetricDefinition;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * Every GenAI metric AgentTrace records matches {@code metrics.yaml} and the bucket boundaries of
 * {@code gen-ai-metrics.md} in {@code src/test/resources/semconv/gen-ai} (1.42.0-dev): name,
 * instrument, unit, allowed and required attributes, boundaries; and every metric the conventions
 * define is either recorded or listed here as not recorded, so a newer copy that adds one fails.
 */
class GenAiMetricsConventionsTest {
  private static final dev.agenttrace.testing.GenAiConventions CONVENTIONS =
      dev.agenttrace.testing.GenAiConventions.load();

  /** Defined by the conventions, not recorded by AgentTrace (docs/metrics.md says why). */
  private static final Set<String> NOT_RECORDED =
      Set.of(
          "gen_ai.client.operation.time_per_output_chunk",
          "gen_ai.server.request.duration",
          "gen_ai.server.time_per_output_token",
          "gen_ai.server.time_to_first_token",
          "gen_ai.invoke_agent.inference_calls",
          "gen_ai.invoke_agent.tool_calls");

  /** One span of every kind the metrics read, each with every attribute they may take, failing. */
  private static Map<String, HistogramMetric> recordEverything() {
    TracingMetrics metrics = TracingMetrics.create();
    TracerSdk tracer = TracerSdk.builder().addSpanProcessor(metrics).build();
    Span chat = tracer.startSpan(SpanTemplates.llmCall("gpt-4o", "openai", ""));
    chat.setAttribute(SemanticAttributes.GEN_AI_RESPONSE_MODEL, "gpt-4o-2024-08-06");
    chat.setAttribute(SemanticAttributes.SERVER_ADDRESS, "api.openai.com");
    chat.setAttribute(SemanticAttributes.SERVER_PORT, 443L);
    chat.setAttribute(SemanticAttributes.GEN_AI_USAGE_INPUT_TOKENS, 10L);
    chat.setAttribute(SemanticAttributes.GEN_AI_USAGE_OUTPUT_TOKENS, 5L);
    chat.setAttribute(AttributeKey.doubleKey("gen_ai.response.time_to_first_chunk"), 0.2);
    chat.recordError(new IllegalStateException("rate limited"));
    chat.end();
    Span agent =
        tracer.startSpan(
            SpanTemplates.agentRun("support", "", "")
                .withAttribute(SemanticAttributes.GEN_AI_REQUEST_MODEL, "gpt-4o"));
    agent.recordError(new IllegalStateException("gave up"));
    agent.end();
    Span tool = tracer.startSpan(SpanTemplates.tool("lookup_order", "", ""));
    tool.setAttribute(SemanticAttributes.GEN_AI_TOOL_TYPE, "function");
    tool.setAttribute(SemanticAttributes.GEN_AI_AGENT_NAME, "support");
    tool.recordError(new IllegalStateException("no order"));
    tool.end();
    Span workflow =
        tracer.startSpan(
            SpanTemplate.builder("invoke_workflow support")
                .kind(SpanKind.INTERNAL)
                .attribute(SemanticAttributes.GEN_AI_OPERATION_NAME, "invoke_workflow")
                .attribute(AttributeKey.stringKey("gen_ai.workflow.name"), "support")
                .build());
    workflow.recordError(new IllegalStateException("stopped"));
    workflow.end();
    Map<String, HistogramMetric> recorded = new java.util.LinkedHashMap<>();
    for (HistogramMetric metric : metrics.snapshot().histograms()) {
      recorded.put(metric.name(), metric);
    }
    return recorded;
  }

  @Test
  void everyRecordedMetricHasTheConventionsNameInstrumentUnitAttributesAndBuckets() {
    List<String> problems = new ArrayList<>();
    for (HistogramMetric metric : recordEverything().values()) {
      MetricDefinition definition = CONVENTIONS.metrics().get(metric.name());
      if (definition == null) {
        problems.add(metric.name() + " is not in metrics.yaml");
        continue;
      }
      if (!definition.instrument().equals("histogram")) {
        problems.add(
            metric.name() + ": a histogram, the conventions say " + definition.instrument());
      }
      if (!definition.unit().equals(metric.unit())) {
        problems.add(
            metric.name() + ": unit " + metric.unit() + ", conventions " + definition.unit());
      }
      if (!definition.boundaries().equals(metric.boundaries())) {
        problems.add(
            metric.name()
                + ": buckets "
                + metric.boundaries()
                + ", conventions "
                + definition.boundaries());
      }
      for (HistogramPoint point : metric.points()) {
        Set<String> keys = new TreeSet<>(point.attributes().asMap().keySet());
        for (String key : keys) {
          if (!definition.attributes().contains(key)) {
            problems.add(metric.name() + ": " + key + " is not one of its attributes");
          }
        }
        for (String required : definition.required()) {
          if (!keys.contains(required)) {
            problems.add(metric.name() + ": misses the required " + required);
          }
        }
      }
    }
    assertThat(problems).isEmpty();
  }

  @Test
  void aSpanWithEveryAttributeFillsEveryAttributeTheConventionsAllow() {
    Map<String, HistogramMetric> recorded = recordEverything();

    for (String name :
        List.of(
            GenAiConventions.CLIENT_OPERATION_DURATION,
            GenAiConventions.INVOKE_AGENT_DURATION,
            GenAiConventions.EXECUTE_TOOL_DURATION,
            GenAiConventions.WORKFLOW_DURATION)) {
      assertThat(recorded.get(name).points().get(0).attributes().asMap().keySet())
          .as(name)
          .containsExactlyInAnyOrderElementsOf(CONVENTIONS.metrics().get(name).attributes());
    }
  }

  @Test
  void everyMetricOfTheConventionsIsRecordedOrKnownNotToBe() {
    Set<String> recorded = recordEverything().keySet();

    assertThat(recorded)
        .containsExactlyInAnyOrder(
            GenAiConventions.CLIENT_OPERATION_DURATION,
            GenAiConventions.CLIENT_TOKEN_USAGE,
            GenAiConventions.CLIENT_TIME_TO_FIRST_CHUNK,
            GenAiConventions.INVOKE_AGENT_DURATION,
            GenAiConventions.EXECUTE_TOOL_DURATION,
            GenAiConventions.WORKFLOW_DURATION);
    Set<String> accounted = new TreeSet<>(recorded);
    accounted.addAll(NOT_RECORDED);
    assertThat(accounted).isEqualTo(new TreeSet<>(CONVENTIONS.metrics().keySet()));
  }
}

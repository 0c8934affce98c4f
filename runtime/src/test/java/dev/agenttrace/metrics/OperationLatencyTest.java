package dev.agenttrace.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.agenttrace.SemanticAttributes;
import dev.agenttrace.Span;
import dev.agenttrace.sdk.TracerSdk;
import dev.agenttrace.testing.ManualClock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

class OperationLatencyTest {
  private final ManualClock clock = new ManualClock();
  private final List<ThresholdViolation> alerts = new ArrayList<>();

  private TracerSdk tracer(TracingMetrics latency) {
    return TracerSdk.builder().clock(clock).addSpanProcessor(latency).build();
  }

  /** A tool call of {@code millis} on {@code model}, as the generated proxies record it. */
  private void toolCall(TracerSdk tracer, String tool, String model, long millis) {
    Span span =
        tracer
            .spanBuilder("execute_tool " + tool)
            .setAttribute(SemanticAttributes.GEN_AI_TOOL_NAME, tool)
            .setAttribute(SemanticAttributes.GEN_AI_REQUEST_MODEL, model)
            .startSpan();
    clock.advance(Duration.ofMillis(millis));
    span.end();
  }

  @Test
  void measuresEachSpanUnderItsNameToolAndModel() {
    TracingMetrics latency = TracingMetrics.builder().clock(clock).operationLatency(true).build();
    TracerSdk tracer = tracer(latency);

    toolCall(tracer, "lookup_order", "gpt-4o", 100);
    toolCall(tracer, "lookup_order", "gpt-4o", 300);
    toolCall(tracer, "update_order", "gpt-4o", 50);

    assertThat(latency.operations())
        .containsExactly(
            OperationKey.spanName("execute_tool lookup_order"),
            OperationKey.spanName("execute_tool update_order"),
            OperationKey.tool("lookup_order"),
            OperationKey.tool("update_order"),
            OperationKey.model("gpt-4o"));
    HistogramSnapshot lookup =
        latency.latency(OperationKey.tool("lookup_order")).orElseThrow().total();
    assertThat(lookup.count()).isEqualTo(2);
    assertThat(lookup.mean()).isEqualTo(200e6);
    assertThat(lookup.min()).isEqualTo(100_000_000L);
    assertThat(lookup.max()).isEqualTo(300_000_000L);
    assertThat(lookup.standardDeviation()).isCloseTo(100e6, within(1.0));
    HistogramSnapshot model = latency.latency(OperationKey.model("gpt-4o")).orElseThrow().total();
    assertThat(model.count()).isEqualTo(3);
    assertThat(model.sum()).isEqualTo(450_000_000L);
    assertThat(latency.latency(OperationKey.agent("billing"))).isEmpty();
  }

  @Test
  void theLastMinuteForgetsOlderSpansWhileTheTotalKeepsThem() {
    TracingMetrics latency = TracingMetrics.builder().clock(clock).operationLatency(true).build();
    TracerSdk tracer = tracer(latency);
    toolCall(tracer, "lookup_order", "gpt-4o", 900);

    clock.advance(Duration.ofMinutes(2));
    toolCall(tracer, "lookup_order", "gpt-4o", 100);
    OperationLatency lookup = latency.latency(OperationKey.tool("lookup_order")).orElseThrow();

    assertThat(lookup.window(Duration.ofMinutes(1)).count()).isEqualTo(1);
    assertThat(lookup.window(Duration.ofMinutes(1)).max()).isEqualTo(100_000_000L);
    assertThat(lookup.window(Duration.ofHours(1)).count()).isEqualTo(2);
    assertThat(lookup.window(Duration.ofDays(1)).count()).isEqualTo(2);
    assertThat(lookup.total().count()).isEqualTo(2);
  }

  @Test
  void comparesThisHourWithThePreviousHour() {
    TracingMetrics latency = TracingMetrics.builder().clock(clock).operationLatency(true).build();
    TracerSdk tracer = tracer(latency);
    for (int i = 0; i < 20; i++) {
      toolCall(tracer, "lookup_order", "gpt-4o", 200);
    }
    clock.set(Duration.ofHours(1));
    for (int i = 0; i < 20; i++) {
      toolCall(tracer, "lookup_order", "gpt-4o", 500);
    }

    PeriodComparison change =
        latency
            .latency(OperationKey.tool("lookup_order"))
            .orElseThrow()
            .compare(Duration.ofHours(1));

    assertThat(change.baseline().count()).isEqualTo(20);
    assertThat(change.current().count()).isEqualTo(20);
    assertThat(change.p50Change()).isEqualTo(300_000_000L);
    assertThat(change.p95Change()).isEqualTo(300_000_000L);
    assertThat(change.relativeChange(50)).isEqualTo(1.5);
  }

  @Test
  void checkListsEachViolatedThresholdAndHandsItToTheCallback() {
    LatencyThreshold slowTool =
        LatencyThreshold.of(OperationKey.tool("lookup_order"), 95, Duration.ofSeconds(2));
    LatencyThreshold fastModel =
        LatencyThreshold.of(OperationKey.model("gpt-4o"), 50, Duration.ofSeconds(5));
    TracingMetrics latency =
        TracingMetrics.builder()
            .clock(clock)
            .threshold(slowTool)
            .threshold(fastModel)
            .onViolation(alerts::add)
            .build();
    TracerSdk tracer = tracer(latency);
    for (int i = 0; i < 19; i++) {
      toolCall(tracer, "lookup_order", "gpt-4o", 1_000);
    }
    toolCall(tracer, "lookup_order", "gpt-4o", 2_500);
    assertThat(latency.checkThresholds()).isEmpty();

    toolCall(tracer, "lookup_order", "gpt-4o", 2_500);
    List<ThresholdViolation> violations = latency.checkThresholds();

    assertThat(violations).hasSize(1);
    assertThat(violations.get(0).threshold()).isEqualTo(slowTool);
    assertThat((double) violations.get(0).observed().toNanos())
        .isCloseTo(2.5e9, within(2.5e9 / 128));
    assertThat(violations.get(0).count()).isEqualTo(21);
    assertThat(violations.get(0).message())
        .startsWith("p95(gen_ai.tool.name=lookup_order over PT1M) <= PT2S violated: observed PT2.4")
        .endsWith(" over 21 spans");
    assertThat(alerts).isEqualTo(violations);
  }

  @Test
  void aThresholdPassesUntilItsWindowHoldsMinCountSpans() {
    LatencyThreshold threshold =
        LatencyThreshold.of(OperationKey.tool("lookup_order"), 99, Duration.ofMillis(100))
            .minCount(3);
    TracingMetrics latency =
        TracingMetrics.builder().clock(clock).operationLatency(true).threshold(threshold).build();
    TracerSdk tracer = tracer(latency);

    toolCall(tracer, "lookup_order", "gpt-4o", 1_000);
    toolCall(tracer, "lookup_order", "gpt-4o", 1_000);
    assertThat(latency.checkThresholds()).isEmpty();

    toolCall(tracer, "lookup_order", "gpt-4o", 1_000);
    assertThat(latency.checkThresholds()).hasSize(1);

    clock.advance(Duration.ofMinutes(1));
    assertThat(latency.checkThresholds()).isEmpty();
  }

  @Test
  void operationsBeyondTheLimitAreMeasuredTogetherAndCounted() {
    TracingMetrics latency =
        TracingMetrics.builder().clock(clock).operationLatency(true).maxOperations(3).build();
    TracerSdk tracer = tracer(latency);

    for (int i = 0; i < 10; i++) {
      toolCall(tracer, "tool_" + i, "gpt-4o", 10);
    }

    assertThat(latency.operations())
        .contains(
            OperationKey.spanName(TracingMetrics.OTHER_OPERATION),
            OperationKey.tool(TracingMetrics.OTHER_OPERATION))
        .hasSize(5);
    long measured =
        latency.operations().stream()
            .filter(key -> key.dimension() == OperationKey.Dimension.TOOL)
            .mapToLong(key -> latency.latency(key).orElseThrow().total().count())
            .sum();
    assertThat(measured).isEqualTo(10);
    // The first span took all three slots (its name, its tool, its model); the nine others'
    // names and tools overflowed.
    assertThat(latency.snapshot().overflowedRecordings().get(TracingMetrics.OPERATION_LATENCY))
        .isEqualTo(9 + 9);
  }

  @Test
  void askingForAWindowLongerThanAnyKeptOneFailsClearly() {
    TracingMetrics latency = TracingMetrics.builder().clock(clock).operationLatency(true).build();
    toolCall(tracer(latency), "lookup_order", "gpt-4o", 10);
    OperationLatency lookup = latency.latency(OperationKey.tool("lookup_order")).orElseThrow();

    assertThatThrownBy(() -> lookup.window(Duration.ofDays(3)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("no sliding window keeps PT72H");
    assertThatThrownBy(() -> lookup.compare(Duration.ofDays(2)))
        .hasMessageContaining("twice PT48H");
  }

  @Test
  void spansEndingOnManyThreadsAreAllMeasuredWithinTheOperationLimit() throws Exception {
    TracingMetrics latency =
        TracingMetrics.builder().clock(clock).operationLatency(true).maxOperations(50).build();
    TracerSdk tracer = tracer(latency);
    int threads = 4;
    int perThread = 20_000;
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    try {
      List<Future<?>> done = new ArrayList<>();
      for (int t = 0; t < threads; t++) {
        done.add(
            pool.submit(
                () -> {
                  for (int i = 0; i < perThread; i++) {
                    tracer
                        .spanBuilder("execute_tool tool_" + i % 40)
                        .setAttribute(SemanticAttributes.GEN_AI_TOOL_NAME, "tool_" + i % 40)
                        .startSpan()
                        .end();
                  }
                }));
      }
      for (Future<?> future : done) {
        future.get();
      }
    } finally {
      pool.shutdown();
    }

    List<OperationKey> operations = latency.operations();
    long spanNames = 0;
    long tools = 0;
    for (OperationKey key : operations) {
      long count = latency.latency(key).orElseThrow().total().count();
      if (key.dimension() == OperationKey.Dimension.SPAN_NAME) {
        spanNames += count;
      } else {
        tools += count;
      }
    }
    assertThat(spanNames).isEqualTo((long) threads * perThread);
    assertThat(tools).isEqualTo((long) threads * perThread);
    // Fifty real operations, plus at most one "_other" per dimension that overflowed.
    assertThat(operations)
        .filteredOn(key -> !key.value().equals(TracingMetrics.OTHER_OPERATION))
        .hasSize(50);
    assertThat(operations).hasSizeBetween(51, 52);
    assertThat(latency.snapshot().overflowedRecordings().get(TracingMetrics.OPERATION_LATENCY))
        .isPositive();
  }
}

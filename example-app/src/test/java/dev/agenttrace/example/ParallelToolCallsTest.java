package dev.agenttrace.example;

import static org.assertj.core.api.Assertions.assertThat;

import dev.agenttrace.AgentTrace;
import dev.agenttrace.context.ContextExecutors;
import dev.agenttrace.processing.InMemorySpanCollector;
import dev.agenttrace.sdk.TracerSdk;
import dev.agenttrace.spi.SpanData;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Generated proxies on pool threads: tool calls fanned out by an agent stay its children. */
class ParallelToolCallsTest {
  private final InMemorySpanCollector collector = new InMemorySpanCollector();
  private final TracerSdk tracer = TracerSdk.builder().addSpanProcessor(collector).build();
  private final ExecutorService pool = Executors.newFixedThreadPool(3);

  @BeforeEach
  void install() {
    AgentTrace.install(tracer);
  }

  @AfterEach
  void uninstall() {
    AgentTrace.uninstall();
    pool.shutdownNow();
  }

  @Test
  void toolCallsFannedOutOnAPoolAreEachChildrenOfTheAgentRun() {
    OrderTools tools = OrderToolsTraced.wrap(new InMemoryOrders());
    ExecutorService toolPool = ContextExecutors.wrap(pool);
    SupportAgent agent =
        SupportAgentTraced.wrap(
            question -> {
              List<Future<Order>> lookups = new ArrayList<>();
              for (String id : List.of("ORD-1001", "ORD-1002", "ORD-1003")) {
                lookups.add(toolPool.submit(() -> tools.lookupOrder(id)));
              }
              StringBuilder answer = new StringBuilder();
              for (Future<Order> lookup : lookups) {
                try {
                  answer.append(lookup.get().status()).append(' ');
                } catch (InterruptedException | ExecutionException e) {
                  throw new IllegalStateException(e);
                }
              }
              return answer.toString().trim();
            });

    assertThat(agent.answer("status of all my orders?")).isEqualTo("DELIVERED SHIPPED PLACED");

    SpanData run =
        collector.finishedSpans().stream()
            .filter(span -> span.name().equals("invoke_agent orchestrator"))
            .findFirst()
            .orElseThrow();
    assertThat(collector.finishedSpans())
        .filteredOn(span -> span.name().equals("execute_tool lookup_order"))
        .hasSize(3)
        .allSatisfy(
            tool -> {
              assertThat(tool.parentSpanContext()).isEqualTo(run.spanContext());
              assertThat(tool.attributes().get("order.id")).isNotNull();
            });
  }
}

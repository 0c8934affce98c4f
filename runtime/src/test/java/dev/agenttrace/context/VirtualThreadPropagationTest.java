package dev.agenttrace.context;

import static org.assertj.core.api.Assertions.assertThat;

import dev.agenttrace.Scope;
import dev.agenttrace.Span;
import dev.agenttrace.processing.InMemorySpanCollector;
import dev.agenttrace.sdk.TracerSdk;
import dev.agenttrace.spi.SpanData;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledForJreRange;
import org.junit.jupiter.api.condition.JRE;

/**
 * Virtual threads (JDK 21+). The runtime is compiled for Java 17, so the test reaches the JDK 21
 * factory through reflection; the propagation it tests uses no JDK 21 API at all.
 */
@EnabledForJreRange(min = JRE.JAVA_21)
// Scopes are closed by try-with-resources without being read: that is their use.
@SuppressWarnings("try")
class VirtualThreadPropagationTest {
  private final InMemorySpanCollector collector = new InMemorySpanCollector();
  private final TracerSdk tracer = TracerSdk.builder().addSpanProcessor(collector).build();

  private static ExecutorService newVirtualThreadPerTaskExecutor() throws Exception {
    return (ExecutorService)
        Executors.class.getMethod("newVirtualThreadPerTaskExecutor").invoke(null);
  }

  private static boolean isVirtual(Thread thread) throws Exception {
    return (Boolean) Thread.class.getMethod("isVirtual").invoke(thread);
  }

  @Test
  void toolCallsOnVirtualThreadsAreChildrenOfTheAgent() throws Exception {
    Span agent = tracer.spanBuilder("invoke_agent planner").startSpan();
    List<Future<Boolean>> ranVirtual = new ArrayList<>();
    ExecutorService virtualThreads = ContextExecutors.wrap(newVirtualThreadPerTaskExecutor());
    try (Scope scope = agent.makeCurrent()) {
      for (int i = 0; i < 50; i++) {
        String name = "execute_tool call-" + i;
        ranVirtual.add(
            virtualThreads.submit(
                () -> {
                  Span tool = tracer.spanBuilder(name).startSpan();
                  try (Scope inner = tool.makeCurrent()) {
                    Thread.sleep(2);
                    return isVirtual(Thread.currentThread());
                  } finally {
                    tool.end();
                  }
                }));
      }
      for (Future<Boolean> result : ranVirtual) {
        assertThat(result.get()).isTrue();
      }
    } finally {
      virtualThreads.shutdown();
    }
    agent.end();

    List<SpanData> tools = collector.finishedSpans();
    assertThat(tools).hasSize(51);
    assertThat(tools)
        .filteredOn(span -> span.name().startsWith("execute_tool"))
        .hasSize(50)
        .allSatisfy(span -> assertThat(span.parentSpanContext()).isEqualTo(agent.spanContext()));
  }
}

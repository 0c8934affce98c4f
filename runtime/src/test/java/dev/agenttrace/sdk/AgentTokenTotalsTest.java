package dev.agenttrace.sdk;

import static org.assertj.core.api.Assertions.assertThat;

import dev.agenttrace.Context;
import dev.agenttrace.Scope;
import dev.agenttrace.SemanticAttributes;
import dev.agenttrace.Span;
import dev.agenttrace.SpanTemplate;
import dev.agenttrace.processing.InMemorySpanCollector;
import dev.agenttrace.proxy.SpanTemplates;
import dev.agenttrace.spi.SpanData;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

/** Agent spans carry the token totals of the model calls below them. */
class AgentTokenTotalsTest {
  private static final SpanTemplate AGENT = SpanTemplates.agentRun("support", "", "");
  private static final SpanTemplate SUB_AGENT = SpanTemplates.agentRun("billing", "", "");
  private static final SpanTemplate CHAT = SpanTemplates.llmCall("gpt-4o", "openai", "");
  private static final SpanTemplate EMBED =
      SpanTemplates.modelCall("embeddings", "text-embedding-3", "openai", "");
  private static final SpanTemplate TOOL = SpanTemplates.tool("lookup", "", "");

  private final InMemorySpanCollector collector = new InMemorySpanCollector();
  private final TracerSdk tracer = TracerSdk.builder().addSpanProcessor(collector).build();

  private void model(SpanTemplate template, Long input, Long output) {
    Span span = tracer.startSpan(template);
    if (input != null) {
      span.setAttribute(SemanticAttributes.GEN_AI_USAGE_INPUT_TOKENS, input);
    }
    if (output != null) {
      span.setAttribute(SemanticAttributes.GEN_AI_USAGE_OUTPUT_TOKENS, output);
    }
    span.end();
  }

  /** Sets {@code call}'s operation after its start, reports 8 input tokens and ends it. */
  private static void endAs(Span call, String operation) {
    call.setAttribute(SemanticAttributes.GEN_AI_OPERATION_NAME, operation);
    call.setAttribute(SemanticAttributes.GEN_AI_USAGE_INPUT_TOKENS, 8L);
    call.end();
  }

  private SpanData ended(String name) {
    return collector.finishedSpans().stream()
        .filter(s -> s.name().equals(name))
        .findFirst()
        .orElseThrow();
  }

  private static Long input(SpanData span) {
    return span.attributes().get(SemanticAttributes.GEN_AI_USAGE_INPUT_TOKENS);
  }

  private static Long output(SpanData span) {
    return span.attributes().get(SemanticAttributes.GEN_AI_USAGE_OUTPUT_TOKENS);
  }

  @Test
  void anAgentSpanCarriesTheSumOfItsModelCalls() {
    Span agent = tracer.startSpan(AGENT);
    try (Scope scope = agent.makeCurrent()) {
      model(CHAT, 10L, 3L);
      model(CHAT, 20L, 4L);
      model(EMBED, 5L, null);
    } finally {
      agent.end();
    }

    assertThat(input(ended("invoke_agent support"))).isEqualTo(35L);
    assertThat(output(ended("invoke_agent support"))).isEqualTo(7L);
  }

  @Test
  void modelCallsInsideToolsAndSubAgentsCountForEveryEnclosingAgent() {
    Span agent = tracer.startSpan(AGENT);
    try (Scope scope = agent.makeCurrent()) {
      model(CHAT, 100L, 10L);
      Span sub = tracer.startSpan(SUB_AGENT);
      try (Scope inSub = sub.makeCurrent()) {
        Span tool = tracer.startSpan(TOOL);
        try (Scope inTool = tool.makeCurrent()) {
          model(CHAT, 7L, 2L);
        } finally {
          tool.end();
        }
      } finally {
        sub.end();
      }
    } finally {
      agent.end();
    }

    assertThat(input(ended("invoke_agent billing"))).isEqualTo(7L);
    assertThat(output(ended("invoke_agent billing"))).isEqualTo(2L);
    assertThat(input(ended("invoke_agent support"))).isEqualTo(107L);
    assertThat(output(ended("invoke_agent support"))).isEqualTo(12L);
    assertThat(input(ended("execute_tool lookup"))).isNull();
  }

  @Test
  void onlyModelCallsCount() {
    Span agent = tracer.startSpan(AGENT);
    try (Scope scope = agent.makeCurrent()) {
      Span tool = tracer.startSpan(TOOL);
      tool.setAttribute(SemanticAttributes.GEN_AI_USAGE_INPUT_TOKENS, 99L);
      tool.end();
    } finally {
      agent.end();
    }

    assertThat(input(ended("invoke_agent support"))).isNull();
  }

  @Test
  void aSpanMadeAModelCallAfterItsStartCounts() {
    Span agent = tracer.startSpan(AGENT);
    try (Scope scope = agent.makeCurrent()) {
      endAs(tracer.spanBuilder("call").startSpan(), SemanticAttributes.OPERATION_CHAT);
    } finally {
      agent.end();
    }

    assertThat(input(ended("invoke_agent support"))).isEqualTo(8L);
  }

  @Test
  void aModelCallRenamedToAnotherOperationAfterItsStartDoesNotCount() {
    Span agent = tracer.startSpan(AGENT);
    try (Scope scope = agent.makeCurrent()) {
      endAs(tracer.startSpan(CHAT), SemanticAttributes.OPERATION_EXECUTE_TOOL);
    } finally {
      agent.end();
    }

    assertThat(input(ended("invoke_agent support"))).isNull();
  }

  @Test
  void anAgentWhoseCallsReportedNoUsageHasNone() {
    Span agent = tracer.startSpan(AGENT);
    try (Scope scope = agent.makeCurrent()) {
      model(CHAT, null, null);
      model(CHAT, -1L, null);
    } finally {
      agent.end();
    }

    assertThat(ended("invoke_agent support").attributes().asMap())
        .doesNotContainKeys("gen_ai.usage.input_tokens", "gen_ai.usage.output_tokens");
  }

  @Test
  void usageTheAgentCallSetItselfIsKept() {
    Span agent = tracer.startSpan(AGENT);
    try (Scope scope = agent.makeCurrent()) {
      model(CHAT, 10L, 3L);
    } finally {
      agent.setAttribute(SemanticAttributes.GEN_AI_USAGE_INPUT_TOKENS, 1000L);
      agent.end();
    }

    assertThat(input(ended("invoke_agent support"))).isEqualTo(1000L);
    assertThat(output(ended("invoke_agent support"))).isEqualTo(3L);
  }

  @Test
  void aModelCallOnAnotherThreadThatEndsBeforeTheAgentCounts() throws Exception {
    Span agent = tracer.startSpan(AGENT);
    Context context = Context.current().with(agent);
    CompletableFuture.runAsync(
            () -> {
              try (Scope scope = context.makeCurrent()) {
                model(CHAT, 40L, 8L);
              }
            })
        .get();
    agent.end();

    assertThat(input(ended("invoke_agent support"))).isEqualTo(40L);
  }

  @Test
  void aModelCallEndingAfterItsAgentCountsOnlyForTheAgentsStillRunning() {
    Span outer = tracer.startSpan(AGENT);
    Span late;
    try (Scope scope = outer.makeCurrent()) {
      Span sub = tracer.startSpan(SUB_AGENT);
      try (Scope inSub = sub.makeCurrent()) {
        late = tracer.startSpan(CHAT);
      }
      sub.end(); // the sub-agent did not wait for its model call
      late.setAttribute(SemanticAttributes.GEN_AI_USAGE_INPUT_TOKENS, 50L);
      late.end();
    } finally {
      outer.end();
    }

    assertThat(input(ended("invoke_agent billing"))).isNull();
    assertThat(input(ended("invoke_agent support"))).isEqualTo(50L);
  }

  @Test
  void aModelCallOutsideAnyAgentIsUnaffected() {
    model(CHAT, 10L, 3L);

    assertThat(input(ended("chat gpt-4o"))).isEqualTo(10L);
  }
}

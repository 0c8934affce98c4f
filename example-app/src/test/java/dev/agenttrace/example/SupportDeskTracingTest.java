package dev.agenttrace.example;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.agenttrace.AgentTrace;
import dev.agenttrace.AttributeKey;
import dev.agenttrace.SemanticAttributes;
import dev.agenttrace.SpanKind;
import dev.agenttrace.StatusCode;
import dev.agenttrace.processing.InMemorySpanCollector;
import dev.agenttrace.sdk.TracerSdk;
import dev.agenttrace.spi.SpanData;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The generated proxies of the example, exercised the way a user's application would. */
class SupportDeskTracingTest {
  private final InMemorySpanCollector collector = new InMemorySpanCollector();
  private TracerSdk tracer;

  @BeforeEach
  void installTracer() {
    tracer = TracerSdk.builder().serviceName("support-desk").addSpanProcessor(collector).build();
    AgentTrace.install(tracer);
  }

  @AfterEach
  void uninstallTracer() {
    AgentTrace.uninstall();
    tracer.close();
  }

  private SpanData span(String name) {
    return collector.finishedSpans().stream()
        .filter(span -> span.name().equals(name))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no span " + name + " in " + collector));
  }

  @Test
  void agentRunSpanFollowsTheGenAiConventions() {
    SupportDesk.create(new ScriptedChatModel(0)).answer("Where is my order ORD-1002?");

    SpanData agent = span("invoke_agent orchestrator");
    assertThat(agent.kind()).isEqualTo(SpanKind.INTERNAL);
    assertThat(agent.statusCode()).isEqualTo(StatusCode.UNSET);
    assertThat(agent.attributes().asMap())
        .containsEntry("gen_ai.operation.name", "invoke_agent")
        .containsEntry("gen_ai.agent.name", "orchestrator")
        .containsEntry("gen_ai.agent.description", "Answers customers and routes to specialists")
        .containsEntry("code.function.name", "dev.agenttrace.example.SupportAgent.answer");
  }

  @Test
  void llmCallSpanIsAClientSpanNamingModelAndProvider() {
    SupportDesk.create(new ScriptedChatModel(0)).answer("Where is my order ORD-1002?");

    SpanData chat = span("chat scripted-model");
    assertThat(chat.kind()).isEqualTo(SpanKind.CLIENT);
    assertThat(chat.attributes().asMap())
        .containsEntry("gen_ai.operation.name", "chat")
        .containsEntry("gen_ai.request.model", "scripted-model")
        .containsEntry("gen_ai.provider.name", "scripted");
  }

  @Test
  void toolSpanRecordsItsSpanAttributesWithTheirTypes() {
    SupportDesk.create(new ScriptedChatModel(0)).answer("Refund order ORD-1001 please");

    SpanData update = span("execute_tool update_order");
    assertThat(update.attributes().asMap())
        .containsEntry("gen_ai.operation.name", "execute_tool")
        .containsEntry("gen_ai.tool.name", "update_order")
        .containsEntry("gen_ai.tool.description", "Change the status of an order")
        .containsEntry("order.id", "ORD-1001")
        .containsEntry("order.status", "REFUNDED");
  }

  @Test
  void handOffToTheBillingAgentIsAChildOfTheOrchestrator() {
    SupportDesk.create(new ScriptedChatModel(0)).answer("Refund order ORD-1001 please");

    SpanData orchestrator = span("invoke_agent orchestrator");
    SpanData billing = span("invoke_agent billing");
    SpanData lookup = span("execute_tool lookup_order");
    assertThat(billing.parentSpanId()).isEqualTo(orchestrator.spanId());
    assertThat(lookup.parentSpanId()).isEqualTo(billing.spanId());
    assertThat(List.of(billing.traceId(), lookup.traceId())).containsOnly(orchestrator.traceId());
  }

  @Test
  void checkedExceptionFromToolMarksSpanErrorAndPassesThroughUnchanged() {
    OrderTools tools = OrderToolsTraced.wrap(new InMemoryOrders());

    assertThatThrownBy(() -> tools.lookupOrder("ORD-0"))
        .isExactlyInstanceOf(OrderNotFoundException.class)
        .hasMessage("No order ORD-0");

    SpanData lookup = span("execute_tool lookup_order");
    assertThat(lookup.statusCode()).isEqualTo(StatusCode.ERROR);
    assertThat(lookup.attributes().get(SemanticAttributes.ERROR_TYPE))
        .isEqualTo(OrderNotFoundException.class.getName());
    assertThat(lookup.events())
        .singleElement()
        .satisfies(
            event -> {
              assertThat(event.name()).isEqualTo("exception");
              assertThat(event.attributes().get(AttributeKey.stringKey("exception.message")))
                  .isEqualTo("No order ORD-0");
            });
  }

  @Test
  void withTracingOffTheProxiesOnlyForward() {
    AgentTrace.uninstall();

    String answer = SupportDesk.create(new ScriptedChatModel(0)).answer("Where is ORD-1003?");

    assertThat(answer).isEqualTo("Dear customer, Order ORD-1003 (Monitor arm) is PLACED.");
    assertThat(collector.finishedSpans()).isEmpty();
  }
}

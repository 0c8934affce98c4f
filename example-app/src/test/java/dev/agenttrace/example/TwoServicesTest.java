package dev.agenttrace.example;

import static org.assertj.core.api.Assertions.assertThat;

import dev.agenttrace.SemanticAttributes;
import dev.agenttrace.StatusCode;
import dev.agenttrace.spi.SpanData;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The example's orchestrator and billing services, talking HTTP over the loopback interface. */
class TwoServicesTest {
  private static List<SpanData> spans;
  private static String printed;

  @BeforeAll
  static void runTheExample() {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    spans =
        SupportApp.run(
            new ScriptedChatModel(0), new PrintStream(out, true, StandardCharsets.UTF_8));
    printed = out.toString(StandardCharsets.UTF_8);
  }

  private static SpanData span(String name, String service) {
    return spans.stream()
        .filter(s -> s.name().equals(name) && s.resource().serviceName().equals(service))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no span " + name + " of " + service));
  }

  private static List<SpanData> trace(String traceId) {
    return spans.stream()
        .filter(s -> s.spanContext().traceId().equals(traceId))
        .collect(Collectors.toList());
  }

  @Test
  void billingRunInTheBillingServiceIsAChildOfTheOrchestratorAcrossHttp() {
    SpanData billing = span("invoke_agent billing", SupportApp.BILLING_SERVICE);
    SpanData orchestrator =
        trace(billing.spanContext().traceId()).stream()
            .filter(s -> s.name().equals("invoke_agent orchestrator"))
            .findFirst()
            .orElseThrow();

    assertThat(orchestrator.resource().serviceName()).isEqualTo(SupportApp.SUPPORT_SERVICE);
    assertThat(billing.parentSpanContext().spanId()).isEqualTo(orchestrator.spanContext().spanId());
    assertThat(billing.parentSpanContext().isRemote()).isTrue();
    assertThat(orchestrator.parentSpanContext().isValid()).isFalse();
  }

  @Test
  void refundTraceHoldsSpansOfBothServicesEachTaggedWithItsServiceName() {
    SpanData billing = span("invoke_agent billing", SupportApp.BILLING_SERVICE);
    List<SpanData> refund = trace(billing.spanContext().traceId());

    assertThat(refund)
        .extracting(s -> s.name() + " @ " + s.resource().serviceName())
        .containsExactlyInAnyOrder(
            "invoke_agent orchestrator @ support-desk",
            "chat scripted-model @ support-desk",
            "invoke_agent billing @ billing-service",
            "execute_tool lookup_order @ billing-service",
            "chat scripted-model @ billing-service",
            "execute_tool update_order @ billing-service",
            "chat scripted-model @ support-desk");
    assertThat(refund)
        .filteredOn(s -> s.resource().serviceName().equals(SupportApp.BILLING_SERVICE))
        .allSatisfy(
            s -> assertThat(s.spanContext().traceId()).isEqualTo(billing.spanContext().traceId()));
  }

  @Test
  void everySpanCarriesTheConversationIdOfItsQuestion() {
    SpanData billing = span("invoke_agent billing", SupportApp.BILLING_SERVICE);
    String refundTrace = billing.spanContext().traceId();

    assertThat(spans)
        .allSatisfy(
            s ->
                assertThat(s.attributes().get(SemanticAttributes.GEN_AI_CONVERSATION_ID))
                    .isEqualTo(
                        s.spanContext().traceId().equals(refundTrace)
                            ? "conversation-1"
                            : "conversation-2"));
  }

  @Test
  void missingOrderFailsTheToolInTheSecondTrace() {
    SpanData failed =
        spans.stream()
            .filter(s -> s.statusCode() == StatusCode.ERROR)
            .collect(Collectors.toList())
            .get(0);

    assertThat(failed.name()).isEqualTo("execute_tool lookup_order");
    assertThat(failed.resource().serviceName()).isEqualTo(SupportApp.SUPPORT_SERVICE);
    assertThat(trace(failed.spanContext().traceId())).hasSize(4);
  }

  @Test
  void printedOutputShowsTwoTracesTheFirstWithBothServices() {
    String[] parts = printed.split("(?m)^Trace ");
    String[] traces = {parts[1], parts[2].split("(?m)^GenAI metrics ")[0]};

    assertThat(printed)
        .contains("Agent:    Dear customer, Refunded 129.0 EUR for Mechanical keyboard.");
    assertThat(parts).hasSize(3);
    assertThat(traces[0])
        .contains("└─ invoke_agent orchestrator [support-desk]")
        .contains("├─ invoke_agent billing [billing-service]")
        .contains("execute_tool update_order [billing-service]");
    assertThat(traces[1])
        .contains("execute_tool lookup_order")
        .contains("✗ ERROR OrderNotFoundException")
        .doesNotContain("billing");
  }
}

package dev.agenttrace.view;

import static org.assertj.core.api.Assertions.assertThat;

import dev.agenttrace.internal.json.Json;
import dev.agenttrace.spi.SpanData;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The Jaeger JSON document, read back as the Jaeger UI's "JSON File" upload reads it. */
class JaegerJsonRendererTest {

  @Test
  void eachTraceIsOneEntryWithItsSpansAndProcesses() {
    Map<?, ?> document = render(SampleSpans.allShuffled());

    List<?> data = (List<?>) document.get("data");
    assertThat(data).hasSize(3);
    Map<?, ?> support = (Map<?, ?>) data.get(0);
    assertThat(support.get("traceID")).isEqualTo(SampleSpans.SUPPORT_TRACE);
    assertThat(list(support.get("spans")))
        .extracting(span -> (Object) ((Map<?, ?>) span).get("operationName"))
        .containsExactlyElementsOf(SampleSpans.SUPPORT_NAMES);
    assertThat(support.get("processes"))
        .isEqualTo(Map.of("p1", Map.of("serviceName", "support-desk", "tags", List.of())));
  }

  @Test
  void spanCarriesParentReferenceMicrosecondTimesAndTypedTags() {
    Map<?, ?> lookup = span(render(SampleSpans.supportTrace()), "execute_tool lookup_order");

    assertThat(lookup.get("spanID")).isEqualTo("00000000000000a3");
    assertThat(lookup.get("references"))
        .isEqualTo(
            List.of(
                Map.of(
                    "refType", "CHILD_OF",
                    "traceID", SampleSpans.SUPPORT_TRACE,
                    "spanID", "00000000000000a1")));
    assertThat(lookup.get("startTime")).isEqualTo(1_700_000_000_085_000L);
    assertThat(lookup.get("duration")).isEqualTo(25_000L);
    assertThat(lookup.get("processID")).isEqualTo("p1");
    assertThat(list(lookup.get("tags")))
        .contains(
            Map.of("key", "gen_ai.operation.name", "type", "string", "value", "execute_tool"),
            Map.of("key", "error", "type", "bool", "value", true),
            Map.of("key", "otel.status_code", "type", "string", "value", "ERROR"),
            Map.of(
                "key", "otel.status_description",
                "type", "string",
                "value", "dev.agenttrace.example.OrderNotFoundException: No order ORD-9"));
  }

  @Test
  void exceptionEventBecomesALogWithItsFields() {
    Map<?, ?> lookup = span(render(SampleSpans.supportTrace()), "execute_tool lookup_order");

    Map<?, ?> log = (Map<?, ?>) ((List<?>) lookup.get("logs")).get(0);
    assertThat(log.get("timestamp")).isEqualTo(1_700_000_000_105_000L);
    assertThat(list(log.get("fields")))
        .contains(
            Map.of("key", "event", "type", "string", "value", "exception"),
            Map.of(
                "key", "exception.type",
                "type", "string",
                "value", "dev.agenttrace.example.OrderNotFoundException"));
  }

  @Test
  void spanMovedForClockSkewSaysSoInItsWarnings() {
    Map<?, ?> document = render(SampleSpans.skewedTrace());

    Map<?, ?> chat = span(document, "chat gateway-model");
    assertThat(chat.get("warnings"))
        .isEqualTo(
            List.of(
                "clock skew: moved \"chat gateway-model\" [llm-gateway] 3.02 s later to fit its"
                    + " parent from [support-desk]"));
    assertThat(chat.get("processID")).isEqualTo("p2");
    assertThat(span(document, "invoke_agent planner").get("warnings")).isNull();
  }

  @SuppressWarnings("unchecked")
  private static List<Object> list(Object json) {
    return (List<Object>) json;
  }

  private static Map<?, ?> render(List<SpanData> spans) {
    return (Map<?, ?>) Json.parse(JaegerJsonRenderer.render(TraceAssembler.assemble(spans)));
  }

  private static Map<?, ?> span(Map<?, ?> document, String name) {
    for (Object trace : (List<?>) document.get("data")) {
      for (Object span : (List<?>) ((Map<?, ?>) trace).get("spans")) {
        if (((Map<?, ?>) span).get("operationName").equals(name)) {
          return (Map<?, ?>) span;
        }
      }
    }
    throw new AssertionError("no span " + name);
  }
}

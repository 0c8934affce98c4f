package dev.agenttrace.example;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The example scenario exported to a real Zipkin server: what a user opening Zipkin would see, read
 * back through Zipkin's query API.
 */
class ZipkinExportIT {
  private static final Pattern TRACE_LINK = Pattern.compile("/zipkin/traces/([0-9a-f]{32})");

  private static ZipkinServer zipkin;
  private static String output;
  private static List<String> traceIds;

  @BeforeAll
  static void runTheExampleAgainstZipkin() throws Exception {
    zipkin = ZipkinServer.start();
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    SupportApp.run(
        new ScriptedChatModel(0),
        new PrintStream(bytes, true, StandardCharsets.UTF_8),
        SupportApp.config().exporters("zipkin").zipkinEndpoint(zipkin.spansEndpoint()));
    output = bytes.toString(StandardCharsets.UTF_8);
    traceIds = new ArrayList<>();
    Matcher matcher = TRACE_LINK.matcher(output);
    while (matcher.find()) {
      traceIds.add(matcher.group(1));
    }
  }

  @AfterAll
  static void stopZipkin() {
    if (zipkin != null) {
      zipkin.close();
    }
  }

  @Test
  void zipkinListensOnLoopbackOnly() throws Exception {
    assertThat(zipkin.listeningAddresses())
        .isNotEmpty()
        .allSatisfy(address -> assertThat(address.isLoopbackAddress()).as("%s", address).isTrue());
  }

  @Test
  void theRunSaysWhereInZipkinEachTraceIs() {
    assertThat(traceIds).hasSize(2);
    assertThat(output)
        .contains(
            "Exported from support-desk with [zipkin]: started=7 ended=7 exported=7 failed=0"
                + " dropped=0")
        .contains(
            "Exported from billing-service with [zipkin]: started=4 ended=4 exported=4 failed=0"
                + " dropped=0");
  }

  @Test
  void theRefundTraceIsWholeWithEachSpanUnderItsParent() throws Exception {
    List<Map<String, Object>> spans = zipkin.trace(traceIds.get(0), 7);

    assertThat(spans)
        .extracting(s -> s.get("name"))
        .containsExactlyInAnyOrder(
            "invoke_agent orchestrator",
            "chat scripted-model",
            "invoke_agent billing",
            "execute_tool lookup_order",
            "chat scripted-model",
            "execute_tool update_order",
            "chat scripted-model");
    Map<String, Object> root = named(spans, "invoke_agent orchestrator");
    Map<String, Object> billing = named(spans, "invoke_agent billing");
    Map<String, Object> update = named(spans, "execute_tool update_order");
    assertThat(root).doesNotContainKey("parentId");
    assertThat(billing).containsEntry("parentId", root.get("id"));
    assertThat(update).containsEntry("parentId", billing.get("id"));
    assertThat(named(spans, "execute_tool lookup_order"))
        .containsEntry("parentId", billing.get("id"));
    assertThat(tags(update))
        .containsEntry("gen_ai.tool.name", "update_order")
        .containsEntry("gen_ai.operation.name", "execute_tool")
        .doesNotContainKey("error");
    assertThat(tags(billing)).containsEntry("gen_ai.agent.name", "billing");
    assertThat(root).containsEntry("localEndpoint", Map.of("serviceName", "support-desk"));
    assertThat(billing).containsEntry("localEndpoint", Map.of("serviceName", "billing-service"));
  }

  @Test
  void theMissingOrderTraceShowsTheFailedToolAsAnError() throws Exception {
    List<Map<String, Object>> spans = zipkin.trace(traceIds.get(1), 4);

    assertThat(spans).hasSize(4);
    Map<String, Object> root = named(spans, "invoke_agent orchestrator");
    Map<String, Object> lookup = named(spans, "execute_tool lookup_order");
    assertThat(lookup).containsEntry("parentId", root.get("id"));
    assertThat(tags(lookup))
        .containsEntry("error", "dev.agenttrace.example.OrderNotFoundException: No order ORD-4040")
        .containsEntry("otel.status_code", "ERROR");
    assertThat(lookup.get("annotations").toString()).contains("exception");
    assertThat(tags(root)).doesNotContainKey("error");
  }

  private static Map<String, Object> named(List<Map<String, Object>> spans, String name) {
    return spans.stream().filter(s -> name.equals(s.get("name"))).findFirst().orElseThrow();
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> tags(Map<String, Object> span) {
    return (Map<String, Object>) span.getOrDefault("tags", Map.of());
  }
}

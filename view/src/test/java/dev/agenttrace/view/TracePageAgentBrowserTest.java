package dev.agenttrace.view;

import static org.assertj.core.api.Assertions.assertThat;

import dev.agenttrace.spi.SpanData;
import java.io.IOException;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

/**
 * What an agent developer reads on the trace page, in headless Chromium: the summary strip, models,
 * tokens and tool input and output at a glance, GenAI messages and tool-call JSON in the details,
 * tool-call ids and span links that select the span they name, exceptions and the first streamed
 * chunk. Runs with {@code -Pbrowser-tests}.
 */
@Tag("browser")
class TracePageAgentBrowserTest {
  @RegisterExtension static final TracePageDriver page = new TracePageDriver();

  @BeforeEach
  void openTheConversation() throws IOException {
    page.open("agent", AgentSpans.all());
  }

  @Test
  void summaryStripShowsDurationTimeSplitCallsTokensPerModelAndErrors() throws IOException {
    assertThat(metric("duration")).isEqualTo("DURATION\n2.40 s\n7 spans");
    assertThat(metric("time"))
        .isEqualTo("TIME\nLLM 1.76 s (73%) tools 600 ms (25%) other 40 ms (2%)");
    assertThat(metric("calls")).isEqualTo("CALLS\n3 LLM calls · 2 tool calls");
    assertThat(metric("tokens"))
        .isEqualTo(
            "TOKENS\n3,040 in · 231 out\n"
                + "gpt-4o-mini-2024-07-18: 1 call · 310 in · 4 out\n"
                + "gpt-4o-2024-08-06: 2 calls · 2,730 in · 227 out");
    assertThat(metric("errors")).isEqualTo("ERRORS\n1");
    page.screenshot("trace-page-agent-summary");
  }

  @Test
  void modelWhoseCallsReportNoTokensSaysSoInTheStrip() throws IOException {
    String t = AgentSpans.TURN_1;
    page.open(
        "mixed-tokens",
        List.of(
            AgentSpans.chat(t, "1000000000000001", null, "gpt-4o", 0, 100, 10, 5).build(),
            AgentSpans.span(t, "1000000000000002", "1000000000000001", "chat local", 10, 50)
                .attr("gen_ai.operation.name", "chat")
                .attr("gen_ai.request.model", "local-llama")
                .build()));

    assertThat(metric("tokens"))
        .isEqualTo(
            "TOKENS\n10 in · 5 out\ngpt-4o: 1 call · 10 in · 5 out\nlocal-llama: 1 call · no token counts");
  }

  @Test
  void summaryStripAgreesWithTheTextTreeSummaryLine() {
    String tree = TreeRenderer.renderTraces(TraceAssembler.assemble(AgentSpans.turn1()));

    assertThat(tree)
        .contains(
            "= 2.40 s: LLM 1.76 s, tools 600 ms, other 40 ms · 3 LLM calls, 2 tool calls · tokens"
                + " 3040 in / 231 out");
    assertThat(metric("time")).contains("LLM 1.76 s", "tools 600 ms", "other 40 ms");
    assertThat(metric("tokens")).contains("3,040 in · 231 out");
  }

  @Test
  void modelCallRowsShowTheModelAndTokensAtAGlance() {
    WebElement info = page.row("chat gpt-4o-mini").findElement(By.className("info"));

    assertThat(info.findElement(By.className("model")).getText())
        .isEqualTo("gpt-4o-mini-2024-07-18");
    assertThat(info.findElement(By.className("tokens")).getText()).isEqualTo("310 → 4 tok");
  }

  @Test
  void toolRowsShowCapturedArgumentsAndResultAndNothingWhenNotCaptured() {
    assertThat(io("execute_tool lookup_order"))
        .isEqualTo(
            "{\"order_id\":\"ORD-9\"} → {\"id\":\"ORD-9\",\"item\":\"Mechanical keyboard\","
                + "\"total\":129.0,\"status\":\"SHIPPED\"}");
    assertThat(io("execute_tool get_shipping")).isEqualTo("{\"order_id\":\"ORD-9\"}");
    assertThat(page.row("POST /v1/chat/completions").findElement(By.className("info")).getText())
        .isEmpty();
  }

  @Test
  void modelCallDetailsShowModelTokensFirstChunkAndMessagesAsAConversation() throws IOException {
    page.findAll("#rows .row").get(2).click();

    assertThat(page.find("#details h2").getText()).isEqualTo("chat gpt-4o");
    assertThat(page.detail("Model")).isEqualTo("gpt-4o-2024-08-06 (asked for gpt-4o)");
    assertThat(page.detail("Tokens")).isEqualTo("1,200 in · 85 out (1,285 total)");
    assertThat(page.detail("Time to first chunk")).isEqualTo("320 ms (40% of the call)");
    assertThat(page.detail("gen_ai.provider.name")).isEqualTo("openai");
    assertThat(block("gen_ai.system_instructions"))
        .contains("You are a support agent for an online shop.");
    assertThat(block("gen_ai.input.messages"))
        .contains("User\nWhere is my order ORD-9? It was due on Monday.");
    assertThat(block("gen_ai.output.messages"))
        .contains("Assistant · finish: tool_call")
        .contains("→ tool call lookup_order (call_1)")
        .contains("\"order_id\": \"ORD-9\"");
    page.screenshot("trace-page-agent-model-call");
  }

  @Test
  void rawJsonOfMessagesIsOneClickAway() {
    page.findAll("#rows .row").get(2).click();
    WebElement output = page.find("#details .block[data-key='gen_ai.output.messages']");

    output.findElement(By.className("raw")).click();

    assertThat(output.findElement(By.className("block-body")).getText())
        .startsWith("[\n  {\n    \"role\": \"assistant\",")
        .contains("\"type\": \"tool_call\"");
  }

  @Test
  void toolCallAskedForByAModelLinksToTheToolSpanWithThatId() {
    page.findAll("#rows .row").get(2).click();
    assertThat(page.detail("Tool calls asked for"))
        .isEqualTo(
            "lookup_order (call_1) → execute_tool lookup_order\n"
                + "get_shipping (call_2) → execute_tool get_shipping");

    page.find("#details .v[data-key='Tool calls asked for'] li:nth-child(2) .span-link").click();

    assertThat(page.rowsWithClass("selected")).containsExactly("execute_tool get_shipping");
    assertThat(page.detail("gen_ai.tool.call.id")).isEqualTo("call_2");
  }

  @Test
  void toolSpanLinksBackToTheModelCallThatAskedForIt() {
    page.row("execute_tool lookup_order").click();
    assertThat(page.detail("Requested by")).isEqualTo("← chat gpt-4o");

    page.find("#details .v[data-key='Requested by'] .span-link").click();

    assertThat(page.find("#details").getAttribute("data-span-id")).isEqualTo("1000000000000003");
  }

  @Test
  void toolArgumentsAndResultArePrettyPrintedAndFold() {
    page.row("execute_tool lookup_order").click();
    WebElement result = page.find("#details .block[data-key='gen_ai.tool.call.result']");
    assertThat(result.getText())
        .contains("\"item\": \"Mechanical keyboard\",")
        .contains("\"total\": 129,");
    assertThat(page.find("#details .block[data-key='gen_ai.tool.call.arguments']").getText())
        .contains("\"order_id\": \"ORD-9\"");

    result.findElement(By.className("jv-toggle")).click();

    assertThat(result.findElement(By.className("jv-children")).isDisplayed()).isFalse();
    assertThat(result.findElement(By.className("jv-summary")).getText()).isEqualTo("4 keys");
  }

  @Test
  void longValuesAreCutWithAShowAllButton() throws IOException {
    String answer =
        "The refund policy says: " + "all items can be returned within 30 days. ".repeat(60);
    List<SpanData> spans =
        List.of(
            AgentSpans.chat(AgentSpans.TURN_1, "1000000000000009", null, "gpt-4o", 0, 100, 10, 900)
                .attr(
                    "gen_ai.output.messages",
                    "[{\"role\":\"assistant\",\"parts\":[{\"type\":\"text\",\"content\":\""
                        + answer
                        + "\"}]}]")
                .attr("policy.text", answer)
                .build());
    page.open("long-values", spans);
    page.row("chat gpt-4o").click();
    WebElement policy = page.find("#details .v[data-key='policy.text']");
    assertThat(policy.getText()).hasSizeLessThan(700).endsWith("… show all (2,544 characters)");

    policy.findElement(By.className("more")).click();

    assertThat(policy.getText()).isEqualTo(answer + " show less");
    assertThat(block("gen_ai.output.messages")).contains("show all (2,544 characters)");
  }

  @Test
  void exceptionShowsTypeMessageAndStackTraceWithEveryAtBesideItsFrame() throws IOException {
    page.row("execute_tool get_shipping").click();
    WebElement exception = page.find("#details .exception");
    assertThat(exception.findElement(By.className("title")).getText())
        .isEqualTo("java.io.UncheckedIOException: shipping service did not answer within 500 ms");
    List<WebElement> frames = exception.findElements(By.cssSelector(".stack .frame"));
    assertThat(frames).hasSize(5);
    assertThat(exception.findElement(By.cssSelector(".stack .cause")).getText())
        .isEqualTo("Caused by: java.net.SocketTimeoutException: Read timed out");

    // Each frame starts on one line with "at" and the frame's first characters; long ones wrap.
    Object split =
        page.script(
            "return Array.from(document.querySelectorAll('#details .stack .frame'))"
                + ".filter(function (f) { var r = document.createRange();"
                + " r.setStart(f.firstChild, 0); r.setEnd(f.firstChild, 6);"
                + " return r.getClientRects().length !== 1; }).length");
    Object wrapped =
        page.script(
            "return Array.from(document.querySelectorAll('#details .stack .frame'))"
                + ".filter(function (f) { return f.getClientRects()[0].height > 20; }).length");
    assertThat(split).isEqualTo(0L);
    assertThat((Long) wrapped).isPositive();
    page.script("arguments[0].scrollIntoView()", exception);
    page.screenshot("trace-page-agent-exception");
  }

  @Test
  void attributeKeysBreakOnlyAtDots() throws IOException {
    List<SpanData> spans =
        List.of(
            AgentSpans.span(AgentSpans.TURN_1, "1000000000000009", null, "work", 0, 100)
                .attr("gen_ai.operation.name", "chat")
                .attr("gen_ai.usage.cache_creation.input_tokens", 12L)
                .attr(
                    "com.example.support.agent.internal.configuration.retrieval.reranker"
                        + ".maximum_candidates_per_query",
                    50L)
                .build());
    page.open("keys", spans);
    page.row("work").click();

    Object brokenInsideAWord =
        page.script(
            "return Array.from(document.querySelectorAll('#details .key .seg'))"
                + ".filter(function (s) { return s.getClientRects().length !== 1; }).length");
    Object wrappedKeys =
        page.script(
            "return Array.from(document.querySelectorAll('#details .key'))"
                + ".filter(function (k) { return new Set(Array.from(k.querySelectorAll('.seg'))"
                + ".map(function (s) { return Math.round(s.getBoundingClientRect().top); })).size > 1; })"
                + ".map(function (k) { return k.textContent; })");
    assertThat(brokenInsideAWord).isEqualTo(0L);
    assertThat((List<?>) wrappedKeys)
        .extracting(String::valueOf)
        .contains(
            "com.example.support.agent.internal.configuration.retrieval.reranker"
                + ".maximum_candidates_per_query")
        .doesNotContain("gen_ai.operation.name");
    page.screenshot("trace-page-keys");
  }

  @Test
  void firstStreamedChunkIsMarkedOnTheBarAndInTheEvents() {
    WebElement tick = page.findAll("#rows .row").get(2).findElement(By.className("ttft"));
    assertThat(tick.getAttribute("style")).contains("left: 40%");
    assertThat(tick.getAttribute("title")).isEqualTo("first chunk after 320 ms");

    page.findAll("#rows .row").get(2).click();

    assertThat(page.find("#details .event.first-chunk").getText())
        .isEqualTo("+320 ms gen_ai.content.first_chunk — time to first chunk 320 ms");
  }

  @Test
  void linkToASpanOfAnotherTraceSelectsItThere() {
    new Select(page.find("#trace-select")).selectByValue("1");
    page.row("invoke_agent support-agent").click();
    WebElement link = page.find("#details .link .span-link");
    assertThat(link.getText()).isEqualTo("→ invoke_agent support-agent (trace 1)");
    assertThat(page.detail("link.reason")).isEqualTo("previous turn");

    link.click();

    assertThat(page.find("#trace-select").getAttribute("value")).isEqualTo("0");
    assertThat(page.find("#details").getAttribute("data-span-id")).isEqualTo("1000000000000001");
    assertThat(page.rowsWithClass("selected")).containsExactly("invoke_agent support-agent");
  }

  private static String metric(String name) {
    return page.find("#strip [data-metric='" + name + "']").getText();
  }

  private static String io(String row) {
    return page.row(row).findElement(By.className("io")).getText();
  }

  private static String block(String key) {
    return page.find("#details .block[data-key='" + key + "']").getText();
  }
}

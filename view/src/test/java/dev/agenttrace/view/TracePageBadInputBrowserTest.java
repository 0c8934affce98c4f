package dev.agenttrace.view;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/**
 * A trace file with missing, malformed and hostile values, read by {@link JsonLinesReader} and
 * shown in headless Chromium: markup stays text and never runs, a 1 MB attribute is cut, values of
 * unexpected types show as they are, and the rest of the page works. Runs with {@code
 * -Pbrowser-tests}.
 */
@Tag("browser")
class TracePageBadInputBrowserTest {
  @RegisterExtension static final TracePageDriver page = new TracePageDriver();

  private static final String TRACE = "0123456789abcdef0123456789abcdef";
  private static final String MEGABYTE = "x".repeat(1 << 20);
  private static final String HOSTILE_NAME = "<img src=x onerror=\"window.pwned=1\">";

  private static final List<String> LINES =
      List.of(
          span("00000000000000a1", null, HOSTILE_NAME, 0, 100)
              .replace(
                  "\"attributes\":{",
                  "\"attributes\":{\"note\":\"<script>window.pwned=2</script>\","
                      + "\"__proto__\":\"a key like any other\","
                      + "\"gen_ai.operation.name\":\"invoke_agent\","
                      + "\"gen_ai.conversation.id\":\"<b onmouseover=window.pwned=3>c</b>\","
                      + "\"<i>key</i>\":1,\"list\":[1,2,{\"a\":\"<b>x</b>\"}],"
                      + "\"nothing\":null,\"ratio\":0.5,")
              .replace(
                  "\"status\":{\"code\":\"OK\"}",
                  "\"status\":{\"code\":\"ERROR\",\"description\":\"<svg onload=window.pwned=4>\"},"
                      + "\"events\":[{\"name\":\"<iframe src=x>\",\"epochNanos\":1700000000001000000,"
                      + "\"attributes\":{\"exception.stacktrace\":\"<img src=y onerror=window.pwned=5>\"}}],"
                      + "\"links\":[{\"traceId\":\"ffffffffffffffffffffffffffffffff\","
                      + "\"spanId\":\"ffffffffffffffff\",\"attributes\":{}}]"),
          span("00000000000000a2", "00000000000000a1", "chat <u>model</u>", 10, 40)
              .replace(
                  "\"attributes\":{",
                  "\"attributes\":{\"gen_ai.operation.name\":\"chat\","
                      + "\"gen_ai.request.model\":\"<svg onload=window.pwned=6>\","
                      + "\"gen_ai.usage.input_tokens\":\"lots\",\"gen_ai.usage.output_tokens\":-5,"
                      + "\"gen_ai.output.messages\":\"[{\\\"role\\\":\\\"<b>\\\",\\\"parts\\\":"
                      + "[{\\\"type\\\":\\\"text\\\",\\\"content\\\":\\\"</script><img src=z"
                      + " onerror=window.pwned=7>\\\"}]}]\","),
          span("00000000000000a3", "00000000000000a1", "execute_tool big", 50, 20)
              .replace(
                  "\"attributes\":{",
                  "\"attributes\":{\"gen_ai.operation.name\":\"execute_tool\","
                      + "\"gen_ai.tool.call.result\":\""
                      + MEGABYTE
                      + "\","),
          span("00000000000000a4", "00000000000000a1", "no resource, no status", 70, 20)
              .replace(",\"resource\":{\"service.name\":\"svc\"}", "")
              .replace(",\"status\":{\"code\":\"OK\"}", ""),
          "this line is not JSON",
          "{\"traceId\":\"not-hex\",\"spanId\":\"00000000000000a9\",\"name\":\"x\"}");

  private static Path file;

  @BeforeAll
  static void writeThePage() throws IOException {
    JsonLinesReader reader = new JsonLinesReader();
    reader.read("bad.jsonl", new StringReader(String.join("\n", LINES)));
    assertThat(reader.problems()).hasSize(2);
    file = TracePageDriver.OUT.resolve("bad-input.html").toAbsolutePath();
    Files.createDirectories(TracePageDriver.OUT);
    Files.writeString(
        file,
        HtmlPageRenderer.render(TraceAssembler.assemble(reader.spans())),
        StandardCharsets.UTF_8);
  }

  @BeforeEach
  void openThePage() {
    page.openFile(file);
  }

  @Test
  void markupInNamesAndAttributesIsShownAsTextAndNeverRuns() throws IOException {
    for (String name : page.rowNames()) {
      page.row(name).click();
    }
    page.row(HOSTILE_NAME).click();

    assertThat(page.rowNames())
        .containsExactly(
            HOSTILE_NAME, "chat <u>model</u>", "execute_tool big", "no resource, no status");
    assertThat(page.script("return typeof window.pwned")).isEqualTo("undefined");
    assertThat(page.script("return document.querySelectorAll('img, svg, iframe, u, i').length"))
        .isEqualTo(0L);
    assertThat(page.script("return document.scripts.length")).isEqualTo(2L);
    assertThat(page.detail("note")).isEqualTo("<script>window.pwned=2</script>");
    assertThat(page.detail("<i>key</i>")).isEqualTo("1");
    assertThat(page.find("#conversation .conv-id").getText())
        .isEqualTo("<b onmouseover=window.pwned=3>c</b>");
    page.screenshot("trace-page-bad-input");
  }

  @Test
  void megabyteAttributeIsCutAndThePageStaysSmallAndUsable() throws IOException {
    assertThat(Files.size(file)).isLessThan(200_000);

    page.row("execute_tool big").click();
    WebElement result = page.find("#details .block[data-key='gen_ai.tool.call.result'] .text");
    assertThat(result.getText()).endsWith("show all (65,596 characters)");
    result.findElement(By.className("more")).click();

    assertThat(result.getText())
        .endsWith("… [cut by the trace page: 1,048,576 characters in the input] show less");
    assertThat(page.row("execute_tool big").findElement(By.className("io")).getText())
        .hasSizeLessThan(210)
        .startsWith("→ xxxx");
    page.row("no resource, no status").click();
    assertThat(page.find("#details h2").getText()).isEqualTo("no resource, no status");
  }

  @Test
  void valuesOfUnexpectedTypesShowAsTheyAreAndAreNotCounted() {
    page.row("chat <u>model</u>").click();

    assertThat(page.detail("gen_ai.usage.input_tokens")).isEqualTo("lots");
    assertThat(page.detail("gen_ai.usage.output_tokens")).isEqualTo("-5");
    assertThat(page.find("#strip [data-metric='tokens']").getText()).contains("not recorded");
    assertThat(page.find("#details .block[data-key='gen_ai.output.messages']").getText())
        .contains("</script><img src=z onerror=window.pwned=7>");
    page.row(HOSTILE_NAME).click();
    assertThat(page.detail("list")).isEqualTo("▾[\n1,\n2,\n▾{\n\"a\": \"<b>x</b>\"\n}\n]");
    assertThat(page.detail("nothing")).isNull();
    assertThat(page.detail("ratio")).isEqualTo("0.5");
    assertThat(page.detail("__proto__")).isEqualTo("a key like any other");
  }

  @Test
  void missingValuesGetTheirDefaultsAndLinksOutsideTheFileSaySo() {
    page.row("no resource, no status").click();
    assertThat(page.detail("Service")).isEqualTo("unknown_service:java");
    assertThat(page.detail("Status")).isEqualTo("UNSET");

    page.row(HOSTILE_NAME).click();

    assertThat(page.find("#details .link").getText())
        .startsWith(
            "not in this file:\ntrace ffffffffffffffffffffffffffffffff span ffffffffffffffff");
    assertThat(page.find("#details .event").getText())
        .startsWith("+1.0 ms <iframe src=x>")
        .contains("<img src=y onerror=window.pwned=5>");
  }

  /** One span line with a service and an OK status, timed in milliseconds from a fixed start. */
  private static String span(String id, String parent, String name, long startMillis, long millis) {
    long start = SampleSpans.T0 + startMillis * 1_000_000L;
    long end = start + millis * 1_000_000L;
    return "{\"traceId\":\""
        + TRACE
        + "\",\"spanId\":\""
        + id
        + "\""
        + (parent == null ? "" : ",\"parentSpanId\":\"" + parent + "\"")
        + ",\"name\":\""
        + name.replace("\"", "\\\"")
        + "\",\"startEpochNanos\":"
        + start
        + ",\"endEpochNanos\":"
        + end
        + ",\"attributes\":{\"span.kind.hint\":\"none\"}"
        + ",\"status\":{\"code\":\"OK\"}"
        + ",\"resource\":{\"service.name\":\"svc\"}}";
  }
}

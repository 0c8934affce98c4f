package dev.agenttrace.view;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The trace page's waterfall as a person sees it in headless Chromium: spans, failures, search,
 * folding, other traces, keyboard navigation, no network, and 10,000 spans. Runs with {@code
 * -Pbrowser-tests}.
 */
@Tag("browser")
class TracePageBrowserTest {
  @RegisterExtension static final TracePageDriver page = new TracePageDriver();

  @Test
  void pageListsEverySpanOfTheTraceWithItsDuration() throws IOException {
    page.open("support", SampleSpans.allShuffled());

    assertThat(page.rowNames()).containsExactlyElementsOf(SampleSpans.SUPPORT_NAMES);
    assertThat(page.find("#summary").getText())
        .isEqualTo("6 spans · 212 ms · support-desk · 1 error");
    assertThat(page.row("invoke_agent billing").findElement(By.className("dur")).getText())
        .isEqualTo("90 ms");
  }

  @Test
  void failedSpanIsMarkedAndShownInRed() throws IOException {
    page.open("support", SampleSpans.allShuffled());

    WebElement failed = page.row("execute_tool lookup_order");
    assertThat(failed.getAttribute("class")).contains("error");
    assertThat(failed.findElement(By.className("errmark")).getText()).isEqualTo("✗");
    assertThat(failed.findElement(By.className("name")).getCssValue("color"))
        .isEqualTo("rgba(176, 0, 32, 1)");
    assertThat(failed.findElement(By.className("bar")).getCssValue("background-color"))
        .isEqualTo("rgba(209, 36, 47, 1)");
    assertThat(page.row("execute_tool update_order").getAttribute("class")).doesNotContain("error");
  }

  @Test
  void clickingASpanShowsItsServiceAttributesAndException() throws IOException {
    page.open("support", SampleSpans.allShuffled());

    page.row("execute_tool lookup_order").click();

    assertThat(page.find("#details h2").getText()).isEqualTo("execute_tool lookup_order");
    assertThat(page.detail("Status"))
        .isEqualTo("ERROR: dev.agenttrace.example.OrderNotFoundException: No order ORD-9");
    assertThat(page.detail("Service")).isEqualTo("support-desk");
    assertThat(page.detail("Duration")).isEqualTo("25 ms");
    assertThat(page.detail("order.id")).isEqualTo("ORD-9");
    assertThat(page.detail("gen_ai.operation.name")).isEqualTo("execute_tool");
    assertThat(page.detail("service.name")).isEqualTo("support-desk");
    WebElement exception = page.find("#details .exception");
    assertThat(exception.getText())
        .contains("dev.agenttrace.example.OrderNotFoundException: No order ORD-9")
        .contains("at dev.agenttrace.example.InMemoryOrders.lookup(InMemoryOrders.java:31)");
    assertThat(page.row("execute_tool lookup_order").getAttribute("class")).contains("selected");
    page.screenshot("trace-page-details");
  }

  @Test
  void searchKeepsOnlySpansWhoseNameMatches() throws IOException {
    page.open("support", SampleSpans.allShuffled());

    page.find("#search").sendKeys("chat");

    page.waitUntil(d -> page.rowNames().size() == 2);
    assertThat(page.rowNames()).containsExactly("chat scripted-model", "chat scripted-model");
    assertThat(page.find("#summary").getText()).startsWith("2 of 6 spans match");
    assertThat(page.findAll("#rows mark"))
        .extracting(WebElement::getText)
        .containsExactly("chat", "chat");
  }

  @Test
  void otherTracesOfTheInputAreOneChoiceAwayWithSkewAndOrphansExplained() throws IOException {
    page.open("support", SampleSpans.allShuffled());

    new Select(page.find("#trace-select")).selectByIndex(1);
    assertThat(page.rowNames())
        .containsExactly("invoke_agent planner", "chat gateway-model", "http POST /v1/chat");
    assertThat(page.find("#notes").getText())
        .isEqualTo(
            "clock skew: moved \"chat gateway-model\" [llm-gateway] 3.02 s later to fit its"
                + " parent from [support-desk]");
    assertThat(page.row("chat gateway-model").getText()).contains("llm-gateway", "skew-adjusted");
    page.screenshot("trace-page-clock-skew");

    new Select(page.find("#trace-select")).selectByIndex(2);
    assertThat(page.row("execute_tool refund").getText()).contains("orphan");
    assertThat(page.find("#notes").getText())
        .contains("1 span names a parent missing from the input");
  }

  @Test
  void errorsOnlySwitchKeepsTheFailedSpans() throws IOException {
    page.open("support", SampleSpans.allShuffled());

    page.find("#errors-only").click();

    page.waitUntil(d -> page.rowNames().size() == 1);
    assertThat(page.rowNames()).containsExactly("execute_tool lookup_order");
    assertThat(page.find("#summary").getText()).startsWith("1 of 6 spans match");
  }

  @Test
  void foldingASpanHidesItsDescendantsUntilUnfolded() throws IOException {
    page.open("support", SampleSpans.allShuffled());

    page.row("invoke_agent billing").findElement(By.className("toggle")).click();
    page.waitUntil(d -> page.rowNames().size() == 4);
    assertThat(page.rowNames())
        .containsExactly(
            "invoke_agent orchestrator",
            "chat scripted-model",
            "execute_tool lookup_order",
            "invoke_agent billing");

    page.row("invoke_agent billing").findElement(By.className("toggle")).click();
    page.waitUntil(d -> page.rowNames().size() == 6);
  }

  @Test
  void arrowKeysMoveThroughTheSpansAndEnterShowsDetails() throws IOException {
    page.open("support", SampleSpans.allShuffled());

    keys(Keys.ARROW_DOWN, Keys.ARROW_DOWN, Keys.ARROW_DOWN);
    assertThat(page.rowsWithClass("cursor")).containsExactly("execute_tool lookup_order");
    assertThat(page.find("#details").getText()).startsWith("Click a span");

    keys(Keys.ARROW_UP, Keys.ENTER);

    assertThat(page.rowsWithClass("cursor")).containsExactly("chat scripted-model");
    assertThat(page.rowsWithClass("selected")).containsExactly("chat scripted-model");
    assertThat(page.find("#details h2").getText()).isEqualTo("chat scripted-model");
    assertThat(page.detail("Span ID")).isEqualTo("00000000000000a2");
    page.screenshot("trace-page-keyboard");
  }

  @Test
  void leftAndRightArrowsFoldAndUnfoldTheSpanUnderTheCursor() throws IOException {
    page.open("support", SampleSpans.allShuffled());

    keys(Keys.END, Keys.ARROW_LEFT);
    assertThat(page.rowsWithClass("cursor")).containsExactly("invoke_agent billing");
    keys(Keys.ARROW_LEFT);
    assertThat(page.rowNames()).hasSize(4);

    keys(Keys.ARROW_RIGHT);
    assertThat(page.rowNames()).hasSize(6);
  }

  @Test
  void slashFocusesTheSearchAndEnterReturnsToTheMatches() throws IOException {
    page.open("support", SampleSpans.allShuffled());

    keys("/");
    assertThat(page.script("return document.activeElement.id")).isEqualTo("search");
    keys("update", Keys.ENTER);

    assertThat(page.script("return document.activeElement.id")).isEqualTo("viewport");
    assertThat(page.rowNames()).containsExactly("execute_tool update_order");
    assertThat(page.find("#search").getAttribute("value")).isEqualTo("update");
    keys(Keys.ENTER);
    assertThat(page.find("#details h2").getText()).isEqualTo("execute_tool update_order");
  }

  @Test
  void questionMarkShowsTheLegendWithTheTimeRuleAndTheKeys() throws IOException {
    page.open("support", SampleSpans.allShuffled());

    keys("?");

    WebElement help = page.find("#help");
    assertThat(help.isDisplayed()).isTrue();
    assertThat(help.getText())
        .contains("every instant counts once, so the three add up to the duration")
        .contains("an agent span repeating its calls' sum is not counted twice")
        .contains("previous / next span");
    keys(Keys.ESCAPE);
    assertThat(help.isDisplayed()).isFalse();
  }

  @Test
  void pageLoadsNothingFromTheNetwork() throws IOException {
    page.open("support", SampleSpans.allShuffled());

    Object resources = page.script("return performance.getEntriesByType('resource').length");
    assertThat(resources).isEqualTo(0L);
  }

  @Test
  void contentSecurityPolicyBlocksAnythingThePageWouldLoad() throws IOException {
    page.open("support", SampleSpans.allShuffled());

    Object blocked =
        page.driver()
            .executeAsyncScript(
                "var done = arguments[arguments.length - 1];"
                    + "document.addEventListener('securitypolicyviolation',"
                    + " function (e) { done(e.effectiveDirective); });"
                    + "var img = new Image(); img.src = 'http://127.0.0.1:9/pixel.png';"
                    + "document.body.appendChild(img);");

    assertThat(blocked).isEqualTo("img-src");
  }

  @Test
  void traceOfTenThousandSpansOpensWithinFiveSecondsWithOnlyTheVisibleRowsInTheDocument()
      throws IOException {
    Path file = TracePageDriver.write("ten-thousand", SampleSpans.tenThousandSpans());

    long started = System.nanoTime();
    page.driver().get(file.toUri().toString());
    new WebDriverWait(page.driver(), Duration.ofSeconds(30))
        .until(d -> "true".equals(d.findElement(By.tagName("body")).getAttribute("data-ready")));
    long loadMillis = (System.nanoTime() - started) / 1_000_000;
    Object scriptMillis = page.script("return Math.round(performance.now())");
    String record =
        "10000 spans, "
            + Files.size(file) / 1024
            + " KiB page: ready after "
            + loadMillis
            + " ms (driver), "
            + scriptMillis
            + " ms since navigation (page)";
    Files.writeString(TracePageDriver.OUT.resolve("ten-thousand-load.txt"), record + "\n");
    System.out.println(record);

    assertThat(loadMillis).isLessThan(5_000);
    assertThat(page.find("#summary").getText())
        .isEqualTo("10000 spans · 19.81 s · support-desk · 198 errors");
    assertThat(page.findAll("#rows .row").size()).isBetween(20, 80);
  }

  @Test
  void lastOfTenThousandSpansIsReachedByScrollingToTheBottom() throws IOException {
    page.open("ten-thousand", SampleSpans.tenThousandSpans());

    page.script("document.getElementById('viewport').scrollTop = 1e9;");

    page.waitUntil(d -> page.rowNames().contains("execute_tool tool-9899"));
    assertThat(page.rowNames()).last().isEqualTo("execute_tool tool-9899");
  }

  @Test
  void endKeyReachesTheLastOfTenThousandSpans() throws IOException {
    page.open("ten-thousand", SampleSpans.tenThousandSpans());

    keys(Keys.END, Keys.ENTER);

    page.waitUntil(d -> page.rowsWithClass("cursor").equals(List.of("execute_tool tool-9899")));
    assertThat(page.find("#details h2").getText()).isEqualTo("execute_tool tool-9899");
  }

  @Test
  void failedSpanAmongTenThousandIsFoundBySearchAndShowsItsException() throws IOException {
    page.open("ten-thousand", SampleSpans.tenThousandSpans());

    page.find("#search").sendKeys("tool-9851");
    page.waitUntil(d -> page.rowNames().equals(List.of("execute_tool tool-9851")));
    page.row("execute_tool tool-9851").click();

    assertThat(page.find("#details").getText())
        .contains("java.io.IOException: tool 9851 timed out");
    page.screenshot("trace-page-10k");
  }

  private static void keys(CharSequence... keys) {
    new Actions(page.driver()).sendKeys(keys).perform();
  }
}

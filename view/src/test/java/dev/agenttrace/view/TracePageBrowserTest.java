package dev.agenttrace.view;

import static org.assertj.core.api.Assertions.assertThat;

import dev.agenttrace.spi.SpanData;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Opens the HTML trace page in Debian's headless Chromium, driven by Selenium through Debian's
 * chromedriver (named explicitly, so Selenium Manager never looks for or downloads a driver), and
 * checks what a person sees. Screenshots land in {@code target/screenshots}. Runs with {@code
 * -Pbrowser-tests}.
 */
@Tag("browser")
class TracePageBrowserTest {
  private static final Path OUT = Path.of("target", "browser-tests");
  private static final Path SCREENSHOTS = Path.of("target", "screenshots");

  private static ChromeDriver driver;
  private static Path profile;

  @BeforeAll
  static void startChromium() throws IOException {
    Files.createDirectories(OUT);
    Files.createDirectories(SCREENSHOTS);
    profile = Files.createTempDirectory("agenttrace-chromium-");
    String chromedriver = System.getProperty("agenttrace.chromedriver", "/usr/bin/chromedriver");
    System.setProperty("webdriver.chrome.driver", chromedriver);
    ChromeOptions options = new ChromeOptions();
    options.setBinary(System.getProperty("agenttrace.chromium", "/usr/bin/chromium"));
    options.addArguments(
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--no-first-run",
        "--user-data-dir=" + profile.toAbsolutePath(),
        "--window-size=1400,900");
    ChromeDriverService service =
        new ChromeDriverService.Builder()
            .usingDriverExecutable(new File(chromedriver))
            .usingAnyFreePort()
            .build();
    driver = new ChromeDriver(service, options);
  }

  @AfterAll
  static void stopChromium() throws IOException {
    if (driver != null) {
      driver.quit();
    }
    if (profile != null) {
      try (var files = Files.walk(profile)) {
        for (Path path : files.sorted(Comparator.reverseOrder()).toList()) {
          Files.deleteIfExists(path);
        }
      }
    }
  }

  @Test
  void pageListsEverySpanOfTheTraceWithItsDuration() throws IOException {
    open("support", SampleSpans.allShuffled());

    assertThat(rowNames()).containsExactlyElementsOf(SampleSpans.SUPPORT_NAMES);
    assertThat(driver.findElement(By.id("summary")).getText())
        .isEqualTo("6 spans · 212 ms · support-desk · 1 error");
    assertThat(row("invoke_agent billing").findElement(By.className("dur")).getText())
        .isEqualTo("90 ms");
  }

  @Test
  void failedSpanIsMarkedAndShownInRed() throws IOException {
    open("support", SampleSpans.allShuffled());

    WebElement failed = row("execute_tool lookup_order");
    assertThat(failed.getAttribute("class")).contains("error");
    assertThat(failed.findElement(By.className("errmark")).getText()).isEqualTo("✗");
    assertThat(failed.findElement(By.className("name")).getCssValue("color"))
        .isEqualTo("rgba(176, 0, 32, 1)");
    assertThat(failed.findElement(By.className("bar")).getCssValue("background-color"))
        .isEqualTo("rgba(209, 36, 47, 1)");
    assertThat(row("execute_tool update_order").getAttribute("class")).doesNotContain("error");
  }

  @Test
  void clickingASpanShowsItsServiceAttributesAndException() throws IOException {
    open("support", SampleSpans.allShuffled());

    row("execute_tool lookup_order").click();

    WebElement details = driver.findElement(By.id("details"));
    assertThat(details.findElement(By.tagName("h2")).getText())
        .isEqualTo("execute_tool lookup_order");
    String text = details.getText();
    assertThat(text)
        .contains("Status ERROR: dev.agenttrace.example.OrderNotFoundException: No order ORD-9")
        .contains("Service support-desk")
        .contains("Duration 25 ms")
        .contains("order.id ORD-9")
        .contains("gen_ai.operation.name execute_tool")
        .contains("dev.agenttrace.example.OrderNotFoundException: No order ORD-9")
        .contains("at dev.agenttrace.example.InMemoryOrders.lookup(InMemoryOrders.java:31)")
        .contains("service.name support-desk");
    assertThat(details.findElement(By.className("exception")).isDisplayed()).isTrue();
    assertThat(row("execute_tool lookup_order").getAttribute("class")).contains("selected");
    screenshot("trace-page-details");
  }

  @Test
  void searchKeepsOnlySpansWhoseNameMatches() throws IOException {
    open("support", SampleSpans.allShuffled());

    driver.findElement(By.id("search")).sendKeys("chat");

    wait(d -> rowNames().size() == 2);
    assertThat(rowNames()).containsExactly("chat scripted-model", "chat scripted-model");
    assertThat(driver.findElement(By.id("summary")).getText()).startsWith("2 of 6 spans match");
    assertThat(driver.findElements(By.cssSelector("#rows mark")))
        .extracting(WebElement::getText)
        .containsExactly("chat", "chat");
  }

  @Test
  void otherTracesOfTheInputAreOneChoiceAwayWithSkewAndOrphansExplained() throws IOException {
    open("support", SampleSpans.allShuffled());

    new Select(driver.findElement(By.id("trace-select"))).selectByIndex(1);
    assertThat(rowNames())
        .containsExactly("invoke_agent planner", "chat gateway-model", "http POST /v1/chat");
    assertThat(driver.findElement(By.id("notes")).getText())
        .isEqualTo(
            "clock skew: moved \"chat gateway-model\" [llm-gateway] 3.02 s later to fit its"
                + " parent from [support-desk]");
    assertThat(row("chat gateway-model").getText()).contains("llm-gateway", "skew-adjusted");
    screenshot("trace-page-clock-skew");

    new Select(driver.findElement(By.id("trace-select"))).selectByIndex(2);
    assertThat(row("execute_tool refund").getText()).contains("orphan");
    assertThat(driver.findElement(By.id("notes")).getText())
        .contains("1 span names a parent missing from the input");
  }

  @Test
  void errorsOnlySwitchKeepsTheFailedSpans() throws IOException {
    open("support", SampleSpans.allShuffled());

    driver.findElement(By.id("errors-only")).click();

    wait(d -> rowNames().size() == 1);
    assertThat(rowNames()).containsExactly("execute_tool lookup_order");
    assertThat(driver.findElement(By.id("summary")).getText()).startsWith("1 of 6 spans match");
  }

  @Test
  void foldingASpanHidesItsDescendantsUntilUnfolded() throws IOException {
    open("support", SampleSpans.allShuffled());

    row("invoke_agent billing").findElement(By.className("toggle")).click();
    wait(d -> rowNames().size() == 4);
    assertThat(rowNames())
        .containsExactly(
            "invoke_agent orchestrator",
            "chat scripted-model",
            "execute_tool lookup_order",
            "invoke_agent billing");

    row("invoke_agent billing").findElement(By.className("toggle")).click();
    wait(d -> rowNames().size() == 6);
  }

  @Test
  void pageLoadsNothingFromTheNetwork() throws IOException {
    open("support", SampleSpans.allShuffled());

    Object resources =
        ((JavascriptExecutor) driver)
            .executeScript("return performance.getEntriesByType('resource').length");
    assertThat(resources).isEqualTo(0L);
  }

  @Test
  void traceOfTenThousandSpansOpensWithOnlyTheVisibleRowsInTheDocument() throws IOException {
    Path page = write("ten-thousand", SampleSpans.tenThousandSpans());

    long started = System.nanoTime();
    driver.get(page.toUri().toString());
    // The wait's timeout is the usability bound: the page must be ready well within it.
    new WebDriverWait(driver, Duration.ofSeconds(20))
        .until(d -> "true".equals(d.findElement(By.tagName("body")).getAttribute("data-ready")));
    long loadMillis = (System.nanoTime() - started) / 1_000_000;
    Object scriptMillis =
        ((JavascriptExecutor) driver).executeScript("return Math.round(performance.now())");
    Files.writeString(
        OUT.resolve("ten-thousand-load.txt"),
        "10000 spans, "
            + Files.size(page) / 1024
            + " KiB page: ready after "
            + loadMillis
            + " ms (driver), "
            + scriptMillis
            + " ms since navigation (page)\n");

    assertThat(driver.findElement(By.id("summary")).getText())
        .isEqualTo("10000 spans · 19.81 s · support-desk · 198 errors");
    assertThat(driver.findElements(By.cssSelector("#rows .row")).size()).isBetween(20, 80);
  }

  @Test
  void lastOfTenThousandSpansIsReachedByScrollingToTheBottom() throws IOException {
    open("ten-thousand", SampleSpans.tenThousandSpans());

    ((JavascriptExecutor) driver)
        .executeScript("var v = document.getElementById('viewport'); v.scrollTop = 1e9;");

    wait(d -> rowNames().contains("execute_tool tool-9899"));
    assertThat(rowNames()).last().isEqualTo("execute_tool tool-9899");
  }

  @Test
  void failedSpanAmongTenThousandIsFoundBySearchAndShowsItsException() throws IOException {
    open("ten-thousand", SampleSpans.tenThousandSpans());

    driver.findElement(By.id("search")).sendKeys("tool-9851");
    wait(d -> rowNames().equals(List.of("execute_tool tool-9851")));
    row("execute_tool tool-9851").click();

    assertThat(driver.findElement(By.id("details")).getText())
        .contains("java.io.IOException: tool 9851 timed out");
    screenshot("trace-page-10k");
  }

  private static void open(String name, List<SpanData> spans) throws IOException {
    driver.get(write(name, spans).toUri().toString());
    wait(d -> "true".equals(d.findElement(By.tagName("body")).getAttribute("data-ready")));
  }

  private static Path write(String name, List<SpanData> spans) throws IOException {
    Path page = OUT.resolve(name + ".html").toAbsolutePath();
    Files.writeString(
        page, HtmlPageRenderer.render(TraceAssembler.assemble(spans)), StandardCharsets.UTF_8);
    return page;
  }

  /** The names of the rows in the document, top to bottom, read in one go. */
  private static List<String> rowNames() {
    Object names =
        ((JavascriptExecutor) driver)
            .executeScript(
                "return Array.from(document.querySelectorAll('#rows .row'))"
                    + ".sort(function (a, b) { return a.offsetTop - b.offsetTop; })"
                    + ".map(function (r) { return r.querySelector('.name').textContent; });");
    List<String> list = new ArrayList<>();
    for (Object name : (List<?>) names) {
      list.add((String) name);
    }
    return list;
  }

  private static WebElement row(String name) {
    for (WebElement row : driver.findElements(By.cssSelector("#rows .row"))) {
      if (row.findElement(By.className("name")).getText().equals(name)) {
        return row;
      }
    }
    throw new AssertionError("no row named \"" + name + "\" on the page; rows: " + rowNames());
  }

  private static void wait(Function<WebDriver, Boolean> condition) {
    new WebDriverWait(driver, Duration.ofSeconds(10))
        .ignoring(StaleElementReferenceException.class)
        .until(condition::apply);
  }

  private static void screenshot(String name) throws IOException {
    File shot = driver.getScreenshotAs(OutputType.FILE);
    Files.copy(
        shot.toPath(), SCREENSHOTS.resolve(name + ".png"), StandardCopyOption.REPLACE_EXISTING);
  }
}

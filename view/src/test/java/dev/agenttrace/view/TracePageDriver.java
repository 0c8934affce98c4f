package dev.agenttrace.view;

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
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Debian's headless Chromium, driven by Selenium through Debian's chromedriver (named explicitly,
 * so Selenium Manager never looks for or downloads a driver), with a fresh profile, showing trace
 * pages written to {@code target/browser-tests}. A JUnit extension: register it as a static field
 * and the browser starts before the class's tests and quits after them. Screenshots land in {@code
 * target/screenshots} (kept by CI as artifacts); their paths are printed when the browser quits.
 *
 * <pre>{@code @RegisterExtension static final TracePageDriver page = new TracePageDriver();}</pre>
 */
final class TracePageDriver implements BeforeAllCallback, AfterAllCallback {
  static final Path OUT = Path.of("target", "browser-tests");
  static final Path SCREENSHOTS = Path.of("target", "screenshots");

  private ChromeDriver driver;
  private Path profile;
  private final List<Path> screenshots = new ArrayList<>();

  /** Starts Chromium ({@code -Dagenttrace.chromium}, {@code -Dagenttrace.chromedriver}). */
  @Override
  public void beforeAll(ExtensionContext context) throws IOException {
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

  ChromeDriver driver() {
    return driver;
  }

  /** Renders {@code spans} into {@code target/browser-tests/NAME.html} and opens the page. */
  void open(String name, List<SpanData> spans) throws IOException {
    openFile(write(name, spans));
  }

  /** Opens a page file and waits until its script has run. */
  void openFile(Path page) {
    driver.get(page.toUri().toString());
    waitUntil(d -> "true".equals(d.findElement(By.tagName("body")).getAttribute("data-ready")));
  }

  static Path write(String name, List<SpanData> spans) throws IOException {
    Files.createDirectories(OUT);
    Path page = OUT.resolve(name + ".html").toAbsolutePath();
    Files.writeString(
        page, HtmlPageRenderer.render(TraceAssembler.assemble(spans)), StandardCharsets.UTF_8);
    return page;
  }

  /** The names of the waterfall rows in the document, top to bottom, read in one go. */
  List<String> rowNames() {
    Object names =
        script(
            "return Array.from(document.querySelectorAll('#rows .row'))"
                + ".sort(function (a, b) { return a.offsetTop - b.offsetTop; })"
                + ".map(function (r) { return r.querySelector('.name').textContent; });");
    List<String> list = new ArrayList<>();
    for (Object name : (List<?>) names) {
      list.add((String) name);
    }
    return list;
  }

  /** The first waterfall row showing a span named {@code name}. */
  WebElement row(String name) {
    for (WebElement row : driver.findElements(By.cssSelector("#rows .row"))) {
      if (row.findElement(By.className("name")).getText().equals(name)) {
        return row;
      }
    }
    throw new AssertionError("no row named \"" + name + "\" on the page; rows: " + rowNames());
  }

  /** The rows' names whose row has {@code cls}, e.g. {@code cursor} or {@code selected}. */
  List<String> rowsWithClass(String cls) {
    List<String> names = new ArrayList<>();
    for (WebElement row : driver.findElements(By.cssSelector("#rows .row." + cls))) {
      names.add(row.findElement(By.className("name")).getText());
    }
    return names;
  }

  WebElement find(String css) {
    return driver.findElement(By.cssSelector(css));
  }

  List<WebElement> findAll(String css) {
    return driver.findElements(By.cssSelector(css));
  }

  /** The text shown as the details panel's value for {@code key} (first match in the panel). */
  String detail(String key) {
    return (String)
        script(
            "var key = arguments[0];"
                + "var v = Array.from(document.querySelectorAll('#details .v'))"
                + ".find(function (e) { return e.getAttribute('data-key') === key; });"
                + "return v ? v.innerText : null;",
            key);
  }

  Object script(String script, Object... args) {
    return driver.executeScript(script, args);
  }

  void waitUntil(Function<WebDriver, Boolean> condition) {
    new WebDriverWait(driver, Duration.ofSeconds(10))
        .ignoring(StaleElementReferenceException.class)
        .until(condition::apply);
  }

  /** Saves what the browser shows as {@code target/screenshots/NAME.png}. */
  Path screenshot(String name) throws IOException {
    File shot = driver.getScreenshotAs(OutputType.FILE);
    Path file = SCREENSHOTS.resolve(name + ".png").toAbsolutePath();
    Files.copy(shot.toPath(), file, StandardCopyOption.REPLACE_EXISTING);
    screenshots.add(file);
    return file;
  }

  @Override
  public void afterAll(ExtensionContext context) throws IOException {
    if (driver != null) {
      driver.quit();
    }
    try (var files = Files.walk(profile)) {
      for (Path path : files.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(path);
      }
    }
    for (Path shot : screenshots) {
      System.out.println("screenshot: " + shot);
    }
  }
}

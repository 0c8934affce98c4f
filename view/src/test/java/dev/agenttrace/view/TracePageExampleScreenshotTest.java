package dev.agenttrace.view;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.support.ui.Select;

/**
 * The README's picture of the trace page: {@code docs/example-trace.html} (the example's traces,
 * kept current by {@link DocsExamplesTest}) in headless Chromium, the failed lookup of the second
 * conversation selected. With {@code -Dagenttrace.updateDocs=true} the screenshot replaces {@code
 * docs/trace-page.png}. Runs with {@code -Pbrowser-tests}.
 */
@Tag("browser")
class TracePageExampleScreenshotTest {
  @RegisterExtension static final TracePageDriver page = new TracePageDriver();

  @Test
  void examplePageShowsTheFailedLookupOfTheSecondConversation() throws IOException {
    page.openFile(DocsExamplesTest.DOCS.resolve("example-trace.html").toAbsolutePath());

    new Select(page.find("#trace-select")).selectByValue("1");
    page.row("execute_tool lookup_order").click();

    assertThat(page.find("#details h2").getText()).isEqualTo("execute_tool lookup_order");
    assertThat(page.find("#details .exception").getText())
        .startsWith("dev.agenttrace.example.OrderNotFoundException: No order ORD-4040");
    assertThat(page.find("#strip [data-metric='calls']").getText())
        .isEqualTo("CALLS\n2 LLM calls · 1 tool call");
    Path shot = page.screenshot("trace-page-example");
    if (DocsExamplesTest.UPDATE) {
      Files.copy(
          shot,
          DocsExamplesTest.DOCS.resolve("trace-page.png"),
          StandardCopyOption.REPLACE_EXISTING);
    }
  }
}

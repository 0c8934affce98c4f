package dev.agenttrace.view;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.Select;

/**
 * Conversations on the trace page, in headless Chromium: traces sharing {@code
 * gen_ai.conversation.id} grouped in the selector with their totals, moving between turns, and two
 * traces compared step by step. Runs with {@code -Pbrowser-tests}.
 */
@Tag("browser")
class TracePageConversationBrowserTest {
  @RegisterExtension static final TracePageDriver page = new TracePageDriver();

  @BeforeEach
  void openTheConversation() throws IOException {
    page.open("conversation", AgentSpans.all());
  }

  @Test
  void tracesOfOneConversationAreGroupedInTheSelectorInOrderWithTheirTotals() {
    List<WebElement> groups = page.findAll("#trace-select optgroup");

    assertThat(groups)
        .extracting(g -> g.getAttribute("label"))
        .containsExactly(
            "Conversation conv-7f3a — 2 turns — 3.90 s · 6 LLM calls · 3 tool calls · 7,225"
                + " tokens · 1 error",
            "Not in a conversation");
    assertThat(groups.get(0).findElements(By.tagName("option")))
        .extracting(WebElement::getText)
        .containsExactly(
            "1. turn 1: invoke_agent support-agent — 2.40 s — 7 spans — 1 failed —"
                + " 2023-11-14T22:13:20.000Z",
            "2. turn 2: invoke_agent support-agent — 1.50 s — 5 spans — 2023-11-14T22:14:20.000Z");
    assertThat(groups.get(1).findElements(By.tagName("option")))
        .extracting(WebElement::getText)
        .containsExactly(
            "3. invoke_agent nightly-report — 300 ms — 2 spans — 2023-11-14T22:15:20.000Z");
  }

  @Test
  void conversationStripNamesTheTurnAndTheConversationsTotals() throws IOException {
    new Select(page.find("#trace-select")).selectByValue("1");

    assertThat(page.find("#conversation").getText())
        .isEqualTo(
            """
            Conversation
            conv-7f3a
            turn 2 of 2
            all turns: 3.90 s · 6 LLM calls · 3 tool calls · 7,225 tokens · 1 error \
            (6,835 in · 390 out)
            ‹ previous turn
            next turn ›
            compare with previous turn""");
    assertThat(page.find("#conversation .next-turn").isEnabled()).isFalse();
    page.screenshot("trace-page-conversation");
  }

  @Test
  void previousTurnButtonShowsTheEarlierTraceOfTheConversation() {
    new Select(page.find("#trace-select")).selectByValue("1");

    page.find("#conversation .prev-turn").click();

    assertThat(page.find("#trace-select").getAttribute("value")).isEqualTo("0");
    assertThat(page.find("#conversation .turn").getText()).isEqualTo("turn 1 of 2");
    assertThat(page.rowNames()).contains("execute_tool get_shipping");
  }

  @Test
  void traceOutsideAnyConversationHasNoConversationStrip() {
    new Select(page.find("#trace-select")).selectByValue("2");

    assertThat(page.find("#conversation").isDisplayed()).isFalse();
  }

  @Test
  void twoTurnsAreComparedWithTheirTotalsSideBySide() throws IOException {
    new Select(page.find("#trace-select")).selectByValue("1");

    page.find("#conversation .compare-turn").click();

    assertThat(page.find("#compare").isDisplayed()).isTrue();
    assertThat(page.find("#main").isDisplayed()).isFalse();
    assertThat(totalsRow("du")).containsExactly("Duration", "2.40 s", "1.50 s", "−900 ms");
    assertThat(totalsRow("in")).containsExactly("Input tokens", "3,040", "3,795", "+755");
    assertThat(totalsRow("errors")).containsExactly("Errors", "1", "0", "−1");
    page.screenshot("trace-page-compare");
  }

  @Test
  void comparedTracesAreMatchedStepByStepWithDurationsAndTokens() {
    new Select(page.find("#trace-select")).selectByValue("1");
    page.find("#conversation .compare-turn").click();

    List<List<String>> steps = stepRows();

    assertThat(steps)
        .containsExactly(
            List.of(
                "invoke_agent support-agent",
                "2.40 s",
                "1.50 s",
                "−900 ms",
                "3,040 in · 231 out",
                "",
                ""),
            List.of(
                "chat gpt-4o-mini",
                "200 ms",
                "175 ms",
                "−25 ms",
                "310 in · 4 out",
                "295 in · 4 out",
                "−15"),
            List.of(
                "chat gpt-4o",
                "800 ms",
                "715 ms",
                "−85 ms",
                "1,200 in · 85 out",
                "1,700 in · 60 out",
                "+475"),
            List.of("execute_tool update_order (only in B)", "—", "100 ms", "", "", "", ""),
            List.of("execute_tool lookup_order (only in A)", "100 ms", "—", "", "", "", ""),
            List.of("✗ execute_tool get_shipping (only in A)", "600 ms", "—", "", "", "", ""),
            List.of(
                "chat gpt-4o",
                "760 ms",
                "480 ms",
                "−280 ms",
                "1,530 in · 142 out",
                "1,800 in · 95 out",
                "+223"),
            List.of("POST /v1/chat/completions (only in A)", "740 ms", "—", "", "", "", ""));
  }

  @Test
  void compareButtonComparesWithThePreviousTurnAndEscapeCloses() {
    new Select(page.find("#trace-select")).selectByValue("1");

    page.find("#compare-button").click();
    assertThat(page.find("#compare-a").getAttribute("value")).isEqualTo("0");
    assertThat(page.find("#compare-b").getAttribute("value")).isEqualTo("1");
    new Actions(page.driver()).sendKeys(Keys.ESCAPE).perform();

    assertThat(page.find("#compare").isDisplayed()).isFalse();
    assertThat(page.find("#main").isDisplayed()).isTrue();
  }

  @Test
  void anyTwoTracesCanBeChosenForTheComparison() {
    page.find("#compare-button").click();

    new Select(page.find("#compare-b")).selectByValue("2");

    assertThat(page.find("#compare-b").getAttribute("value")).isEqualTo("2");
    assertThat(totalsRow("du")).containsExactly("Duration", "2.40 s", "300 ms", "−2.10 s");
  }

  private static List<String> totalsRow(String metric) {
    return page
        .find("#compare .compare-totals tr[data-metric='" + metric + "']")
        .findElements(By.tagName("td"))
        .stream()
        .map(WebElement::getText)
        .toList();
  }

  private static List<List<String>> stepRows() {
    return page.findAll("#compare .compare-steps tr").stream()
        .skip(1)
        .map(r -> r.findElements(By.tagName("td")).stream().map(WebElement::getText).toList())
        .toList();
  }
}

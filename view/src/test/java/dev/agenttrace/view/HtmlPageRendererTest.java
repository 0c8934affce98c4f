package dev.agenttrace.view;

import static org.assertj.core.api.Assertions.assertThat;

import dev.agenttrace.internal.json.Json;
import dev.agenttrace.spi.SpanData;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The page as a file; {@link TracePageBrowserTest} checks it as a person sees it. */
class HtmlPageRendererTest {

  @Test
  void pageNamesNoExternalScriptStyleFontOrImage() {
    String page = HtmlPageRenderer.render(TraceAssembler.assemble(SampleSpans.allShuffled()));

    assertThat(page).startsWith("<!DOCTYPE html>");
    assertThat(page)
        .doesNotContain("src=", "href=", "@import", "url(", "http://", "https://")
        .contains("Content-Security-Policy\" content=\"default-src 'none'");
  }

  @Test
  void markupInSpanNamesCannotEndTheDataScript() {
    SpanData hostile =
        SampleSpans.span(
            SampleSpans.SUPPORT_TRACE,
            "00000000000000a1",
            null,
            "</script><script>alert(1)</script><!--",
            "svc",
            0,
            1,
            null);

    String page = HtmlPageRenderer.render(TraceAssembler.assemble(List.of(hostile)));

    // The template's own two script elements are the only ones.
    assertThat(page.split("</script>", -1)).hasSize(3);
    assertThat(page.split("<script", -1)).hasSize(3);
    String data =
        page.substring(
            page.indexOf("application/json\">") + "application/json\">".length(),
            page.indexOf("</script>"));
    Map<?, ?> json = (Map<?, ?>) Json.parse(data);
    Map<?, ?> trace = (Map<?, ?>) ((List<?>) json.get("traces")).get(0);
    Map<?, ?> span = (Map<?, ?>) ((List<?>) trace.get("spans")).get(0);
    assertThat(span.get("n")).isEqualTo("</script><script>alert(1)</script><!--");
    assertThat(page).contains("<title>&lt;/script&gt;&lt;script&gt;alert(1)");
  }
}

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
  void placeholdersOfTheTemplateInSpanNamesStayNames() {
    String name = "/*SCRIPT*/ /*STYLE*/ /*TRACE_DATA*/ <!--TITLE-->";
    SpanData span =
        SampleSpans.span(
            SampleSpans.SUPPORT_TRACE, "00000000000000a1", null, name, "svc", 0, 1, null);

    String page = HtmlPageRenderer.render(TraceAssembler.assemble(List.of(span)));

    assertThat(page.split("<script", -1)).hasSize(3);
    assertThat(spanOf(page).get("n")).isEqualTo(name);
    assertThat(page).contains("'use strict';").contains("<title>/*SCRIPT*/ /*STYLE*/");
  }

  @Test
  void valuesLongerThan64KiBAreCutAndSayHowLongTheyWere() {
    SpanData span =
        AgentSpans.span(SampleSpans.SUPPORT_TRACE, "00000000000000a1", null, "big", 0, 1)
            .attr("blob", "y".repeat(1_000_000))
            .attr("k".repeat(5_000), "short")
            .build();

    String page = HtmlPageRenderer.render(TraceAssembler.assemble(List.of(span)));

    assertThat(page.length()).isLessThan(150_000);
    Map<?, ?> attributes = (Map<?, ?>) spanOf(page).get("a");
    assertThat((String) attributes.get("blob"))
        .hasSize(65_536 + "… [cut by the trace page: 1,000,000 characters in the input]".length())
        .endsWith("y… [cut by the trace page: 1,000,000 characters in the input]");
    assertThat(attributes.keySet())
        .extracting(String::valueOf)
        .contains("k".repeat(1_000) + "… [cut by the trace page: 5,000 characters in the input]");
  }

  @Test
  void pageCarriesEachTracesSummaryAndEachSpansGenAiFacts() {
    String page = HtmlPageRenderer.render(TraceAssembler.assemble(AgentSpans.turn1()));

    Map<?, ?> trace = traceOf(page);
    Map<?, ?> sum = (Map<?, ?>) trace.get("sum");
    assertThat(sum.get("llm")).isEqualTo(1_760_000_000L);
    assertThat(sum.get("in")).isEqualTo(3040L);
    assertThat(trace.get("conv")).isEqualTo(AgentSpans.CONVERSATION);
    Map<?, ?> chat = (Map<?, ?>) ((List<?>) trace.get("spans")).get(2);
    assertThat(chat.get("m")).isEqualTo("gpt-4o-2024-08-06");
    assertThat(chat.get("ti")).isEqualTo(1200L);
    assertThat(chat.get("ft")).isEqualTo(320_000_000L);
    assertThat(chat.get("rq").toString())
        .isEqualTo("[{id=call_1, name=lookup_order}, {id=call_2, name=get_shipping}]");
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
    assertThat(spanOf(page).get("n")).isEqualTo("</script><script>alert(1)</script><!--");
    assertThat(page).contains("<title>&lt;/script&gt;&lt;script&gt;alert(1)");
  }

  /** The first trace of the page's data script. */
  private static Map<?, ?> traceOf(String page) {
    String data =
        page.substring(
            page.indexOf("application/json\">") + "application/json\">".length(),
            page.indexOf("</script>"));
    Map<?, ?> json = (Map<?, ?>) Json.parse(data);
    return (Map<?, ?>) ((List<?>) json.get("traces")).get(0);
  }

  private static Map<?, ?> spanOf(String page) {
    return (Map<?, ?>) ((List<?>) traceOf(page).get("spans")).get(0);
  }
}

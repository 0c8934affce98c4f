package dev.agenttrace.view;

import dev.agenttrace.internal.json.Json;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;

/**
 * Writes traces as one self-contained HTML page: the styles, the script and the trace data are all
 * inside the file, which loads nothing from anywhere (no scripts, fonts, images or network; a
 * Content-Security-Policy enforces it), so it can be mailed, attached to an issue or opened
 * offline. What the page shows is described in {@code docs/trace-page.md}: per trace a summary
 * strip ({@link TraceSummary}: time in LLM calls, tools and other, calls, tokens per model,
 * errors), a waterfall with models, tokens and tool input and output at a glance, span details with
 * GenAI messages and tool-call JSON, exceptions, events and links; conversations grouped in the
 * trace selector; two traces compared step by step; keyboard navigation. Only the rows in view are
 * in the document at any time, so a trace of 10,000 spans opens and scrolls as quickly as one of
 * ten.
 *
 * <p>The page is assembled from resources next to this class: {@code trace-page.html} with
 * placeholders, {@code trace-page.css}, and the {@code trace-page-*.js} files, concatenated in
 * {@link #SCRIPTS} order into one function scope. Everything from the traces is data: span names
 * and attributes reach the document as text only, and the data script cannot be ended by any value
 * (see {@link #scriptSafe}).
 */
public final class HtmlPageRenderer {
  private static final String TEMPLATE = "trace-page.html";
  private static final String STYLE = "trace-page.css";
  private static final List<String> SCRIPTS =
      List.of(
          "trace-page-util.js",
          "trace-page-values.js",
          "trace-page-waterfall.js",
          "trace-page-details.js",
          "trace-page-traces.js",
          "trace-page-compare.js",
          "trace-page-main.js");
  private static final String TITLE_MARKER = "<!--TITLE-->";
  private static final String STYLE_MARKER = "/*STYLE*/";
  private static final String SCRIPT_MARKER = "/*SCRIPT*/";
  private static final String DATA_MARKER = "/*TRACE_DATA*/";

  private HtmlPageRenderer() {}

  /** The page showing {@code traces}. */
  public static String render(List<Trace> traces) {
    String title = "AgentTrace";
    if (!traces.isEmpty()) {
      SpanNode first = traces.get(0).roots().get(0);
      title = TracePageData.cut(first.span().name(), 200) + " - AgentTrace";
    }
    StringBuilder data = new StringBuilder(traces.size() * 4096);
    Json.write(TracePageData.of(traces), data);
    String template = resource(TEMPLATE);
    String style = inlineable(STYLE, resource(STYLE), "</style");
    StringBuilder script = new StringBuilder("(function () {\n'use strict';\n");
    for (String name : SCRIPTS) {
      script.append(inlineable(name, resource(name), "</script")).append('\n');
    }
    script.append("})();");
    // Each marker is looked up in the template alone, so a span named "/*SCRIPT*/" stays a name.
    int titleAt = position(template, TITLE_MARKER);
    int styleAt = position(template, STYLE_MARKER);
    int scriptAt = position(template, SCRIPT_MARKER);
    int dataAt = position(template, DATA_MARKER);
    StringBuilder page = new StringBuilder(template.length() + data.length() + script.length());
    page.append(template, 0, titleAt)
        .append(Markup.escape(title))
        .append(template, titleAt + TITLE_MARKER.length(), styleAt)
        .append(style)
        .append(template, styleAt + STYLE_MARKER.length(), dataAt)
        .append(scriptSafe(data))
        .append(template, dataAt + DATA_MARKER.length(), scriptAt)
        .append(script)
        .append(template, scriptAt + SCRIPT_MARKER.length(), template.length());
    return page.toString();
  }

  private static int position(String template, String marker) {
    int at = template.indexOf(marker);
    if (at < 0 || template.indexOf(marker, at + 1) >= 0) {
      throw new IllegalStateException(TEMPLATE + " must hold " + marker + " exactly once");
    }
    return at;
  }

  /** The resource's text, refused if it could end the element it is inlined into. */
  private static String inlineable(String name, String text, String endTag) {
    String lower = text.toLowerCase(Locale.ROOT);
    if (lower.contains(endTag) || lower.contains("<!--")) {
      throw new IllegalStateException(name + " must not contain " + endTag + " or <!--");
    }
    return text;
  }

  /**
   * JSON made safe inside a {@code <script>} element: {@code <} only ever occurs inside JSON
   * strings, where {@code \u003c} means the same, so no {@code </script>} or {@code <!--} can end
   * or confuse the element.
   */
  private static String scriptSafe(CharSequence json) {
    StringBuilder out = new StringBuilder(json.length() + 64);
    for (int i = 0; i < json.length(); i++) {
      char c = json.charAt(i);
      if (c == '<') {
        out.append("\\u003c");
      } else {
        out.append(c);
      }
    }
    return out.toString();
  }

  private static String resource(String name) {
    try (InputStream in = HtmlPageRenderer.class.getResourceAsStream(name)) {
      if (in == null) {
        throw new IllegalStateException(name + " is missing from the agenttrace-view jar");
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + name + " from the agenttrace-view jar", e);
    }
  }
}

package dev.agenttrace.view;

import java.util.List;
import java.util.Locale;

/**
 * Draws a flame graph of where time went across all traces of the input, as one self-contained SVG
 * file (no scripts, fonts or links; opens in any browser and embeds in a README). Each box is a
 * path of span names merged across traces; its width is its total time, and the part not covered by
 * boxes above it is its self time. Boxes are coloured by what they stand for (agent run, LLM call,
 * tool, other). Failed spans get boxes of their own, filled red, outlined and marked {@code ✗},
 * next to the box of the same name's successful spans, so a failure never hides successes (or the
 * reverse) and the widths show the failure share. Hovering a box shows its name, total and self
 * time, call and error counts.
 */
public final class FlameGraphSvgRenderer {
  private static final int WIDTH = 1200;
  private static final int MARGIN = 10;
  private static final int FRAME_HEIGHT = 18;
  private static final int HEADER = 56;
  private static final double CHAR_WIDTH = 7.0;
  private static final String FAILED_FILL = "#f28b82";
  private static final String FAILED_STROKE = "#d00000";

  private FlameGraphSvgRenderer() {}

  /** The flame graph of {@code traces} as an SVG document. */
  public static String render(List<Trace> traces) {
    int spans = 0;
    for (Trace trace : traces) {
      spans += trace.spanCount();
    }
    String what =
        traces.size() + (traces.size() == 1 ? " trace, " : " traces, ") + spans + " spans";
    String rootName = "all (" + what + ")";
    FlameFrame all = FlameFrame.merge(rootName, traces);
    int levels = all.height();
    int height = HEADER + levels * FRAME_HEIGHT + MARGIN;
    StringBuilder out = new StringBuilder(8192);
    out.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n")
        .append("<svg xmlns=\"http://www.w3.org/2000/svg\" version=\"1.1\" width=\"")
        .append(WIDTH)
        .append("\" height=\"")
        .append(height)
        .append("\" viewBox=\"0 0 ")
        .append(WIDTH)
        .append(' ')
        .append(height)
        .append("\" font-family=\"Verdana, DejaVu Sans, sans-serif\" font-size=\"12\">\n")
        .append("<style>text{fill:#000;pointer-events:none} rect.f:hover{stroke:#000;")
        .append("stroke-width:1}</style>\n")
        .append("<rect width=\"100%\" height=\"100%\" fill=\"#fdfcf7\"/>\n")
        .append("<text x=\"")
        .append(WIDTH / 2)
        .append("\" y=\"20\" text-anchor=\"middle\" font-size=\"16\">AgentTrace flame graph: ")
        .append(Markup.escape(Durations.format(all.totalNanos())))
        .append(" in ")
        .append(what)
        .append("</text>\n");
    legend(out);
    double scale = (WIDTH - 2.0 * MARGIN) / Math.max(1, all.totalNanos());
    frame(all, MARGIN, 0, height, scale, all.totalNanos(), out);
    out.append("</svg>\n");
    return out.toString();
  }

  private static void legend(StringBuilder out) {
    int x = MARGIN;
    for (SpanCategory category : SpanCategory.values()) {
      out.append("<rect x=\"")
          .append(x)
          .append("\" y=\"30\" width=\"12\" height=\"12\" fill=\"")
          .append(category.color())
          .append("\"/><text x=\"")
          .append(x + 16)
          .append("\" y=\"40\">")
          .append(category.label())
          .append("</text>\n");
      x += 30 + (int) (category.label().length() * CHAR_WIDTH);
    }
    out.append("<rect x=\"")
        .append(x)
        .append("\" y=\"30\" width=\"12\" height=\"12\" fill=\"")
        .append(FAILED_FILL)
        .append("\" stroke=\"")
        .append(FAILED_STROKE)
        .append("\" stroke-width=\"2\"/><text x=\"")
        .append(x + 16)
        .append("\" y=\"40\">failed</text>\n")
        .append("<text x=\"")
        .append(WIDTH - MARGIN)
        .append("\" y=\"40\" text-anchor=\"end\" fill=\"#555\">")
        .append("width = total time; uncovered part = self time</text>\n");
  }

  private static void frame(
      FlameFrame frame,
      double x,
      int level,
      int height,
      double scale,
      long grandTotal,
      StringBuilder out) {
    double width = frame.totalNanos() * scale;
    if (width < 0.3) {
      return;
    }
    double y = height - MARGIN - (level + 1) * FRAME_HEIGHT;
    out.append("<g><title>")
        .append(Markup.escape(frame.name()))
        .append(frame.failed() ? " (failed)" : "")
        .append("\ntotal ")
        .append(Durations.format(frame.totalNanos()))
        .append(String.format(Locale.ROOT, " (%.1f%%)", 100.0 * frame.totalNanos() / grandTotal))
        .append(", self ")
        .append(Durations.format(frame.selfNanos()));
    if (frame.calls() > 0) {
      out.append(", ").append(frame.calls()).append(frame.calls() == 1 ? " call" : " calls");
    }
    if (frame.errors() > 0) {
      out.append(", ").append(frame.errors()).append(frame.errors() == 1 ? " error" : " errors");
    }
    out.append("</title><rect class=\"f\" x=\"")
        .append(number(x))
        .append("\" y=\"")
        .append(number(y))
        .append("\" width=\"")
        .append(number(Math.max(0.5, width - 1)))
        .append("\" height=\"")
        .append(FRAME_HEIGHT - 1)
        .append("\" rx=\"2\" fill=\"")
        .append(frame.failed() ? FAILED_FILL : frame.category().color())
        .append('"');
    if (frame.failed()) {
      out.append(" stroke=\"").append(FAILED_STROKE).append("\" stroke-width=\"2\"");
    }
    out.append("/>");
    int fits = (int) ((width - 6) / CHAR_WIDTH);
    if (fits >= 3) {
      String text = frame.failed() ? "✗ " + frame.name() : frame.name();
      String label = text.length() <= fits ? text : text.substring(0, fits - 2) + "..";
      out.append("<text x=\"")
          .append(number(x + 3))
          .append("\" y=\"")
          .append(number(y + FRAME_HEIGHT - 5))
          .append("\">")
          .append(Markup.escape(label))
          .append("</text>");
    }
    out.append("</g>\n");
    double childX = x;
    for (FlameFrame child : frame.children()) {
      frame(child, childX, level + 1, height, scale, grandTotal, out);
      childX += child.totalNanos() * scale;
    }
  }

  private static String number(double value) {
    return String.format(Locale.ROOT, "%.1f", value);
  }
}

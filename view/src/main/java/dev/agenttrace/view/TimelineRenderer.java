package dev.agenttrace.view;

import dev.agenttrace.StatusCode;
import java.util.List;
import java.util.Locale;

/**
 * Draws traces as text waterfalls: one line a span, indented as in the tree, with a bar placed and
 * sized on a time axis scaled to the whole trace, then the span's start offset and duration. Bars
 * of failed spans are drawn with {@code x} and the line ends in {@code ERROR}; orphans are marked
 * {@code (orphan)} and spans moved for clock skew {@code ~}. Plain ASCII apart from the span names,
 * so it survives any terminal, log or issue tracker.
 *
 * <pre>
 * Trace 4bf92f3577b34da6a3ce929d0e0e4736 (212 ms, 3 spans)
 *                                          0                              212 ms
 * invoke_agent orchestrator                |==============================|    0 ms  212 ms
 *   chat scripted-model                    |===========                   |    0 ms   80 ms
 *   execute_tool lookup_order              |           xxxx               |   80 ms   25 ms ERROR
 * </pre>
 */
public final class TimelineRenderer {
  /** Bar columns when none are asked for. */
  public static final int DEFAULT_WIDTH = 60;

  private static final int LABEL_WIDTH = 40;

  private TimelineRenderer() {}

  /** The waterfalls of {@code traces}, {@link #DEFAULT_WIDTH} columns of bars each. */
  public static String render(List<Trace> traces) {
    return render(traces, DEFAULT_WIDTH);
  }

  /** The waterfalls of {@code traces}, with {@code width} columns of bars (at least 10). */
  public static String render(List<Trace> traces, int width) {
    StringBuilder out = new StringBuilder();
    for (Trace trace : traces) {
      if (out.length() > 0) {
        out.append('\n');
      }
      render(trace, width, out);
    }
    return out.toString();
  }

  /** Appends the waterfall of one trace to {@code out}. */
  public static void render(Trace trace, int width, StringBuilder out) {
    if (width < 10) {
      throw new IllegalArgumentException("width must be at least 10 columns, not " + width);
    }
    long origin = trace.startEpochNanos();
    long total = Math.max(1, trace.endEpochNanos() - origin);
    boolean showService = trace.serviceNames().size() > 1;
    out.append("Trace ")
        .append(trace.traceId())
        .append(" (")
        .append(Durations.format(total))
        .append(", ")
        .append(trace.spanCount())
        .append(trace.spanCount() == 1 ? " span)\n" : " spans)\n");
    String end = Durations.format(total);
    pad(out, LABEL_WIDTH + 1).append('0');
    pad(out, width + 1 - end.length()).append(end).append('\n');
    for (SpanNode node : trace.spansDepthFirst()) {
      line(node, origin, total, width, showService, out);
    }
    for (ClockSkewAdjustment adjustment : trace.clockSkewAdjustments()) {
      out.append("~ ").append(adjustment.describe()).append('\n');
    }
  }

  private static void line(
      SpanNode node, long origin, long total, int width, boolean showService, StringBuilder out) {
    StringBuilder label = new StringBuilder();
    label.append("  ".repeat(node.depth()));
    if (node.isOrphan()) {
      label.append("(orphan) ");
    }
    label.append(node.span().name());
    if (showService) {
      label.append(" [").append(node.serviceName()).append(']');
    }
    if (node.clockSkewNanos() != 0) {
      label.append(" ~");
    }
    String text =
        label.length() > LABEL_WIDTH
            ? label.substring(0, LABEL_WIDTH - 3) + "..."
            : label.toString();
    out.append(text);
    pad(out, LABEL_WIDTH - text.length() + 1);

    long offset = node.startEpochNanos() - origin;
    // Edges rounded to the nearest column, so bars keep their proportions; at least one column.
    int from = (int) Math.min(width - 1, Math.round((double) offset * width / total));
    int to =
        (int)
            Math.min(
                width, Math.round((double) (offset + node.span().durationNanos()) * width / total));
    to = Math.max(to, from + 1);
    boolean error = node.span().statusCode() == StatusCode.ERROR;
    char bar = error ? 'x' : '=';
    out.append('|');
    for (int column = 0; column < width; column++) {
      out.append(column >= from && column < to ? bar : ' ');
    }
    out.append('|');
    out.append(
        String.format(
            Locale.ROOT,
            " %7s %7s",
            Durations.format(offset),
            Durations.format(node.span().durationNanos())));
    if (error) {
      out.append(" ERROR");
    }
    out.append('\n');
  }

  private static StringBuilder pad(StringBuilder out, int spaces) {
    for (int i = 0; i < spaces; i++) {
      out.append(' ');
    }
    return out;
  }
}

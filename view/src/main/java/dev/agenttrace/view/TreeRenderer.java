package dev.agenttrace.view;

import dev.agenttrace.StatusCode;
import dev.agenttrace.spi.SpanData;
import java.util.Collection;
import java.util.List;

/**
 * Draws traces as trees with box-drawing characters, one line a span: name, duration, and an error
 * mark with the status description for failed spans. When a trace spans several services, each line
 * names its service.
 *
 * <pre>
 * Trace 4bf92f3577b34da6a3ce929d0e0e4736
 * └─ invoke_agent orchestrator (212 ms)
 *    ├─ chat scripted-model (80 ms)
 *    └─ execute_tool lookup_order (25 ms) ✗ ERROR OrderNotFoundException: No order ORD-9
 * </pre>
 */
public final class TreeRenderer {
  private TreeRenderer() {}

  /** The trees of all traces among {@code spans}, earliest trace first. */
  public static String render(Collection<? extends SpanData> spans) {
    return renderTraces(TraceAssembler.assemble(spans));
  }

  /** The trees of {@code traces}, one after the other, separated by a blank line. */
  public static String renderTraces(List<Trace> traces) {
    StringBuilder out = new StringBuilder();
    for (Trace trace : traces) {
      if (out.length() > 0) {
        out.append('\n');
      }
      render(trace, out);
    }
    return out.toString();
  }

  /**
   * Appends the tree of one trace to {@code out}; when spans were moved for clock skew, one line
   * per move follows the tree, starting with {@code ~}.
   */
  public static void render(Trace trace, StringBuilder out) {
    boolean showService = trace.serviceNames().size() > 1;
    out.append("Trace ").append(trace.traceId()).append('\n');
    List<SpanNode> roots = trace.roots();
    for (int i = 0; i < roots.size(); i++) {
      renderNode(roots.get(i), "", i == roots.size() - 1, showService, out);
    }
    for (ClockSkewAdjustment adjustment : trace.clockSkewAdjustments()) {
      out.append("~ ").append(adjustment.describe()).append('\n');
    }
  }

  private static void renderNode(
      SpanNode node, String indent, boolean last, boolean showService, StringBuilder out) {
    SpanData span = node.span();
    out.append(indent).append(last ? "└─ " : "├─ ");
    if (node.isOrphan()) {
      out.append("(parent ").append(span.parentSpanId()).append(" missing) ");
    }
    out.append(span.name());
    if (showService) {
      out.append(" [").append(span.resource().serviceName()).append(']');
    }
    out.append(" (").append(Durations.format(span.durationNanos())).append(')');
    if (span.statusCode() == StatusCode.ERROR) {
      out.append(" ✗ ERROR");
      if (span.statusDescription() != null) {
        out.append(' ').append(shortDescription(span.statusDescription()));
      }
    }
    out.append('\n');
    String childIndent = indent + (last ? "   " : "│  ");
    List<SpanNode> children = node.children();
    for (int i = 0; i < children.size(); i++) {
      renderNode(children.get(i), childIndent, i == children.size() - 1, showService, out);
    }
  }

  /** The description without the exception's package, on one line. */
  private static String shortDescription(String description) {
    String oneLine = description.replace('\n', ' ');
    int colon = oneLine.indexOf(':');
    String type = colon < 0 ? oneLine : oneLine.substring(0, colon);
    int dot = type.lastIndexOf('.');
    return dot < 0 || type.contains(" ") ? oneLine : oneLine.substring(dot + 1);
  }
}

package dev.agenttrace.view;

import dev.agenttrace.StatusCode;
import dev.agenttrace.spi.SpanData;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * Draws traces as trees with box-drawing characters, one line a span: name, duration, the tokens of
 * spans that report usage, and an error mark with the status description for failed spans. When a
 * trace spans several services, each line names its service. Under each tree, a line starting with
 * {@code =} gives the trace's {@link TraceSummary totals}: where the time went, model and tool
 * calls, tokens in total and per model, errors.
 *
 * <pre>
 * Trace 4bf92f3577b34da6a3ce929d0e0e4736
 * └─ invoke_agent orchestrator (212 ms)
 *    ├─ chat gpt-4o (80 ms) · 812 in / 64 out tokens
 *    └─ execute_tool lookup_order (25 ms) ✗ ERROR OrderNotFoundException: No order ORD-9
 * = 212 ms: LLM 80 ms, tools 25 ms, other 107 ms · 1 LLM call, 1 tool call · tokens 812 in / 64 out
 *   (gpt-4o) · 1 error
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
   * per move follows the tree, starting with {@code ~}; the summary line, starting with {@code =},
   * comes last.
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
    summary(TraceSummary.of(trace), out);
  }

  /**
   * {@code = 212 ms: LLM 120 ms, tools 55 ms, other 37 ms · 2 LLM calls, 2 tool calls · tokens 1624
   * in / 128 out (gpt-4o 1000 in / 100 out, gpt-4o-mini 624 in / 28 out) · 1 error}.
   */
  static void summary(TraceSummary summary, StringBuilder out) {
    out.append("= ")
        .append(Durations.format(summary.durationNanos()))
        .append(": LLM ")
        .append(Durations.format(summary.llmNanos()))
        .append(", tools ")
        .append(Durations.format(summary.toolNanos()))
        .append(", other ")
        .append(Durations.format(summary.otherNanos()))
        .append(" · ")
        .append(plural(summary.llmCalls(), "LLM call"))
        .append(", ")
        .append(plural(summary.toolCalls(), "tool call"))
        .append(" · tokens ");
    if (!summary.tokensRecorded()) {
      out.append("not recorded");
    } else {
      tokens(summary.inputTokens(), summary.outputTokens(), out);
      List<ModelUsage> models = new ArrayList<>();
      for (ModelUsage model : summary.models()) {
        if (model.inputTokens() > 0 || model.outputTokens() > 0) {
          models.add(model);
        }
      }
      if (models.size() == 1) {
        out.append(" (").append(oneLine(models.get(0).model())).append(')');
      } else if (models.size() > 1) {
        out.append(" (");
        for (int i = 0; i < models.size(); i++) {
          out.append(i == 0 ? "" : ", ").append(oneLine(models.get(i).model())).append(' ');
          tokens(models.get(i).inputTokens(), models.get(i).outputTokens(), out);
        }
        out.append(')');
      }
    }
    out.append(" · ")
        .append(summary.errors() == 0 ? "no errors" : plural(summary.errors(), "error"))
        .append('\n');
  }

  private static void tokens(long input, long output, StringBuilder out) {
    out.append(input).append(" in / ").append(output).append(" out");
  }

  private static String plural(long count, String noun) {
    return count + " " + noun + (count == 1 ? "" : "s");
  }

  private static void renderNode(
      SpanNode node, String indent, boolean last, boolean showService, StringBuilder out) {
    SpanData span = node.span();
    out.append(indent).append(last ? "└─ " : "├─ ");
    if (node.isOrphan()) {
      out.append("(parent ").append(span.parentSpanId()).append(" missing) ");
    }
    out.append(oneLine(span.name()));
    if (showService) {
      out.append(" [").append(oneLine(node.serviceName())).append(']');
    }
    out.append(" (").append(Durations.format(span.durationNanos())).append(')');
    if (GenAiSpan.hasTokens(span)) {
      out.append(" · ");
      tokens(
          Math.max(0, GenAiSpan.inputTokens(span)), Math.max(0, GenAiSpan.outputTokens(span)), out);
      out.append(" tokens");
    }
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

  /** {@code text} on one line, cut to 200 characters: a hostile name cannot break the tree. */
  private static String oneLine(String text) {
    String line = text.replace('\n', ' ').replace('\r', ' ');
    return line.length() <= 200 ? line : line.substring(0, 199) + "…";
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

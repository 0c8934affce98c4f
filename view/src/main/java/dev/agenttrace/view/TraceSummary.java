package dev.agenttrace.view;

import dev.agenttrace.StatusCode;
import dev.agenttrace.spi.SpanData;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The agent's-eye totals of one trace: where the time went (model calls, tools, everything else),
 * how many model and tool calls ran, the tokens in and out in total and per model, and how many
 * spans failed. The text tree prints them under each trace and the trace page shows them in its
 * summary strip, so both always agree.
 *
 * <p><b>Time</b> is wall-clock time, from the trace's first start to its last end, and each instant
 * counts once: {@code llm + tool + other == duration}. An instant belongs to the spans running then
 * that have no child running then (the innermost ones). It is <em>LLM time</em> when one of those
 * is an LLM call or inside one (an HTTP span under a chat span is the model's time), else <em>tool
 * time</em> when one is a tool or inside one, else <em>other</em>: the agent's own code, framework
 * overhead, waiting between spans. So a tool that calls a model counts as LLM while the model runs
 * and as tool for the rest, and when a model call and a tool overlap (parallel calls), the instant
 * counts as LLM.
 *
 * <p><b>Tokens</b> are the {@code gen_ai.usage.input_tokens}/{@code output_tokens} of spans that
 * report them, except a span with a descendant that reports them too: an agent span repeating the
 * sum of its model calls is not counted twice. Each count goes to the span's model.
 */
public final class TraceSummary {
  private final long durationNanos;
  private final long llmNanos;
  private final long toolNanos;
  private final int spans;
  private final int llmCalls;
  private final int toolCalls;
  private final int errors;
  private final long inputTokens;
  private final long outputTokens;
  private final boolean tokensRecorded;
  private final List<ModelUsage> models;
  private final String conversationId;

  private TraceSummary(Trace trace) {
    List<SpanNode> nodes = trace.spansDepthFirst();
    durationNanos = Math.max(0, trace.endEpochNanos() - trace.startEpochNanos());
    spans = nodes.size();
    Map<SpanNode, SpanCategory> effective = effectiveCategories(trace);
    List<long[]> llm = new ArrayList<>();
    List<long[]> tool = new ArrayList<>();
    int llmCount = 0;
    int toolCount = 0;
    int errorCount = 0;
    String conversation = null;
    for (SpanNode node : nodes) {
      SpanCategory own = SpanCategory.of(node.span());
      llmCount += own == SpanCategory.LLM ? 1 : 0;
      toolCount += own == SpanCategory.TOOL ? 1 : 0;
      errorCount += node.span().statusCode() == StatusCode.ERROR ? 1 : 0;
      if (conversation == null) {
        conversation = GenAiSpan.conversationId(node.span());
      }
      SpanCategory category = effective.get(node);
      if (category == SpanCategory.LLM) {
        selfIntervals(node, llm);
      } else if (category == SpanCategory.TOOL) {
        selfIntervals(node, tool);
      }
    }
    List<long[]> llmUnion = union(llm);
    List<long[]> toolUnion = union(tool);
    llmNanos = length(llmUnion);
    toolNanos = length(toolUnion) - overlap(toolUnion, llmUnion);
    llmCalls = llmCount;
    toolCalls = toolCount;
    errors = errorCount;
    conversationId = conversation;

    Map<String, ModelUsage> byModel = new LinkedHashMap<>();
    long in = 0;
    long out = 0;
    boolean recorded = false;
    Map<SpanNode, Boolean> tokensBelow = tokensBelow(nodes);
    for (SpanNode node : nodes) {
      SpanData span = node.span();
      String model = GenAiSpan.model(span);
      String key = model == null ? ModelUsage.UNKNOWN_MODEL : model;
      int call = SpanCategory.of(span) == SpanCategory.LLM ? 1 : 0;
      long input = 0;
      long output = 0;
      if (GenAiSpan.hasTokens(span) && !tokensBelow.get(node)) {
        recorded = true;
        input = Math.max(0, GenAiSpan.inputTokens(span));
        output = Math.max(0, GenAiSpan.outputTokens(span));
      } else if (call == 0) {
        continue;
      }
      byModel.merge(
          key,
          new ModelUsage(key, call, input, output),
          (a, b) -> a.plus(b.calls(), b.inputTokens(), b.outputTokens()));
      in = saturatedAdd(in, input);
      out = saturatedAdd(out, output);
    }
    inputTokens = in;
    outputTokens = out;
    tokensRecorded = recorded;
    models = List.copyOf(byModel.values());
  }

  /** The totals of {@code trace}. */
  public static TraceSummary of(Trace trace) {
    return new TraceSummary(trace);
  }

  /** From the trace's first start to its last end. */
  public long durationNanos() {
    return durationNanos;
  }

  /** Wall-clock time in which a model call ran (see the class comment for the rule). */
  public long llmNanos() {
    return llmNanos;
  }

  /** Wall-clock time in which a tool ran and no model call did. */
  public long toolNanos() {
    return toolNanos;
  }

  /** The rest of the duration: the agent's own code, framework overhead, gaps. */
  public long otherNanos() {
    return durationNanos - llmNanos - toolNanos;
  }

  /** How many spans the trace has. */
  public int spans() {
    return spans;
  }

  /**
   * How many spans are model calls ({@code chat}, {@code text_completion}, {@code embeddings}...).
   */
  public int llmCalls() {
    return llmCalls;
  }

  /** How many spans are tool executions. */
  public int toolCalls() {
    return toolCalls;
  }

  /** How many spans have status ERROR. */
  public int errors() {
    return errors;
  }

  /** Input tokens counted (0 when none were recorded; see {@link #tokensRecorded()}). */
  public long inputTokens() {
    return inputTokens;
  }

  /** Output tokens counted. */
  public long outputTokens() {
    return outputTokens;
  }

  /** Whether any span of the trace reports token usage. */
  public boolean tokensRecorded() {
    return tokensRecorded;
  }

  /** Calls and tokens per model, in the order the models first appear in the trace. */
  public List<ModelUsage> models() {
    return models;
  }

  /** The trace's {@code gen_ai.conversation.id}: the root's, else the first span's that has one. */
  public String conversationId() {
    return conversationId;
  }

  /**
   * Each span's category for time: an LLM call or tool itself, else the nearest LLM call or tool
   * above it, else OTHER.
   */
  private static Map<SpanNode, SpanCategory> effectiveCategories(Trace trace) {
    Map<SpanNode, SpanCategory> effective = new IdentityHashMap<>();
    List<SpanNode> pending = new ArrayList<>(trace.roots());
    for (SpanNode root : trace.roots()) {
      effective.put(root, timeCategory(root, SpanCategory.OTHER));
    }
    while (!pending.isEmpty()) {
      SpanNode node = pending.remove(pending.size() - 1);
      SpanCategory inherited = effective.get(node);
      for (SpanNode child : node.children()) {
        effective.put(child, timeCategory(child, inherited));
        pending.add(child);
      }
    }
    return effective;
  }

  private static SpanCategory timeCategory(SpanNode node, SpanCategory inherited) {
    SpanCategory own = SpanCategory.of(node.span());
    return own == SpanCategory.LLM || own == SpanCategory.TOOL ? own : inherited;
  }

  /** Adds the parts of the span's time not covered by any of its children. */
  private static void selfIntervals(SpanNode node, List<long[]> out) {
    long start = node.startEpochNanos();
    long end = node.endEpochNanos();
    long reach = start;
    // Children are sorted by start: one sweep finds the gaps between them.
    for (SpanNode child : node.children()) {
      long childStart = Math.min(Math.max(child.startEpochNanos(), start), end);
      if (childStart > reach) {
        out.add(new long[] {reach, childStart});
      }
      reach = Math.max(reach, Math.min(child.endEpochNanos(), end));
    }
    if (end > reach) {
      out.add(new long[] {reach, end});
    }
  }

  /** The intervals merged into sorted, disjoint ones. */
  private static List<long[]> union(List<long[]> intervals) {
    intervals.sort((a, b) -> Long.compare(a[0], b[0]));
    List<long[]> merged = new ArrayList<>();
    for (long[] interval : intervals) {
      long[] last = merged.isEmpty() ? null : merged.get(merged.size() - 1);
      if (last != null && interval[0] <= last[1]) {
        last[1] = Math.max(last[1], interval[1]);
      } else {
        merged.add(new long[] {interval[0], interval[1]});
      }
    }
    return merged;
  }

  private static long length(List<long[]> disjoint) {
    long total = 0;
    for (long[] interval : disjoint) {
      total += interval[1] - interval[0];
    }
    return total;
  }

  /** The time two lists of sorted, disjoint intervals have in common. */
  private static long overlap(List<long[]> a, List<long[]> b) {
    long total = 0;
    int i = 0;
    int j = 0;
    while (i < a.size() && j < b.size()) {
      long from = Math.max(a.get(i)[0], b.get(j)[0]);
      long to = Math.min(a.get(i)[1], b.get(j)[1]);
      total += Math.max(0, to - from);
      if (a.get(i)[1] < b.get(j)[1]) {
        i++;
      } else {
        j++;
      }
    }
    return total;
  }

  /** For each span, whether a descendant reports token usage. */
  private static Map<SpanNode, Boolean> tokensBelow(List<SpanNode> depthFirst) {
    Map<SpanNode, Boolean> below = new IdentityHashMap<>();
    // Reversed depth-first order visits every child before its parent.
    for (int i = depthFirst.size() - 1; i >= 0; i--) {
      SpanNode node = depthFirst.get(i);
      boolean any = false;
      for (SpanNode child : node.children()) {
        any |= below.get(child) || GenAiSpan.hasTokens(child.span());
      }
      below.put(node, any);
    }
    return Collections.unmodifiableMap(below);
  }

  static long saturatedAdd(long a, long b) {
    long sum = a + b;
    return ((a ^ sum) & (b ^ sum)) < 0 ? Long.MAX_VALUE : sum;
  }
}

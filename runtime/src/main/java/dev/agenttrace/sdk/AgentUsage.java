package dev.agenttrace.sdk;

import dev.agenttrace.SpanTemplate;

/**
 * The running token totals of one agent span ({@code invoke_agent}), which the model calls in its
 * subtree add to when they end. The agent span records them as its {@code
 * gen_ai.usage.input_tokens} and {@code gen_ai.usage.output_tokens} when it ends.
 *
 * <p>Spans keep a reference to the totals of their nearest enclosing agent (the agent's own for the
 * agent span), never to other spans: an ended model span is not held by anyone, and an agent span
 * holds two counters, not its children. Each totals object points to the enclosing agent's, so a
 * model call inside a sub-agent counts for the sub-agent and for every agent around it.
 *
 * <p>The rule for calls that end late: a model call counts for each enclosing agent span that has
 * not ended yet when the call ends. A model call still running when its agent ends (an asynchronous
 * call nobody waited for) is therefore not in that agent's totals, but is in those of the agents
 * around it that are still running.
 */
final class AgentUsage {
  private static final long NONE = -1;

  private final AgentUsage enclosing;

  // Written under the lock, read without it: one small object per agent span instead of two atomic
  // counters beside it.
  private volatile long inputTokens = NONE;
  private volatile long outputTokens = NONE;

  private AgentUsage(AgentUsage enclosing) {
    this.enclosing = enclosing;
  }

  /**
   * The totals a new span refers to: fresh ones for an agent span (started with {@code
   * gen_ai.operation.name=invoke_agent}), else those of its parent (null outside any agent).
   */
  static AgentUsage forNewSpan(AgentUsage parentUsage, SpanTemplate template) {
    return template.isAgentInvocation() ? new AgentUsage(parentUsage) : parentUsage;
  }

  /** Adds a model call's counts (null or negative: unknown) here and to every enclosing agent. */
  void add(Object input, Object output) {
    long in = count(input);
    long out = count(output);
    if (in == NONE && out == NONE) {
      return;
    }
    for (AgentUsage usage = this; usage != null; usage = usage.enclosing) {
      usage.addOwn(in, out);
    }
  }

  private synchronized void addOwn(long in, long out) {
    inputTokens = plus(inputTokens, in);
    outputTokens = plus(outputTokens, out);
  }

  private static long count(Object count) {
    return count instanceof Long tokens && tokens >= 0 ? tokens : NONE;
  }

  private static long plus(long total, long more) {
    if (more == NONE) {
      return total;
    }
    return total == NONE ? more : total + more;
  }

  /** The input total, or -1 when no model call reported one. */
  long inputTokens() {
    return inputTokens;
  }

  /** The output total, or -1 when no model call reported one. */
  long outputTokens() {
    return outputTokens;
  }
}

package dev.agenttrace.annotations;

/**
 * The kind of operation a call of a third-party interface is traced as, in {@link TraceInterface}.
 * Each kind produces the same span as its annotation: {@link #AGENT_RUN} as {@link AgentRun},
 * {@link #TOOL} as {@link Tool}, {@link #LLM_CALL} as {@link LlmCall}, {@link #RETRIEVAL} as {@link
 * Retrieval}, {@link #CREATE_AGENT} as {@link CreateAgent}, {@link #TRACED} as {@link Traced}.
 */
public enum Operation {
  /** An agent run: span {@code invoke_agent {name}}, as {@link AgentRun}. */
  AGENT_RUN,
  /** A tool execution: span {@code execute_tool {name}}, as {@link Tool}. */
  TOOL,
  /** A model call: span {@code {operation} {model}}, kind {@code CLIENT}, as {@link LlmCall}. */
  LLM_CALL,
  /**
   * A retrieval: span {@code retrieval {dataSource}}, kind {@code CLIENT}, as {@link Retrieval}.
   */
  RETRIEVAL,
  /** Creating an agent: span {@code create_agent {name}}, as {@link CreateAgent}. */
  CREATE_AGENT,
  /** A generic operation: span {@code {Type}.{method}}, as {@link Traced}. */
  TRACED
}

package dev.agenttrace.processor;

/**
 * The kinds of traced operation, one per operation annotation, with the span kind and GenAI
 * operation name each produces.
 */
enum Operation {
  AGENT_RUN("dev.agenttrace.annotations.AgentRun", "INTERNAL", "invoke_agent"),
  TOOL("dev.agenttrace.annotations.Tool", "INTERNAL", "execute_tool"),
  LLM_CALL("dev.agenttrace.annotations.LlmCall", "CLIENT", "chat"),
  TRACED("dev.agenttrace.annotations.Traced", "INTERNAL", null);

  private final String annotationName;
  private final String spanKind;
  private final String genAiOperationName;

  Operation(String annotationName, String spanKind, String genAiOperationName) {
    this.annotationName = annotationName;
    this.spanKind = spanKind;
    this.genAiOperationName = genAiOperationName;
  }

  /** The canonical name of the annotation that asks for this operation. */
  String annotationName() {
    return annotationName;
  }

  /** The simple name of the annotation, for messages. */
  String annotationSimpleName() {
    return annotationName.substring(annotationName.lastIndexOf('.') + 1);
  }

  /** The name of the runtime {@code SpanKind} constant. */
  String spanKind() {
    return spanKind;
  }

  /** The {@code gen_ai.operation.name} value, or {@code null} for a generic operation. */
  String genAiOperationName() {
    return genAiOperationName;
  }
}

package dev.agenttrace.processor;

/**
 * The kinds of traced operation, one per operation annotation, with the GenAI operation name each
 * produces unless its settings choose another ({@code @LlmCall(operation = EMBEDDINGS)}).
 */
enum Operation {
  AGENT_RUN("dev.agenttrace.annotations.AgentRun", "invoke_agent"),
  TOOL("dev.agenttrace.annotations.Tool", "execute_tool"),
  LLM_CALL("dev.agenttrace.annotations.LlmCall", "chat"),
  RETRIEVAL("dev.agenttrace.annotations.Retrieval", "retrieval"),
  CREATE_AGENT("dev.agenttrace.annotations.CreateAgent", "create_agent"),
  TRACED("dev.agenttrace.annotations.Traced", null);

  private final String annotationName;
  private final String genAiOperationName;

  Operation(String annotationName, String genAiOperationName) {
    this.annotationName = annotationName;
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

  /** The default {@code gen_ai.operation.name} value, or {@code null} for a generic operation. */
  String genAiOperationName() {
    return genAiOperationName;
  }

  /** The operation whose annotation has {@code canonicalName}, or {@code null}. */
  static Operation forAnnotation(String canonicalName) {
    for (Operation operation : values()) {
      if (operation.annotationName.equals(canonicalName)) {
        return operation;
      }
    }
    return null;
  }
}

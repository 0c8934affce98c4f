package dev.agenttrace;

import java.util.List;

/**
 * A model request that can say what it sends: let the request type of a traced model call (or an
 * adapter around it) implement it, and with {@code captureMessages = true} the call records its
 * messages, system instructions and tool definitions, without reflection.
 *
 * <pre>{@code
 * record ChatRequest(String system, List<ChatTurn> history, List<ToolSpec> tools)
 *     implements ModelInput {
 *   public List<ChatTurn> inputMessages() { return history; }
 *   public List<MessagePart> systemInstructions() { return List.of(MessagePart.text(system)); }
 * }
 * }</pre>
 */
public interface ModelInput {
  /** The chat history sent to the model, in order ({@code gen_ai.input.messages}). */
  List<? extends GenAiMessage> inputMessages();

  /**
   * Instructions sent apart from the chat history ({@code gen_ai.system_instructions}); none by
   * default. Instructions that are part of the history belong in {@link #inputMessages()}.
   */
  default List<MessagePart> systemInstructions() {
    return List.of();
  }

  /** The tools offered to the model ({@code gen_ai.tool.definitions}); none by default. */
  default List<ToolDefinition> toolDefinitions() {
    return List.of();
  }
}

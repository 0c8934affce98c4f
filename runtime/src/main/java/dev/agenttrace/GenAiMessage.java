package dev.agenttrace;

import java.util.List;

/**
 * A model message as the GenAI conventions capture it: a role and its parts. Let your message type
 * (or a small adapter over your framework's) implement it, and a traced model call with {@code
 * captureMessages = true} records it in {@code gen_ai.input.messages} or {@code
 * gen_ai.output.messages}, without reflection.
 *
 * <pre>{@code
 * record ChatTurn(String role, String text) implements GenAiMessage {
 *   public List<MessagePart> parts() {
 *     return List.of(MessagePart.text(text));
 *   }
 * }
 * }</pre>
 *
 * <p>Methods that throw or return null are tolerated: the message (or the part) is left out and
 * counted, and the traced call goes on.
 */
public interface GenAiMessage {
  /** {@code system}, {@code user}, {@code assistant}, {@code tool}, or the provider's own role. */
  String role();

  /** The message's parts, in order. */
  List<MessagePart> parts();

  /** The participant's name, if the message has one; null by default. */
  default String name() {
    return null;
  }

  /**
   * Why the model stopped producing this output message ({@code stop}, {@code length}, {@code
   * tool_call}, {@code content_filter}, {@code error}, ...); null by default, which output messages
   * record as {@code stop}, since the conventions require a reason.
   */
  default String finishReason() {
    return null;
  }

  /** A message of {@code role} with {@code parts}. */
  static GenAiMessage of(String role, MessagePart... parts) {
    return new SimpleMessage(role, List.of(parts));
  }

  /** A user message with one text part. */
  static GenAiMessage user(String text) {
    return of("user", MessagePart.text(text));
  }

  /** An assistant message with one text part. */
  static GenAiMessage assistant(String text) {
    return of("assistant", MessagePart.text(text));
  }
}

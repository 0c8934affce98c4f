package dev.agenttrace;

import static java.util.Objects.requireNonNull;

import java.util.List;

/** The {@link GenAiMessage} of {@link GenAiMessage#of}. */
record SimpleMessage(String role, List<MessagePart> parts) implements GenAiMessage {
  SimpleMessage {
    requireNonNull(role, "role");
    parts = List.copyOf(parts);
  }
}

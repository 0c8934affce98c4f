package dev.agenttrace.context;

import static java.util.Objects.requireNonNull;

import dev.agenttrace.Baggage;
import dev.agenttrace.Context;
import dev.agenttrace.Scope;
import dev.agenttrace.SemanticAttributes;
import dev.agenttrace.processing.BaggageSpanProcessor;
import dev.agenttrace.spi.SpanProcessor;

/**
 * Groups the runs of a multi-turn conversation: the conversation id travels as the baggage entry
 * {@value #BAGGAGE_KEY} (across threads with the context, across services in the W3C {@code
 * baggage} header), and {@link #spanProcessor()} writes it onto every span as the OpenTelemetry
 * GenAI attribute {@code gen_ai.conversation.id}.
 *
 * <pre>{@code
 * TracerSdk tracer = TracerSdk.builder().addSpanProcessor(Conversation.spanProcessor()).build();
 * try (Scope scope = Conversation.makeCurrent(sessionId)) {
 *   agent.answer(question);   // every span, here and in services it calls, has the id
 * }
 * }</pre>
 *
 * <p>Each turn is usually its own trace; the attribute is what ties the traces of one conversation
 * together.
 */
public final class Conversation {
  /** The baggage entry (and span attribute) holding the conversation id. */
  public static final String BAGGAGE_KEY = SemanticAttributes.GEN_AI_CONVERSATION_ID.name();

  private static final SpanProcessor PROCESSOR = BaggageSpanProcessor.forKeys(BAGGAGE_KEY);

  private Conversation() {}

  /** Makes {@code conversationId} current, with the current span, until the scope is closed. */
  public static Scope makeCurrent(String conversationId) {
    return with(Context.current(), conversationId).makeCurrent();
  }

  /** {@code context} with its baggage carrying {@code conversationId}. */
  public static Context with(Context context, String conversationId) {
    requireNonNull(conversationId, "conversationId");
    Baggage baggage = context.baggage().toBuilder().put(BAGGAGE_KEY, conversationId).build();
    return context.with(baggage);
  }

  /** The id of the current conversation, or {@code null} outside one. */
  public static String currentId() {
    return Baggage.current().get(BAGGAGE_KEY);
  }

  /** A span processor that sets {@code gen_ai.conversation.id} on spans started in one. */
  public static SpanProcessor spanProcessor() {
    return PROCESSOR;
  }
}

package dev.agenttrace.proxy;

import dev.agenttrace.AttributeKey;
import dev.agenttrace.GenAiMessage;
import dev.agenttrace.MessagePart;
import dev.agenttrace.ModelInput;
import dev.agenttrace.ModelOutput;
import dev.agenttrace.SemanticAttributes;
import dev.agenttrace.Span;
import dev.agenttrace.ToolDefinition;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * Records a model call's content in the JSON shape of the GenAI conventions ({@code
 * gen_ai.input.messages}, {@code gen_ai.output.messages}, {@code gen_ai.system_instructions},
 * {@code gen_ai.tool.definitions}). Called by generated proxies of methods that ask for message
 * capture, only when the span records and {@link dev.agenttrace.ContentCapture} is on.
 *
 * <p>What becomes a message: a {@code CharSequence} argument a user text message, a returned one an
 * assistant text message; a {@link GenAiMessage} itself; an {@code Iterable} or array of them each
 * one; a {@link ModelInput} its messages, system instructions and tool definitions; a {@link
 * ModelOutput} its messages. Other values are ignored.
 *
 * <p>Guarantees: never throws into the traced call. Each attribute is valid JSON of at most {@value
 * BoundedJson#LIMIT} characters (the span's limit, so it is never cut mid-way): a text that does
 * not fit is cut and ends with {@code ...[truncated]}; messages that do not fit are left out and a
 * last element {@code {"role":"truncated","parts":[{"type":"truncated","omitted_messages":N}]}}
 * says how many (N is left out when the source cannot tell its size without being read to the end);
 * at most {@value #MAX_VISITED} messages are looked at. Every attribute cut this way is counted by
 * {@link GenAiValues#truncatedCount()}; a message whose methods throw is left out and counted by
 * {@link GenAiValues#skippedCount()}.
 */
public final class MessageJson {
  /** The most messages (or definitions) one attribute looks at, whatever their size. */
  static final int MAX_VISITED = 1024;

  /** The most parts read from one message. */
  static final int MAX_PARTS = 64;

  private MessageJson() {}

  /**
   * Records the input content of {@code arguments} (see the class documentation) on {@code span}.
   */
  public static void recordInput(Span span, Object[] arguments) {
    try {
      Input input = new Input();
      for (Object argument : arguments) {
        try {
          input.add(argument);
        } catch (Throwable e) {
          GenAiValues.skipped(); // this argument's content; the others are still recorded
        }
      }
      set(span, SemanticAttributes.GEN_AI_INPUT_MESSAGES, input.messages);
      set(span, SemanticAttributes.GEN_AI_SYSTEM_INSTRUCTIONS, input.instructions);
      set(span, SemanticAttributes.GEN_AI_TOOL_DEFINITIONS, input.tools);
    } catch (Throwable e) {
      GenAiValues.skipped();
    }
  }

  /** Records what {@code result} (see the class documentation) holds as output messages. */
  public static void recordOutput(Span span, Object result) {
    try {
      Messages messages = new Messages(true);
      if (result instanceof ModelOutput output) {
        messages.addAll(output.outputMessages());
      } else if (result instanceof CharSequence text) {
        messages.add(GenAiMessage.assistant(text.toString()));
      } else {
        messages.addAny(result);
      }
      set(span, SemanticAttributes.GEN_AI_OUTPUT_MESSAGES, messages);
    } catch (Throwable e) {
      GenAiValues.skipped();
    }
  }

  private static void set(Span span, AttributeKey<String> key, JsonArray array) {
    if (array == null || array.isEmpty()) {
      return;
    }
    span.setAttribute(key, array.close());
    if (array.json.truncated()) {
      GenAiValues.truncated();
    }
  }

  /** The content of a call's arguments. */
  private static final class Input {
    final Messages messages = new Messages(false);
    Parts instructions;
    Definitions tools;

    void add(Object argument) {
      if (argument instanceof ModelInput input) {
        messages.addAll(input.inputMessages());
        List<MessagePart> parts = input.systemInstructions();
        if (parts != null && !parts.isEmpty()) {
          instructions = instructions == null ? new Parts() : instructions;
          instructions.addAll(parts);
        }
        List<ToolDefinition> definitions = input.toolDefinitions();
        if (definitions != null && !definitions.isEmpty()) {
          tools = tools == null ? new Definitions() : tools;
          tools.addAll(definitions);
        }
      } else if (argument instanceof CharSequence text) {
        messages.add(GenAiMessage.user(text.toString()));
      } else {
        messages.addAny(argument);
      }
    }
  }

  /** A bounded JSON array of elements, with a marker for those left out. */
  private abstract static class JsonArray {
    final BoundedJson json = new BoundedJson().raw("[");
    int written;
    int visited;
    long omitted;
    boolean omittedUnknown;

    boolean isEmpty() {
      return written == 0 && omitted == 0 && !omittedUnknown;
    }

    /** Adds every element of {@code elements}, as far as the budget goes. */
    void addAll(Iterable<?> elements) {
      if (elements == null) {
        return;
      }
      int index = 0;
      for (Object element : elements) {
        if (!room()) {
          if (elements instanceof Collection<?> collection) {
            omitted += collection.size() - index;
          } else {
            omittedUnknown = true;
          }
          return;
        }
        index++;
        add(element);
      }
    }

    /** Whether another element may be written; counts an element that may not. */
    boolean room() {
      return !json.full() && visited < MAX_VISITED;
    }

    void add(Object element) {
      if (!room()) {
        omitted++;
        return;
      }
      visited++;
      Object read;
      try {
        read = read(element);
      } catch (Throwable e) {
        GenAiValues.skipped();
        return;
      }
      if (read != null) {
        json.raw(written == 0 ? "" : ",");
        write(read);
        written++;
      }
    }

    /** What closes the marker element: output messages need a finish reason too. */
    String markerEnd() {
      return "}";
    }

    /** Reads everything needed from the user's element (which may throw); null to skip it. */
    abstract Object read(Object element);

    /** Writes what {@link #read} returned; never throws. */
    abstract void write(Object read);

    String close() {
      if (omitted > 0 || omittedUnknown) {
        json.markTruncated();
        json.raw(written == 0 ? "" : ",")
            .raw("{\"role\":\"truncated\",\"parts\":[{\"type\":\"truncated\"")
            .raw(omittedUnknown ? "" : ",\"omitted_messages\":" + omitted)
            .raw("}]")
            .raw(markerEnd());
      }
      return json.raw("]").toString();
    }
  }

  /** Input or output messages. */
  private static final class Messages extends JsonArray {
    private final boolean output;

    Messages(boolean output) {
      this.output = output;
    }

    @Override
    String markerEnd() {
      return output ? ",\"finish_reason\":\"truncated\"}" : "}";
    }

    /** A message, an iterable or array of messages; anything else is not content. */
    void addAny(Object value) {
      if (value instanceof GenAiMessage message) {
        add(message);
      } else if (value instanceof Iterable<?> iterable) {
        addAll(iterable);
      } else if (value instanceof Object[] array) {
        addAll(Arrays.asList(array));
      }
    }

    private record Read(String role, String name, String finishReason, List<MessagePart> parts) {}

    @Override
    Object read(Object element) {
      if (!(element instanceof GenAiMessage message)) {
        return null;
      }
      String role = message.role();
      List<MessagePart> parts = message.parts();
      if (role == null || parts == null) {
        return null;
      }
      List<MessagePart> copy = new ArrayList<>();
      for (MessagePart part : parts) {
        if (copy.size() == MAX_PARTS) {
          json.markTruncated();
          break;
        }
        if (part != null) {
          copy.add(part);
        }
      }
      String finishReason = output ? message.finishReason() : null;
      return new Read(
          role, message.name(), output && finishReason == null ? "stop" : finishReason, copy);
    }

    @Override
    void write(Object read) {
      Read message = (Read) read;
      json.raw("{").field("role", message.role(), true);
      if (message.name() != null) {
        json.field("name", message.name(), false);
      }
      json.raw(",\"parts\":[");
      writeParts(json, message.parts());
      json.raw("]");
      if (message.finishReason() != null) {
        json.field("finish_reason", message.finishReason(), false);
      }
      json.raw("}");
    }
  }

  /** System instructions: an array of parts. */
  private static final class Parts extends JsonArray {
    @Override
    Object read(Object element) {
      return element instanceof MessagePart part ? part : null;
    }

    @Override
    void write(Object read) {
      writePart(json, (MessagePart) read);
    }
  }

  /** Tool definitions. */
  private static final class Definitions extends JsonArray {
    @Override
    Object read(Object element) {
      return element instanceof ToolDefinition definition ? definition : null;
    }

    @Override
    void write(Object read) {
      ToolDefinition tool = (ToolDefinition) read;
      json.raw("{").field("type", tool.type(), true).field("name", tool.name(), false);
      if (tool.description() != null) {
        json.field("description", tool.description(), false);
      }
      if (tool.parameters() != null) {
        json.raw(",\"parameters\":").jsonOrString(tool.parameters());
      }
      json.raw("}");
    }
  }

  private static void writeParts(BoundedJson json, List<MessagePart> parts) {
    for (int i = 0; i < parts.size(); i++) {
      if (json.full()) {
        json.markTruncated();
        return;
      }
      json.raw(i == 0 ? "" : ",");
      writePart(json, parts.get(i));
    }
  }

  private static void writePart(BoundedJson json, MessagePart part) {
    json.raw("{").field("type", part.type(), true);
    for (Map.Entry<String, String> field : part.fields().entrySet()) {
      if (part.type().equals("tool_call") && field.getKey().equals("arguments")) {
        json.raw(",\"arguments\":").jsonOrString(field.getValue());
      } else {
        json.field(field.getKey(), field.getValue(), false);
      }
    }
    json.raw("}");
  }
}

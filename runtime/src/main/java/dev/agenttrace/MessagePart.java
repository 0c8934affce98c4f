package dev.agenttrace;

import static java.util.Objects.requireNonNull;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One part of a captured model message, in the shape of the GenAI conventions' message parts: a
 * text, a tool call the model asked for, the response to a tool call, reasoning, or a reference to
 * a file or URI. Build parts from your or your framework's message types in a {@link GenAiMessage}
 * adapter; nothing is read by reflection.
 *
 * <pre>{@code
 * MessagePart.text("Where is order 42?");
 * MessagePart.toolCall("call_1", "lookup_order", "{\"id\":42}");
 * MessagePart.toolCallResponse("call_1", "shipped");
 * }</pre>
 *
 * <p>Immutable. Null optional values are left out of the JSON.
 */
public final class MessagePart {
  private final String type;
  private final Map<String, String> fields;

  private MessagePart(String type, Map<String, String> fields) {
    this.type = type;
    this.fields = Collections.unmodifiableMap(fields);
  }

  /** Text sent to or received from the model ({@code type: text}). */
  public static MessagePart text(String content) {
    return of("text", "content", requireNonNull(content, "content"));
  }

  /** The model's reasoning, when the provider returns it ({@code type: reasoning}). */
  public static MessagePart reasoning(String content) {
    return of("reasoning", "content", requireNonNull(content, "content"));
  }

  /**
   * A tool call the model asked for ({@code type: tool_call}). Its {@code id} is what the tool's
   * {@code execute_tool} span records as {@code gen_ai.tool.call.id}, which links the two.
   *
   * @param id the call's id, or null
   * @param name the tool's name
   * @param arguments the arguments as JSON text (recorded as JSON when it is valid JSON, else as a
   *     string), or null
   */
  public static MessagePart toolCall(String id, String name, String arguments) {
    return of("tool_call", "id", id, "name", requireNonNull(name, "name"), "arguments", arguments);
  }

  /**
   * The result of a tool call sent back to the model ({@code type: tool_call_response}).
   *
   * @param id the id of the call it answers, or null
   * @param response what the tool returned, as text
   */
  public static MessagePart toolCallResponse(String id, String response) {
    return of("tool_call_response", "id", id, "response", requireNonNull(response, "response"));
  }

  /**
   * Content referenced by URI ({@code type: uri}).
   *
   * @param modality {@code image}, {@code video}, {@code audio} or {@code document}
   * @param uri where the content is
   * @param mimeType its MIME type, or null
   */
  public static MessagePart uri(String modality, String uri, String mimeType) {
    return of(
        "uri",
        "modality",
        requireNonNull(modality, "modality"),
        "uri",
        requireNonNull(uri, "uri"),
        "mime_type",
        mimeType);
  }

  /**
   * Content uploaded to the provider and referenced by id ({@code type: file}).
   *
   * @param modality {@code image}, {@code video}, {@code audio} or {@code document}
   * @param fileId the provider's file id
   * @param mimeType its MIME type, or null
   */
  public static MessagePart file(String modality, String fileId, String mimeType) {
    return of(
        "file",
        "modality",
        requireNonNull(modality, "modality"),
        "file_id",
        requireNonNull(fileId, "fileId"),
        "mime_type",
        mimeType);
  }

  /** The part's type, such as {@code text} or {@code tool_call}. */
  public String type() {
    return type;
  }

  /** The part's other fields in the conventions' names and order, null ones left out. */
  public Map<String, String> fields() {
    return fields;
  }

  private static MessagePart of(String type, String... namesAndValues) {
    Map<String, String> fields = new LinkedHashMap<>();
    for (int i = 0; i < namesAndValues.length; i += 2) {
      if (namesAndValues[i + 1] != null) {
        fields.put(namesAndValues[i], namesAndValues[i + 1]);
      }
    }
    return new MessagePart(type, fields);
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof MessagePart part
        && part.type.equals(type)
        && part.fields.equals(fields);
  }

  @Override
  public int hashCode() {
    return type.hashCode() * 31 + fields.hashCode();
  }

  @Override
  public String toString() {
    return type + fields;
  }
}

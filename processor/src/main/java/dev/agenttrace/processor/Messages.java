package dev.agenttrace.processor;

/**
 * Every diagnostic the processor reports, in one place: each says what is wrong and how to fix it.
 * Formatted with {@link String#format}.
 */
final class Messages {
  static final String NOT_AN_INTERFACE =
      "@%s can only trace an interface, and %s is %s. Put the annotation on an interface that"
          + " the class implements.";
  static final String PRIVATE_TYPE =
      "%s is private, so the generated proxy cannot implement it. Make it package-private or"
          + " public.";
  static final String TWO_OPERATIONS =
      "%s has both @%s and @%s, but a method is one operation. Keep one of them.";
  static final String NOT_PROXYABLE_METHOD =
      "@%s on %s has no effect: %s methods cannot be proxied. Remove the annotation or make the"
          + " method abstract or default.";
  static final String LLM_CALL_WITHOUT_MODEL =
      "@LlmCall on %s names no model. Set model = \"...\" here or on the enclosing type's"
          + " @LlmCall.";
  static final String TOOL_NAME_ON_TYPE =
      "@Tool(name = \"%s\") on %s would give each of its %d methods the same tool name. Remove"
          + " the name here and name each tool on its method with @Tool(name = \"...\").";
  static final String SPAN_ATTRIBUTE_ON_UNTRACED_METHOD =
      "@SpanAttribute on parameter %s would never be recorded, because %s is not traced."
          + " Annotate the method or its type with @AgentRun, @Tool, @LlmCall or @Traced, or"
          + " remove @SpanAttribute.";
  static final String MALFORMED_ATTRIBUTE_KEY =
      "Attribute key \"%s\" is malformed. Use dot-separated words of letters, digits, '_' or"
          + " '-', such as \"order.id\".";
  static final String DUPLICATE_ATTRIBUTE_KEY =
      "Attribute key \"%s\" is already recorded from parameter %s of this method. Give each"
          + " @SpanAttribute its own key.";
  static final String PROXY_NAME_CLASH =
      "AgentTrace would generate %s for %s, but a type of that name already exists. Rename one"
          + " of them.";
  static final String UNRESOLVED_TYPES =
      "%s refers to types that never became available, so no proxy was generated for it. Check"
          + " the errors above for the missing types.";
  static final String INTERNAL_ERROR =
      "AgentTrace failed on %s because of an internal error (%s). Please report this message"
          + " with the annotated source.";

  private Messages() {}
}

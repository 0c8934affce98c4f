package dev.agenttrace.processor;

/**
 * Every diagnostic the processor reports, in one place: each says what is wrong and how to fix it.
 * Formatted with {@link String#format}.
 */
final class Messages {
  static final String NOT_PROXYABLE_TYPE =
      "@%s cannot trace %s, because it is %s. Put the annotation on an interface or a non-final"
          + " class instead.";
  static final String FINAL_TYPE =
      "@%s cannot trace %s, because it is %s, so the generated %s cannot extend it. Remove '%s',"
          + " or annotate an interface it implements.";
  static final String INNER_CLASS =
      "@%s cannot trace %s, because it is an inner class and its generated subclass would need"
          + " an enclosing instance. Make the class static.";
  static final String PRIVATE_TYPE =
      "%s is private, so the generated proxy cannot implement it. Make it package-private or"
          + " public.";
  static final String NO_ACCESSIBLE_CONSTRUCTOR =
      "%s has no constructor that the generated subclass can call, because all are private. Add"
          + " a non-private constructor, or annotate an interface the class implements.";
  static final String TWO_OPERATIONS =
      "%s has both @%s and @%s, but a method is one operation. Keep one of them.";
  static final String NOT_PROXYABLE_METHOD =
      "@%s on %s has no effect: %s methods cannot be proxied. Remove the annotation or make the"
          + " method overridable.";
  static final String ABSTRACT_METHOD_IN_CLASS =
      "@%s on %s cannot be traced: it is abstract, so the generated subclass has no"
          + " implementation to call. Annotate the method where it is implemented.";
  static final String NOTHING_TRACED =
      "@%s on %s traces nothing: no method can be traced (an interface's abstract methods and"
          + " default methods with parameters, a class's overridable methods). Annotate the methods"
          + " to trace, or remove the annotation (-Aagenttrace.nothingTraced=warning makes this a"
          + " warning).";
  static final String TRACE_INTERFACE_NOTHING_TRACED =
      "@TraceInterface(%s.class) traces nothing: %s has no abstract method and no default method"
          + " with parameters. Name the methods to trace with methods = {\"...\"}, or remove the"
          + " request (-Aagenttrace.nothingTraced=warning makes this a warning).";
  static final String LLM_CALL_WITHOUT_MODEL =
      "@LlmCall on %s names no model. Set model = \"...\" here or on the enclosing type's"
          + " @LlmCall.";
  static final String UNKNOWN_MODEL_OPERATION =
      "operationName = \"%s\" is not a GenAI model operation. Use one of: %s.";
  static final String TWO_HANDLERS =
      "%s takes two streaming handlers (%s and %s), but AgentTrace follows one stream per call."
          + " Leave the method untraced (for a @TraceInterface: list the others in methods ="
          + " {...}).";
  static final String HANDLER_NOT_NAMEABLE =
      "Streaming handler parameter %s of %s has type %s, whose type variables or wildcards"
          + " AgentTrace cannot see through, so it cannot pass on a handler of its own. Declare the"
          + " parameter with the handler interface and concrete type arguments (such as"
          + " Handler<Reply>), or leave %s untraced (for a @TraceInterface: list the other methods"
          + " in methods = {...}).";
  static final String HANDLER_NOT_INTERFACE =
      "%s, the streaming handler of %s, is a class, but AgentTrace can only pass on a handler"
          + " interface it implements. Make the handler an interface, or leave the method"
          + " untraced.";
  static final String HANDLER_UNKNOWN_METHOD =
      "The streaming handler's %s method \"%s\" is not a method of %s. Its methods are: %s.";
  static final String HANDLER_ROLE_TWICE =
      "The streaming handler method \"%s\" is named both as %s and as %s. Give each method one"
          + " role.";
  static final String HANDLER_ERROR_METHOD =
      "The streaming handler's error method %s of %s does not take exactly one Throwable, so"
          + " the failure cannot be recorded. Name the method that receives the failure.";
  static final String STREAMING_HANDLER_TYPE =
      "@StreamingHandler(type = ...) belongs in @TraceInterface(streamingHandlers = ...); on a"
          + " type or parameter the handler is that type. Remove type here.";
  static final String STREAMING_HANDLER_WITHOUT_TYPE =
      "@TraceInterface(streamingHandlers = ...) needs each handler's interface. Add type ="
          + " YourHandler.class.";
  static final String UNFOLLOWABLE_STREAM =
      "%s returns %s, a stream AgentTrace cannot follow to its end, so its span would end before"
          + " the response does. AgentTrace follows a returned java.util.concurrent.Flow.Publisher,"
          + " java.util.stream.Stream or CompletionStage, and a @StreamingHandler parameter."
          + " Return one of those, or leave %s untraced (for a @TraceInterface: list the other"
          + " methods in methods = {...}).";
  static final String TOOL_NAME_ON_TYPE =
      "@Tool(name = \"%s\") on %s would give each of its %d methods the same tool name. Remove"
          + " the name here and name each tool on its method with @Tool(name = \"...\").";
  static final String SPAN_ATTRIBUTE_ON_UNTRACED_METHOD =
      "@SpanAttribute on parameter %s would never be recorded, because %s is not traced."
          + " Annotate the method or its type with @AgentRun, @Tool, @LlmCall or @Traced, or"
          + " remove @SpanAttribute.";
  static final String HANDLER_ON_UNTRACED_METHOD =
      "@StreamingHandler on parameter %s would never be followed, because %s is not traced."
          + " Annotate the method or its type with @AgentRun, @Tool, @LlmCall or @Traced, or"
          + " remove @StreamingHandler.";
  static final String SENSITIVE_SPAN_ATTRIBUTE =
      "Parameter %s is both @Sensitive and @SpanAttribute, so a value marked sensitive would be"
          + " recorded. Remove one of the two.";
  static final String MALFORMED_ATTRIBUTE_KEY =
      "Attribute key \"%s\" is malformed. Use dot-separated words of letters, digits, '_' or"
          + " '-', such as \"order.id\".";
  static final String DUPLICATE_ATTRIBUTE_KEY =
      "Attribute key \"%s\" is already recorded from parameter %s of this method. Give each"
          + " @SpanAttribute its own key.";
  static final String RESERVED_ATTRIBUTE_KEY =
      "Attribute key \"%s\" is already set by the span of %s. Choose a key of your own, such as"
          + " \"app.%s\".";
  static final String CAPTURE_RESULT_OF_VOID =
      "captureResult = true on %s records nothing, because it returns void. Remove"
          + " captureResult.";
  static final String TOKENS_WITHOUT_RESULT =
      "%s returns %s, so there is no result to read token usage from. Remove inputTokens and"
          + " outputTokens here, or return the model's response.";
  static final String TOKEN_ACCESSOR_MISSING =
      "%s = \"%s\" cannot be read from the result of %s: %s has no public no-argument method"
          + " %s(). Name a chain of accessors of the return type, such as \"usage.inputTokens\""
          + " for result.usage().inputTokens().";
  static final String TOKEN_ACCESSOR_NOT_INTEGRAL =
      "%s = \"%s\" ends in %s(), which returns %s, but a token count must be an integral number"
          + " (int, long, Integer, Long, ...). Point it at the count itself.";
  static final String SETTING_NOT_FOR_KIND =
      "%s has no effect for kind = %s. Remove it, or choose the kind it belongs to (%s).";
  static final String TRACE_INTERFACE_NOT_AN_INTERFACE =
      "@TraceInterface can only proxy an interface, and %s is %s. If you own it, annotate it"
          + " instead.";
  static final String TRACE_INTERFACE_NOT_ACCESSIBLE =
      "@TraceInterface cannot proxy %s, because it is not public and the proxy is generated in"
          + " package %s. Request it from a type in the interface's package.";
  static final String TRACE_INTERFACE_UNKNOWN_METHOD =
      "@TraceInterface(%s.class) lists method \"%s\", which the interface does not have. Its"
          + " methods are: %s.";
  static final String TRACE_INTERFACE_WITHOUT_MODEL =
      "@TraceInterface(%s.class, kind = LLM_CALL) names no model. Set model = \"...\".";
  static final String INVALID_PROXY_NAME =
      "proxyName = \"%s\" is not a Java class name. Use a simple name such as \"TracedClient\".";
  static final String WRAP_CLASH =
      "%s(%s) has the signature of the static factory wrap(%s) that the generated proxy needs."
          + " Rename the method.";
  static final String PROXY_NAME_CLASH =
      "AgentTrace would generate %s for %s, but a type of that name already exists. Rename one"
          + " of them.";
  static final String DUPLICATE_PROXY =
      "AgentTrace already generates %s for %s. Name this one with @TraceInterface(proxyName ="
          + " \"...\").";
  static final String UNRESOLVED_TYPES =
      "%s refers to types that never became available, so no proxy was generated for it. Check"
          + " the errors above for the missing types.";
  static final String INTERNAL_ERROR =
      "AgentTrace failed on %s because of an internal error (%s). Please report this message"
          + " with the annotated source.";

  private Messages() {}
}

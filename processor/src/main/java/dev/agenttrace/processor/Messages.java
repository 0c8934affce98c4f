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
          + " @LlmCall, or read it from an argument with request = @RequestPaths(model ="
          + " \"...\").";
  static final String MISSING_PROVIDER =
      "@%s on %s names no provider, but the GenAI conventions require gen_ai.provider.name on"
          + " %s spans. Set provider = \"openai\" (or \"anthropic\", \"aws.bedrock\", ...)"
          + " here or on the type's @%s, or name a default with @GenAiProvider(\"...\") on the"
          + " type or in package-info.java.";
  static final String REMOTE_ONLY_SETTING =
      "%s = \"%s\" applies only to remote agents: the GenAI conventions' in-process invoke_agent"
          + " span (INTERNAL) has no %s. Set remote = true if the agent runs in another service,"
          + " or remove it.";
  static final String BAD_PORT = "serverPort = %d is not a port. Use 1 to 65535, or leave it out.";
  static final String PORT_WITHOUT_ADDRESS =
      "serverPort = %d is recorded only with serverAddress, as the GenAI conventions ask. Set"
          + " serverAddress = \"...\" too, or remove serverPort.";
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
  static final String RESULT_PATH_WITHOUT_RESULT =
      "%s returns %s, so there is no result to read %s from. Remove it here, or return the"
          + " model's response.";
  static final String RESULT_ACCESSOR_MISSING =
      "%s = \"%s\" cannot be read from the result of %s: %s has no public no-argument method"
          + " %s(). Name a chain of accessors of the return type, such as \"usage.inputTokens\""
          + " for result.usage().inputTokens().";
  static final String ARGUMENT_ACCESSOR_MISSING =
      "%s = \"%s\" cannot be read from the arguments of %s: %s has no public no-argument"
          + " method %s(). Name a parameter, then a chain of its accessors, such as"
          + " \"request.options.temperature\" for request.options().temperature().";
  static final String UNKNOWN_PARAMETER =
      "%s = \"%s\" must start with a parameter of %s, and \"%s\" is none. Its parameters"
          + " are: %s.";
  static final String SENSITIVE_PATH =
      "%s = \"%s\" reads parameter %s, which is @Sensitive and so never recorded. Remove the"
          + " path, or @Sensitive.";
  static final String VALUE_OF_WRONG_TYPE =
      "%s = \"%s\" ends at %s, which is %s, but %s needs %s. Point it at such a value.";
  static final String NOT_IN_CONVENTIONS =
      "%s has no effect on %s: the GenAI conventions define %s only on %s spans. Remove it.";
  static final String TOOL_CALL_ID_NOT_ON_TOOL =
      "@ToolCallId on parameter %s would never be recorded, because %s is not a @Tool. Remove"
          + " it, or trace the method as a tool.";
  static final String TOOL_CALL_ID_TWICE =
      "@ToolCallId on parameter %s: %s already has one on parameter %s, and a call has one id."
          + " Keep one of them.";
  static final String TOOL_CALL_ID_AND_PATH =
      "@ToolCallId on parameter %s and callId = \"%s\" both name the tool call id of %s. Keep"
          + " one of them.";
  static final String TOOL_CALL_ID_SENSITIVE =
      "Parameter %s is both @Sensitive and @ToolCallId, so a value marked sensitive would be"
          + " recorded. Remove one of the two.";
  static final String TOOL_CALL_ID_TYPE =
      "@ToolCallId on parameter %s of type %s: a tool call id is a CharSequence or an integral"
          + " number. Put it on the parameter that holds the id, or use callId = \"...\" to read"
          + " it from an argument.";
  static final String CAPTURE_NOTHING =
      "captureMessages = true on %s would record nothing: no parameter that is not @Sensitive"
          + " is a CharSequence, a dev.agenttrace.GenAiMessage (or an Iterable or array of them)"
          + " or a dev.agenttrace.ModelInput, and the result is none of those or a"
          + " dev.agenttrace.ModelOutput. Let the request or response type implement ModelInput"
          + " or ModelOutput, or remove captureMessages.";
  static final String CAPTURE_NOT_IN_CONVENTIONS =
      "captureMessages = true on %s has no effect: the GenAI conventions define no message"
          + " content on %s spans. Remove it.";
  static final String SETTING_NOT_FOR_KIND =
      "%s has no effect for kind = %s on @TraceInterface(%s.class). Remove it, or choose the kind"
          + " it belongs to (%s).";
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
      "@TraceInterface(%s.class, kind = LLM_CALL) names no model. Set model = \"...\", or read"
          + " it with request = @RequestPaths(model = \"...\").";
  static final String TRACE_INTERFACE_WITHOUT_PROVIDER =
      "@TraceInterface(%s.class, kind = %s) names no provider, but the GenAI conventions require"
          + " gen_ai.provider.name. Set provider = \"...\", or name a default with"
          + " @GenAiProvider(\"...\") on this type or in package-info.java.";
  static final String INVALID_PROXY_NAME =
      "proxyName = \"%s\" on @TraceInterface(%s.class) is not a Java class name. Use a simple"
          + " name such as \"TracedClient\".";
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
  static final String SOURCE_LEVEL_TOO_OLD =
      "AgentTrace needs --release 17 or newer, but this compilation is at source level %s, so no"
          + " proxy was generated. Set maven.compiler.release to 17 (Maven), or"
          + " options.release = 17 (Gradle).";
  static final String INTERNAL_ERROR =
      "AgentTrace failed on %s because of an internal error (%s). Please report this message"
          + " with the annotated source.";

  private Messages() {}
}

package dev.agenttrace.processor;

import com.palantir.javapoet.ClassName;

/**
 * The runtime types the generated code names. The processor never depends on the runtime module:
 * these constants are the whole contract, and they name only public, stable runtime API, so that
 * proxies compiled against one runtime version keep working on later ones.
 */
final class RuntimeNames {
  private static final String RUNTIME = "dev.agenttrace";

  /** The runtime's support for generated code: no compatibility promise beyond this processor. */
  private static final String PROXY_SUPPORT = "dev.agenttrace.proxy";

  static final ClassName AGENT_TRACE = ClassName.get(RUNTIME, "AgentTrace");
  static final ClassName TRACER = ClassName.get(RUNTIME, "Tracer");
  static final ClassName SPAN = ClassName.get(RUNTIME, "Span");
  static final ClassName SCOPE = ClassName.get(RUNTIME, "Scope");
  static final ClassName SPAN_TEMPLATE = ClassName.get(RUNTIME, "SpanTemplate");
  static final ClassName ATTRIBUTE_KEY = ClassName.get(RUNTIME, "AttributeKey");
  static final ClassName SEMANTIC_ATTRIBUTES = ClassName.get(RUNTIME, "SemanticAttributes");
  static final ClassName TOKEN_USAGE = ClassName.get(RUNTIME, "TokenUsage");

  static final ClassName SPAN_TEMPLATES = ClassName.get(PROXY_SUPPORT, "SpanTemplates");
  static final ClassName ATTRIBUTE_VALUES = ClassName.get(PROXY_SUPPORT, "AttributeValues");
  static final ClassName TOOL_CALL_JSON = ClassName.get(PROXY_SUPPORT, "ToolCallJson");
  static final ClassName STREAMING_CALL = ClassName.get(PROXY_SUPPORT, "StreamingCall");
  static final ClassName TRACED_PUBLISHER = ClassName.get(PROXY_SUPPORT, "TracedPublisher");
  static final ClassName TRACED_STREAMS = ClassName.get(PROXY_SUPPORT, "TracedStreams");
  static final ClassName PROXY_CLASSES = ClassName.get(PROXY_SUPPORT, "ProxyClasses");
  static final ClassName GEN_AI_VALUES = ClassName.get(PROXY_SUPPORT, "GenAiValues");
  static final ClassName MESSAGE_JSON = ClassName.get(PROXY_SUPPORT, "MessageJson");
  static final ClassName CONTENT_CAPTURE = ClassName.get(RUNTIME, "ContentCapture");

  static final ClassName GENERATED = ClassName.get("javax.annotation.processing", "Generated");

  private RuntimeNames() {}
}

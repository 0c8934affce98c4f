package dev.agenttrace.annotations;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Repeatable;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Asks for a tracing proxy of an interface you cannot annotate, such as a model client of an agent
 * framework that you only have as a jar. Put it on any type you own; repeat it for several
 * interfaces.
 *
 * <pre>{@code
 * @TraceInterface(
 *     value = ChatClient.class,
 *     kind = Operation.LLM_CALL,
 *     model = "gpt-4o",
 *     provider = "openai",
 *     inputTokens = "usage.promptTokens",
 *     outputTokens = "usage.completionTokens")
 * @TraceInterface(value = SearchTool.class, kind = Operation.TOOL, name = "web_search")
 * final class Tracing {}
 *
 * ChatClient traced = ChatClientTraced.wrap(client);
 * }</pre>
 *
 * <p>The proxy is generated in the package of the annotated type (not the interface's, which you do
 * not own), named {@code {Interface}Traced} unless {@link #proxyName()} says otherwise. The
 * settings mean what the same attributes mean on the annotation of the chosen {@link #kind()}, put
 * on the interface. Settings that do not apply to the kind, unknown method names and token paths
 * that fit no traced method are compile errors, and so is a request that traces no method.
 *
 * <p><b>Which methods, and how.</b> Traced are the abstract methods and the default methods that
 * take parameters (or those listed in {@link #methods()}); a default method without parameters
 * ({@code provider()}, {@code dimension()}) or a getter ({@code getToolDefinition()}) reads a
 * property and is forwarded, as are {@code equals}/{@code hashCode}/{@code toString}; a default
 * method returning the interface ({@code addListener}) runs on the proxy, so what it builds stays
 * traced. A traced method is forwarded to the wrapped instance inside its span, so the instance's
 * own implementation runs and the calls it makes on itself record nothing more: one user-level
 * call, one span. Agent frameworks ship model interfaces made of default methods that funnel into
 * one another ({@code chat(String)} into {@code chat(ChatRequest)}); for a model call whose result
 * cannot carry the token counts ({@code String chat(String)}), the proxy instead runs the
 * interface's own default code, on a view of the wrapped instance, so that the call it funnels into
 * records the counts of the response it produced on the same one span. The trade-off: an override
 * of that one method in the wrapped instance is not called (its override of the method funnelled
 * into is); every other override is.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.TYPE)
@Repeatable(TraceInterfaces.class)
public @interface TraceInterface {
  /** The public interface to trace. */
  Class<?> value();

  /** What a call is; {@link Operation#TRACED} (a generic span) unless set. */
  Operation kind() default Operation.TRACED;

  /**
   * The agent name ({@link Operation#AGENT_RUN}, {@link Operation#CREATE_AGENT}), the tool name
   * ({@link Operation#TOOL}: of every traced method, the variants of one tool such as {@code
   * execute} and {@code executeWithContext}) or the span name prefix ({@link Operation#TRACED}).
   * When empty, as for the annotation: the interface's or the method's simple name.
   */
  String name() default "";

  /** The agent's or tool's description. */
  String description() default "";

  /** For {@link Operation#LLM_CALL}: what the call does, as {@link LlmCall#operation()}. */
  LlmOperation operation() default LlmOperation.CHAT;

  /**
   * The requested model: required for {@link Operation#LLM_CALL} (unless read by {@code request
   * = @RequestPaths(model = ...)}), optional for agents and retrievals.
   */
  String model() default "";

  /**
   * The provider ({@code gen_ai.provider.name}): required for {@link Operation#LLM_CALL}, {@link
   * Operation#CREATE_AGENT} and remote agents, unless {@link GenAiProvider} on the annotated type
   * or its package names one; optional for {@link Operation#RETRIEVAL}.
   */
  String provider() default "";

  /**
   * For {@link Operation#AGENT_RUN}: the agent runs in another service, as {@link
   * AgentRun#remote()}.
   */
  boolean remote() default false;

  /** For a remote {@link Operation#AGENT_RUN}: the agent's id, as {@link AgentRun#agentId()}. */
  String agentId() default "";

  /** For a remote {@link Operation#AGENT_RUN} or {@link Operation#CREATE_AGENT}: its version. */
  String version() default "";

  /** For {@link Operation#RETRIEVAL}: the data source, as {@link Retrieval#dataSource()}. */
  String dataSource() default "";

  /** For {@link Operation#TOOL}: the tool type, as {@link Tool#type()}. */
  String type() default "function";

  /** For {@link Operation#TOOL}: where the tool call id is read, as {@link Tool#callId()}. */
  String callId() default "";

  /** The server's host name ({@code server.address}), for client operations. */
  String serverAddress() default "";

  /** The server's port ({@code server.port}), with {@link #serverAddress()}; 0 for none. */
  int serverPort() default 0;

  /** Request attributes read from the arguments, as {@link LlmCall#request()}. */
  RequestPaths request() default @RequestPaths;

  /** Response attributes read from the result, as {@link LlmCall#response()}. */
  ResponsePaths response() default @ResponsePaths;

  /**
   * For {@link Operation#LLM_CALL} and {@link Operation#AGENT_RUN}: record message content, as
   * {@link LlmCall#captureMessages()}.
   */
  boolean captureMessages() default false;

  /**
   * The methods to trace, by name (all overloads, abstract or default); when empty, every abstract
   * method and every default method with parameters.
   */
  String[] methods() default {};

  /**
   * Input token accessor path, as {@link LlmCall#inputTokens()}, on the result of each traced
   * method whose result type has it (the value a {@code CompletionStage} completes with, each
   * element of a stream, the final response a streaming handler receives). A method whose result
   * has no such path records the counts of the model call its default code funnels into (see
   * above), or none; a path that fits no traced method is a compile error.
   */
  String inputTokens() default "";

  /** Output token accessor path on the return type, as {@link LlmCall#outputTokens()}. */
  String outputTokens() default "";

  /** For {@link Operation#TOOL}: record the arguments, as {@link Tool#captureArguments()}. */
  boolean captureArguments() default false;

  /** For {@link Operation#TOOL}: record the result, as {@link Tool#captureResult()}. */
  boolean captureResult() default false;

  /**
   * The simple name of the generated proxy, for when two traced interfaces have the same simple
   * name; when empty, {@code {Interface}Traced}.
   */
  String proxyName() default "";

  /**
   * How the callback interfaces that traced methods take report the end of a streamed call, each
   * naming its interface with {@link StreamingHandler#type()}: a traced method with a parameter of
   * such a type keeps its span open until the handler hears the stream complete or fail.
   * LangChain4j's {@code StreamingChatResponseHandler} is known without it. Methods returning
   * {@code java.util.concurrent.Flow.Publisher} or {@code java.util.stream.Stream} are followed
   * without it.
   */
  StreamingHandler[] streamingHandlers() default {};
}

package dev.agenttrace.annotations;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Traces each call as one run of an agent, following the OpenTelemetry GenAI conventions: the span
 * is named {@code invoke_agent {name}} and carries {@code gen_ai.operation.name=invoke_agent},
 * {@code gen_ai.agent.name} and, when given, {@code gen_ai.agent.description}.
 *
 * <pre>{@code
 * @AgentRun(name = "orchestrator", description = "Routes customer questions")
 * public interface SupportAgent {
 *   String answer(String question);
 * }
 *
 * @AgentRun(name = "travel", remote = true, provider = "aws.bedrock", agentId = "AGENT123")
 * public interface TravelAgentClient {
 *   Itinerary plan(String request);
 * }
 * }</pre>
 *
 * <p>An agent running in this process gets an INTERNAL span (the conventions' {@code
 * gen_ai.invoke_agent.internal}), which has no provider, agent id, version or server. An agent in
 * another service ({@link #remote()}) gets a CLIENT span ({@code gen_ai.invoke_agent.client}),
 * which requires {@code gen_ai.provider.name}. Setting remote-only values on an in-process agent is
 * a compile error.
 *
 * <p>Tool and model calls made while the agent runs become children of its span, so one request
 * yields one tree, and the agent span carries the token totals of the model calls below it ({@code
 * gen_ai.usage.input_tokens}, {@code gen_ai.usage.output_tokens}).
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target({ElementType.TYPE, ElementType.METHOD})
public @interface AgentRun {
  /**
   * The agent's name ({@code gen_ai.agent.name}). When empty on a method, the enclosing type's
   * {@code @AgentRun} name is used; when empty there too, the simple name of the type.
   */
  String name() default "";

  /** A human-readable description of the agent ({@code gen_ai.agent.description}), if any. */
  String description() default "";

  /** The one model the agent uses ({@code gen_ai.request.model}), if it uses exactly one. */
  String model() default "";

  /**
   * Whether the agent runs in another service and this call is its client (a CLIENT span). On a
   * method, wins over the type's.
   */
  boolean remote() default false;

  /**
   * The provider hosting a remote agent ({@code gen_ai.provider.name}, required for remote agents,
   * or from {@link GenAiProvider}); remote agents only.
   */
  String provider() default "";

  /** The remote agent's stable id ({@code gen_ai.agent.id}); remote agents only. */
  String agentId() default "";

  /** The remote agent's version ({@code gen_ai.agent.version}); remote agents only. */
  String version() default "";

  /** The remote agent's host name ({@code server.address}); remote agents only. */
  String serverAddress() default "";

  /** The remote agent's port ({@code server.port}), with {@link #serverAddress()}; 0 for none. */
  int serverPort() default 0;

  /** Request attributes read from the arguments, as far as the conventions define them. */
  RequestPaths request() default @RequestPaths;

  /** Response attributes read from the result ({@code finishReasons}). */
  ResponsePaths response() default @ResponsePaths;

  /**
   * Records what the agent was asked and answered as {@code gen_ai.input.messages} and {@code
   * gen_ai.output.messages}, as {@link LlmCall#captureMessages()} does.
   */
  boolean captureMessages() default false;
}

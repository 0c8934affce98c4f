package dev.agenttrace.annotations;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Traces each call as creating an agent at a provider (an OpenAI assistant, a Bedrock agent),
 * following the GenAI conventions: a CLIENT span named {@code create_agent {name}} (or {@code
 * create_agent}) with {@code gen_ai.operation.name=create_agent} and the required {@code
 * gen_ai.provider.name}.
 *
 * <pre>{@code
 * @CreateAgent(name = "travel", provider = "openai", model = "gpt-4o",
 *     response = @ResponsePaths(agentId = "id"))
 * Assistant createTravelAgent(AssistantSpec spec);
 * }</pre>
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target({ElementType.TYPE, ElementType.METHOD})
public @interface CreateAgent {
  /** The created agent's name ({@code gen_ai.agent.name}); when empty, the type's, else none. */
  String name() default "";

  /** Its description ({@code gen_ai.agent.description}), if any. */
  String description() default "";

  /** Its version ({@code gen_ai.agent.version}), if any. */
  String version() default "";

  /**
   * The provider ({@code gen_ai.provider.name}), required: here, on the type's annotation or with
   * {@link GenAiProvider}.
   */
  String provider() default "";

  /** The model the agent uses ({@code gen_ai.request.model}), if any. */
  String model() default "";

  /** The server's host name ({@code server.address}), if constant. */
  String serverAddress() default "";

  /** The server's port ({@code server.port}), with {@link #serverAddress()}; 0 for none. */
  int serverPort() default 0;

  /** Where the created agent's id is read from the result ({@link ResponsePaths#agentId()}). */
  ResponsePaths response() default @ResponsePaths;
}

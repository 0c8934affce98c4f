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
 * SupportAgent traced = SupportAgentTraced.wrap(new MySupportAgent());
 * }</pre>
 *
 * <p>Tool and model calls made while the agent runs become children of its span, so one request
 * yields one tree.
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
}

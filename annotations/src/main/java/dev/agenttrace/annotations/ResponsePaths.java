package dev.agenttrace.annotations;

import java.lang.annotation.Documented;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Where a call's response attributes are read from its result (for a {@code CompletionStage}, the
 * value it completes with): each value is a path of public no-argument accessors, such as {@code
 * "metadata.id"} for {@code result.metadata().id()}. Checked at compile time, read without
 * reflection when the call succeeded and the span records.
 *
 * <pre>{@code
 * @LlmCall(provider = "anthropic", response = @ResponsePaths(
 *     id = "id", model = "model", finishReasons = "stopReason",
 *     cacheReadInputTokens = "usage.cacheReadInputTokens"))
 * Message create(MessageRequest request);
 * }</pre>
 *
 * <p>As in {@link RequestPaths}: a {@code null} records nothing, a throwing accessor skips the
 * attribute (counted) and never the call, enums are recorded by their lower-case name, and settings
 * the operation does not define are compile errors. Token counts that are negative mean unknown and
 * are not recorded.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target({})
public @interface ResponsePaths {
  /** {@code gen_ai.response.id}: a string. */
  String id() default "";

  /** {@code gen_ai.response.model}: a string. */
  String model() default "";

  /**
   * {@code gen_ai.response.finish_reasons}: strings or enums, one per choice; a single value (such
   * as LangChain4j's {@code finishReason()}) becomes a one-element array.
   */
  String finishReasons() default "";

  /** {@code gen_ai.usage.cache_read.input_tokens}: an integral number. */
  String cacheReadInputTokens() default "";

  /** {@code gen_ai.usage.cache_creation.input_tokens}: an integral number. */
  String cacheCreationInputTokens() default "";

  /** {@code gen_ai.usage.reasoning.output_tokens}: an integral number. */
  String reasoningOutputTokens() default "";

  /** {@code gen_ai.agent.id} of the agent a {@link CreateAgent} call created: a string. */
  String agentId() default "";
}

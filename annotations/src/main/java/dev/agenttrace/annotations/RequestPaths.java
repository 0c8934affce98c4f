package dev.agenttrace.annotations;

import java.lang.annotation.Documented;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Where a model or agent call's request parameters are read from its arguments, recorded as the
 * GenAI conventions' {@code gen_ai.request.*} attributes: each value is a path that starts with a
 * parameter's name and continues with public no-argument accessors, such as {@code
 * "request.parameters.maxOutputTokens"} for {@code request.parameters().maxOutputTokens()}, or just
 * {@code "temperature"} for a parameter of that name. Checked at compile time; read without
 * reflection, only when the span records, before the call.
 *
 * <pre>{@code
 * @LlmCall(provider = "openai", request = @RequestPaths(
 *     model = "request.model", maxTokens = "request.maxTokens", temperature = "request.temperature"))
 * ChatResponse chat(ChatRequest request);
 * }</pre>
 *
 * <p>A {@code null} along the way records nothing; an accessor that throws skips that attribute
 * (counted), never the call. Numbers may be primitives or their boxes; strings any {@code
 * CharSequence} or an enum (recorded by its name in lower case); string arrays an {@code Iterable},
 * an array, or a single string. An empty path (the default) reads nothing. Which settings an
 * operation accepts follows the conventions (embeddings have no temperature, for example): others
 * are compile errors.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target({})
public @interface RequestPaths {
  /**
   * {@code gen_ai.request.model}, read before the span starts, so that the span is named after it
   * ({@code chat gpt-4o-mini}) and samplers see it; when it reads null, the constant {@code model}
   * applies.
   */
  String model() default "";

  /** {@code gen_ai.request.max_tokens}: an integral number. */
  String maxTokens() default "";

  /** {@code gen_ai.request.temperature}: a number. */
  String temperature() default "";

  /** {@code gen_ai.request.top_p}: a number. */
  String topP() default "";

  /** {@code gen_ai.request.top_k}: an integral number. */
  String topK() default "";

  /** {@code gen_ai.request.stop_sequences}: strings. */
  String stopSequences() default "";

  /** {@code gen_ai.request.seed}: an integral number. */
  String seed() default "";

  /** {@code gen_ai.request.choice.count}: an integral number, recorded only when not 1. */
  String choiceCount() default "";

  /** {@code gen_ai.request.frequency_penalty}: a number. */
  String frequencyPenalty() default "";

  /** {@code gen_ai.request.presence_penalty}: a number. */
  String presencePenalty() default "";

  /** {@code gen_ai.request.stream}: a boolean, recorded only when true. */
  String stream() default "";

  /** {@code gen_ai.request.encoding_formats} (embeddings): strings. */
  String encodingFormats() default "";

  /** {@code server.address}, when it is not a constant: a string. */
  String serverAddress() default "";

  /** {@code server.port}, when it is not a constant: an integral number. */
  String serverPort() default "";
}

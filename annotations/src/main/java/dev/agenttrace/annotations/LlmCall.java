package dev.agenttrace.annotations;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Traces each call as a request to a language model, following the OpenTelemetry GenAI conventions:
 * the span is named {@code chat {model}} (or {@code embeddings {model}}, see {@link
 * #operationName()}), has kind {@code CLIENT} and carries {@code gen_ai.operation.name}, {@code
 * gen_ai.request.model} and, when given, {@code gen_ai.provider.name}. A call that streams its
 * response (a {@code Flow.Publisher} or {@code Stream} result, or a {@link StreamingHandler}
 * parameter) also carries {@code gen_ai.request.stream=true} and the time to its first chunk, and
 * its span lasts until the stream ends.
 *
 * <pre>{@code
 * @LlmCall(model = "gpt-4o", provider = "openai")
 * public interface ChatModel {
 *   Completion complete(String prompt);   // Completion implements TokenUsage: usage recorded
 *
 *   @LlmCall(inputTokens = "usage.promptTokens", outputTokens = "usage.completionTokens")
 *   Response chat(List<Message> messages);
 * }
 * }</pre>
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target({ElementType.TYPE, ElementType.METHOD})
public @interface LlmCall {
  /**
   * The requested model ({@code gen_ai.request.model}). When empty on a method, the enclosing
   * type's {@code @LlmCall} model is used; one of them must name it.
   */
  String model() default "";

  /**
   * The provider ({@code gen_ai.provider.name}), such as {@code openai}, {@code anthropic} or
   * {@code aws.bedrock}. When empty on a method, the enclosing type's is used.
   */
  String provider() default "";

  /**
   * How to read the input token count from the returned value, recorded as {@code
   * gen_ai.usage.input_tokens}: a dot-separated path of no-argument accessors, such as {@code
   * "usage.inputTokens"} for {@code response.usage().inputTokens()}. The last accessor returns an
   * integral number ({@code int}, {@code long}, {@code Integer}, {@code Long}, ...); a {@code null}
   * along the way records nothing. Checked at compile time. When empty and the return type (or the
   * value a returned {@code CompletionStage} completes with) implements {@code
   * dev.agenttrace.TokenUsage}, its counts are recorded.
   */
  String inputTokens() default "";

  /**
   * The GenAI operation ({@code gen_ai.operation.name}, and the first word of the span name):
   * {@code chat}, {@code text_completion}, {@code generate_content} or {@code embeddings}. When
   * empty on a method, the enclosing type's is used; when empty there too, {@code chat}.
   */
  String operationName() default "";

  /**
   * How to read the output token count ({@code gen_ai.usage.output_tokens}); see {@link
   * #inputTokens()}.
   */
  String outputTokens() default "";
}

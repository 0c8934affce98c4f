package dev.agenttrace.annotations;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Traces each call as a request to a language model, following the OpenTelemetry GenAI
 * conventions: the span is named {@code chat {model}}, has kind {@code CLIENT} and carries {@code
 * gen_ai.operation.name=chat}, {@code gen_ai.request.model} and, when given, {@code
 * gen_ai.provider.name}.
 *
 * <pre>{@code
 * @LlmCall(model = "gpt-4o", provider = "openai")
 * public interface ChatModel {
 *   Completion complete(String prompt);
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
}

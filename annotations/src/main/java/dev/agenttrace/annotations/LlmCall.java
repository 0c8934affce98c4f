package dev.agenttrace.annotations;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Traces each call as a request to a model, following the OpenTelemetry GenAI conventions: the span
 * is named {@code {operation} {model}} (such as {@code chat gpt-4o}), has kind {@code CLIENT} and
 * carries {@code gen_ai.operation.name}, {@code gen_ai.request.model} and the required {@code
 * gen_ai.provider.name}. A call that streams its response (a {@code Flow.Publisher} or {@code
 * Stream} result, or a {@link StreamingHandler} parameter) also carries {@code
 * gen_ai.request.stream=true} and the time to its first chunk, and its span lasts until the stream
 * ends.
 *
 * <pre>{@code
 * @LlmCall(model = "gpt-4o", provider = "openai")
 * public interface ChatModel {
 *   Completion complete(String prompt);   // Completion implements TokenUsage: usage recorded
 *
 *   @LlmCall(inputTokens = "usage.promptTokens", outputTokens = "usage.completionTokens",
 *       request = @RequestPaths(temperature = "options.temperature"),
 *       response = @ResponsePaths(id = "id", finishReasons = "choices.finishReasons"))
 *   Response chat(List<Message> messages, Options options);
 *
 *   @LlmCall(operation = LlmOperation.EMBEDDINGS, model = "text-embedding-3-small")
 *   float[] embed(String text);
 * }
 * }</pre>
 *
 * <p>A missing provider is a compile error: set it here, on the type's {@code @LlmCall} or for a
 * type or package with {@link GenAiProvider}.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target({ElementType.TYPE, ElementType.METHOD})
public @interface LlmCall {
  /**
   * What the call does; {@link LlmOperation#CHAT} unless set. On a method, wins over the type's.
   */
  LlmOperation operation() default LlmOperation.CHAT;

  /**
   * The requested model ({@code gen_ai.request.model}). When empty on a method, the enclosing
   * type's {@code @LlmCall} model is used; one of them, or a {@link RequestPaths#model()} path,
   * must name it.
   */
  String model() default "";

  /**
   * The provider ({@code gen_ai.provider.name}), such as {@code openai}, {@code anthropic} or
   * {@code aws.bedrock}. When empty on a method, the enclosing type's, then a {@link GenAiProvider}
   * default is used; the conventions require one.
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
   * How to read the output token count ({@code gen_ai.usage.output_tokens}); see {@link
   * #inputTokens()}. Embeddings have none.
   */
  String outputTokens() default "";

  /** Request attributes read from the arguments; see {@link RequestPaths}. */
  RequestPaths request() default @RequestPaths;

  /** Response attributes read from the result; see {@link ResponsePaths}. */
  ResponsePaths response() default @ResponsePaths;

  /**
   * The model server's host name ({@code server.address}), if constant, such as {@code
   * api.openai.com}.
   */
  String serverAddress() default "";

  /** The model server's port ({@code server.port}), with {@link #serverAddress()}; 0 for none. */
  int serverPort() default 0;

  /**
   * Records the messages sent and received ({@code gen_ai.input.messages}, {@code
   * gen_ai.output.messages} and, from a {@code dev.agenttrace.ModelInput} argument, {@code
   * gen_ai.system_instructions} and {@code gen_ai.tool.definitions}) when content capture is also
   * on for the JVM ({@code dev.agenttrace.ContentCapture}, off by default). {@code String}
   * arguments become user messages and a {@code String} result an assistant message; arguments and
   * results of the runtime's {@code GenAiMessage}, {@code ModelInput} and {@code ModelOutput} types
   * (or iterables of messages) give their messages. {@link Sensitive} parameters are never
   * captured. Not for embeddings.
   */
  boolean captureMessages() default false;
}

package dev.agenttrace.annotations;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Says how a callback interface reports the outcome of a streamed call, so that a traced method
 * taking such a handler keeps its span open until the stream ends instead of ending it when the
 * method returns.
 *
 * <p>The generated proxy passes the traced code a handler of its own that forwards every call to
 * the caller's handler, unchanged, on the same thread, after noting it: the first {@link #chunk()}
 * call records the time to the first chunk; a {@link #complete()} call ends the span (reading the
 * token counts from its one parameter, if the operation names them); an {@link #error()} call
 * records the failure and ends the span with status ERROR. The span ends once, at the first of
 * these; a handler that is never called is ended after a timeout (see {@code
 * dev.agenttrace.proxy.StreamingCall}).
 *
 * <p>Where to put it:
 *
 * <ul>
 *   <li>on your handler interface: every traced method taking it follows the stream;
 *   <li>on a parameter of a traced method, for a handler interface you do not own;
 *   <li>in {@link TraceInterface#streamingHandlers()}, naming the handler with {@link #type()}, for
 *       an interface and handler you only have as a jar.
 * </ul>
 *
 * <pre>{@code
 * @StreamingHandler(complete = "onComplete", error = "onError", chunk = "onToken")
 * public interface TokenHandler {
 *   void onToken(String token);
 *   void onComplete(Reply reply);
 *   void onError(Throwable error);
 * }
 * }</pre>
 *
 * <p>LangChain4j's {@code StreamingChatResponseHandler} is known without it (complete: {@code
 * onCompleteResponse}, error: {@code onError}, chunks: {@code onPartialResponse}, {@code
 * onPartialThinking}, {@code onPartialToolCall}). Method names that the handler does not have, an
 * error method that does not take one {@code Throwable}, a handler that is a class, or a handler
 * type with type variables or wildcards are compile errors.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target({ElementType.TYPE, ElementType.PARAMETER})
public @interface StreamingHandler {
  /**
   * The handler interface; only in {@link TraceInterface#streamingHandlers()}, where it is
   * required. On a type or parameter the handler is that type.
   */
  Class<?> type() default void.class;

  /** The methods called once when the stream succeeded, such as {@code onCompleteResponse}. */
  String[] complete();

  /** The methods called once with the failure, each taking one {@code Throwable}. */
  String[] error();

  /** The methods called with each streamed piece, such as {@code onPartialResponse}. */
  String[] chunk() default {};
}

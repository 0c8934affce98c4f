package dev.agenttrace.annotations;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Traces each call as the execution of a tool, following the OpenTelemetry GenAI conventions: the
 * span is named {@code execute_tool {name}} and carries {@code gen_ai.operation.name=execute_tool},
 * {@code gen_ai.tool.name}, {@code gen_ai.tool.type} and, when given, {@code
 * gen_ai.tool.description} and {@code gen_ai.tool.call.id}.
 *
 * <pre>{@code
 * @Tool
 * public interface OrderTools {
 *   @Tool(name = "lookup_order", description = "Find an order by id")
 *   Order lookupOrder(@SpanAttribute("order.id") String orderId);
 * }
 * }</pre>
 *
 * <p>On a type, every abstract method (and default method with parameters) becomes a tool named
 * after the method, unless the method carries its own {@code @Tool}. Nothing but {@link
 * SpanAttribute} parameters is recorded unless {@link #captureArguments()} or {@link
 * #captureResult()} asks for it.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target({ElementType.TYPE, ElementType.METHOD})
public @interface Tool {
  /** The tool's name ({@code gen_ai.tool.name}); when empty, the method's name. */
  String name() default "";

  /** What the tool does ({@code gen_ai.tool.description}), if given. */
  String description() default "";

  /**
   * The tool type ({@code gen_ai.tool.type}): {@code function} (the default: code the program runs
   * itself), {@code extension} (a call to an external service) or {@code datastore}; empty for
   * none.
   */
  String type() default "function";

  /**
   * Where the tool call's id ({@code gen_ai.tool.call.id}) is read from the arguments: a path that
   * starts with a parameter's name, such as {@code "request.id"}; see {@link ToolCallId} for a
   * parameter that is the id.
   */
  String callId() default "";

  /**
   * Records the arguments of each call as {@code gen_ai.tool.call.arguments}: a JSON object from
   * parameter name to value (strings, numbers and booleans as such, enums by name, anything else as
   * {@code String.valueOf}). Off by default, because arguments may hold personal data; {@link
   * Sensitive} parameters are always left out. On a type, applies to its methods unless a method's
   * own {@code @Tool} says otherwise.
   */
  boolean captureArguments() default false;

  /**
   * Records what each call returned as {@code gen_ai.tool.call.result}: a string as it is, anything
   * else as {@code String.valueOf}; for a {@code CompletionStage} the value it completes with. Off
   * by default.
   */
  boolean captureResult() default false;
}

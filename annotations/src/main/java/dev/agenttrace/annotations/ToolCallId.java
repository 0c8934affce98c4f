package dev.agenttrace.annotations;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Records the annotated argument as {@code gen_ai.tool.call.id}: the id the model gave the tool
 * call this execution answers. The same id is in the model span's captured output messages (the
 * {@code id} of its {@code tool_call} part), which is how a trace view links the model's request to
 * the tool span that ran it.
 *
 * <pre>{@code
 * @Tool(name = "lookup_order")
 * Order lookupOrder(@ToolCallId String callId, long orderId);
 * }</pre>
 *
 * <p>Only on a parameter of a {@link Tool} method, at most one per method, of a {@code
 * CharSequence} or integral type; a {@code null} records nothing. When the id is inside an
 * argument, use {@link Tool#callId()} with a path instead.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.PARAMETER)
public @interface ToolCallId {}

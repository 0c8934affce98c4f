package dev.agenttrace.annotations;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Keeps the annotated argument out of every capture: it is never part of {@code
 * gen_ai.tool.call.arguments}, whatever {@link Tool#captureArguments()} says.
 *
 * <pre>{@code
 * @Tool(name = "login", captureArguments = true)
 * Session login(String user, @Sensitive String password);   // arguments: {"user":"ada"}
 * }</pre>
 *
 * <p>Marking a parameter sensitive ahead of turning capture on is fine. Combining it with {@link
 * SpanAttribute} on the same parameter is a compile error, because the two contradict each other.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.PARAMETER)
public @interface Sensitive {}

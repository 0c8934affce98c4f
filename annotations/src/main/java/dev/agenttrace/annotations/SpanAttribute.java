package dev.agenttrace.annotations;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Records the annotated argument as an attribute of the method's span.
 *
 * <p>Values keep their type where OpenTelemetry has one: {@code boolean} as a boolean, integral
 * numbers ({@code byte short int long} and their boxes) as a long, {@code float double} and boxes
 * as a double, {@code String} and {@code char} as a string, enums by {@link Enum#name()}. Anything
 * else is recorded as {@link String#valueOf(Object)}. A {@code null} argument records nothing.
 *
 * <pre>{@code
 * Order lookupOrder(@SpanAttribute("order.id") String orderId);
 * }</pre>
 *
 * <p>Only parameters of traced methods may carry it; elsewhere it is a compile error, because the
 * attribute would silently never be recorded.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.PARAMETER)
public @interface SpanAttribute {
  /**
   * The attribute key, such as {@code order.id}. When empty, the parameter's name is used. Keys are
   * dot-separated lowercase words, as in the OpenTelemetry conventions; the processor rejects
   * malformed and duplicate keys.
   */
  String value() default "";
}

package dev.agenttrace.annotations;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Traces a generic operation: each call becomes a span named {@link #name()}.
 *
 * <p>Use it for steps of an agent that are neither an agent run, a tool nor a model call, such as
 * retrieval or planning. On a type it traces every abstract method of the type, and every default
 * method with parameters.
 *
 * <pre>{@code
 * @Traced
 * public interface Retriever {
 *   List<Document> search(@SpanAttribute("query") String query);   // span "Retriever.search"
 * }
 * }</pre>
 *
 * <p>The processor generates {@code RetrieverTraced} next to the annotated type (see the
 * {@linkplain dev.agenttrace.annotations package documentation} for the naming rule).
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target({ElementType.TYPE, ElementType.METHOD})
public @interface Traced {
  /**
   * The span name. When empty (the default) the span is named {@code SimpleTypeName.methodName},
   * for example {@code Retriever.search}.
   */
  String name() default "";
}

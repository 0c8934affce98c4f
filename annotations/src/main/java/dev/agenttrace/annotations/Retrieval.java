package dev.agenttrace.annotations;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Traces each call as a retrieval from a data source (a vector store, a search index), following
 * the GenAI conventions: a CLIENT span named {@code retrieval {dataSource}} (or {@code retrieval})
 * with {@code gen_ai.operation.name=retrieval}, {@code gen_ai.data_source.id} and, when known,
 * {@code gen_ai.provider.name}.
 *
 * <pre>{@code
 * @Retrieval(dataSource = "kb-products", provider = "openai")
 * public interface ProductSearch {
 *   List<Document> search(String query);
 * }
 * }</pre>
 *
 * <p>On a type it traces every abstract method; a method's own {@code @Retrieval} wins.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target({ElementType.TYPE, ElementType.METHOD})
public @interface Retrieval {
  /** The data source's id ({@code gen_ai.data_source.id}); when empty, the type's. */
  String dataSource() default "";

  /**
   * The provider ({@code gen_ai.provider.name}) when a GenAI provider serves the retrieval; when
   * empty, the type's or a {@link GenAiProvider} default, else none (the conventions require it
   * only "when applicable").
   */
  String provider() default "";

  /** The embedding model used for the query ({@code gen_ai.request.model}), if any. */
  String model() default "";

  /** The server's host name ({@code server.address}), if constant. */
  String serverAddress() default "";

  /** The server's port ({@code server.port}), with {@link #serverAddress()}; 0 for none. */
  int serverPort() default 0;
}

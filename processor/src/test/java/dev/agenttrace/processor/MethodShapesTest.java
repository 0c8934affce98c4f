package dev.agenttrace.processor;

import static dev.agenttrace.processor.ProxyTester.call;
import static dev.agenttrace.processor.ProxyTester.compiled;
import static dev.agenttrace.processor.ProxyTester.generatedSource;
import static dev.agenttrace.processor.ProxyTester.run;
import static dev.agenttrace.processor.ProxyTester.source;
import static dev.agenttrace.processor.ProxyTester.sources;
import static org.assertj.core.api.Assertions.assertThat;

import com.google.testing.compile.Compilation;
import dev.agenttrace.StatusCode;
import dev.agenttrace.spi.SpanData;
import java.lang.annotation.RetentionPolicy;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Every method shape an interface can have compiles into a proxy (under {@code -Xlint:all -Werror})
 * that traces or forwards it correctly.
 */
class MethodShapesTest {
  @RegisterExtension final ProxyTester tester = new ProxyTester();

  private static final String SHAPES =
      """
      package test;

      import java.io.IOException;
      import java.util.Collection;
      import java.util.List;

      public interface Repository<T, ID extends Comparable<ID>> {
        T find(ID id) throws IOException;

        List<T> findAll(Collection<? extends ID> ids);

        default int count() {
          return findAll(List.of()).size();
        }

        static String describe() {
          return "repository";
        }

        private String helper() {
          return "helper";
        }
      }

      package test;

      public interface Named {
        String name();
      }

      package test;

      public interface AlsoNamed {
        String name();
      }

      package test;

      import java.io.IOException;

      public interface FileCloser {
        void close() throws IOException;
      }

      package test;

      import java.sql.SQLException;

      public interface DatabaseCloser {
        void close() throws SQLException;
      }

      package test;

      import dev.agenttrace.annotations.SpanAttribute;
      import dev.agenttrace.annotations.Tool;
      import java.util.List;

      @Tool
      public interface Documents
          extends Repository<String, Long>, Named, AlsoNamed, FileCloser, DatabaseCloser {
        <R extends Comparable<? super R>> R max(List<? extends R> values);

        <E extends Enum<E>> E parse(Class<E> type, String text);

        String join(String separator, String... parts);

        int[][] grid(int size);

        long log(
            @SpanAttribute("log.level") int level,
            String delegate,
            String span,
            String scope,
            String e,
            String tracer,
            String result,
            String AgentTrace,
            String MAX);

        String find(Long id, String fallback);

        void nothing();
      }

      package test;

      import java.util.ArrayList;
      import java.util.Collection;
      import java.util.Collections;
      import java.util.List;

      class Library implements Documents {
        @Override public String find(Long id) { return "doc" + id; }
        @Override public List<String> findAll(Collection<? extends Long> ids) {
          List<String> found = new ArrayList<>();
          ids.forEach(id -> found.add(find(id)));
          return found;
        }
        @Override public String name() { return "library"; }
        @Override public void close() {}
        @Override public <R extends Comparable<? super R>> R max(List<? extends R> values) {
          return Collections.max(values);
        }
        @Override public <E extends Enum<E>> E parse(Class<E> type, String text) {
          return Enum.valueOf(type, text);
        }
        @Override public String join(String separator, String... parts) {
          return String.join(separator, parts);
        }
        @Override public int[][] grid(int size) { return new int[size][size]; }
        @Override public long log(
            int level, String delegate, String span, String scope, String e, String tracer,
            String result, String AgentTrace, String MAX) {
          return level + String.join("", delegate, span, scope, e, tracer, result, AgentTrace, MAX)
              .length();
        }
        @Override public String find(Long id, String fallback) { return id == null ? fallback : "x"; }
        @Override public void nothing() {}
        @Override public String toString() { return "Library"; }
      }
      """;

  @Test
  void everyMethodShapeIsTracedAndReturnsTheDelegatesResult() throws Exception {
    Object result =
        run(
            SHAPES
                + """
                package test;

                import java.lang.annotation.RetentionPolicy;
                import java.util.List;
                import java.util.concurrent.Callable;

                public class Driver implements Callable<Object> {
                  @Override
                  public Object call() throws Exception {
                    Documents docs = DocumentsTraced.wrap(new Library());
                    docs.close();
                    docs.nothing();
                    return List.of(
                        docs.find(7L),
                        docs.findAll(List.of(1L, 2L)),
                        docs.count(),
                        docs.name(),
                        docs.max(List.of(3, 9, 4)),
                        docs.parse(RetentionPolicy.class, "CLASS"),
                        docs.join("-", "a", "b", "c"),
                        docs.grid(2).length,
                        docs.log(1, "d", "s", "sc", "e", "t", "r", "a", "m"),
                        docs.find(null, "fallback"));
                  }
                }
                """);

    assertThat(result)
        .isEqualTo(
            List.of(
                "doc7",
                List.of("doc1", "doc2"),
                0,
                "library",
                9,
                RetentionPolicy.CLASS,
                "a-b-c",
                2,
                10L,
                "fallback"));
    // count() is a default method: forwarded to the delegate, whose findAll is not traced.
    assertThat(tester.spans())
        .extracting(SpanData::name)
        .containsExactly(
            "execute_tool close",
            "execute_tool nothing",
            "execute_tool find",
            "execute_tool findAll",
            "execute_tool name",
            "execute_tool max",
            "execute_tool parse",
            "execute_tool join",
            "execute_tool grid",
            "execute_tool log",
            "execute_tool find");
    assertThat(tester.spans()).extracting(SpanData::statusCode).containsOnly(StatusCode.UNSET);
    assertThat(tester.span("execute_tool log").attributes().get("log.level")).isEqualTo(1L);
  }

  @Test
  void methodInheritedFromSeveralInterfacesIsOverriddenOnceWithTheExceptionsAllAllow() {
    Compilation compilation = compiled(sources(SHAPES));

    String proxy = generatedSource(compilation, "test.DocumentsTraced");
    assertThat(proxy).containsOnlyOnce("public String name()");
    assertThat(proxy).contains("public void close() {");
    assertThat(proxy).contains("public String find(Long id) throws IOException {");
    assertThat(proxy).contains("public List<String> findAll(Collection<? extends Long> ids) {");
    assertThat(proxy).doesNotContain("describe()").doesNotContain("helper()");
  }

  @Test
  void parametersNamedLikeGeneratedNamesNeverClashWithThem() {
    Compilation compilation = compiled(sources(SHAPES));

    // Locals give way to parameters; parameters named like a field or a type the body uses are
    // renamed, which a signature allows.
    assertThat(generatedSource(compilation, "test.DocumentsTraced"))
        .contains(
            "public long log(int level, String delegate_, String span, String scope, String e,"
                + " String tracer,\n      String result, String AgentTrace_, String MAX_)")
        .contains("Tracer tracer_ = AgentTrace.tracer();")
        .contains("Span span_ = tracer_.startSpan(LOG, LOG_LEVEL, (long) level);")
        .contains(
            "return delegate.log(level, delegate_, span, scope, e, tracer, result, AgentTrace_,"
                + " MAX_);");
  }

  @Test
  void equalsIsSymmetricHashCodeAndToStringAreForwardedAndAProxyEqualsItself() throws Exception {
    Object result =
        run(
            SHAPES
                + """
                package test;

                import java.util.List;
                import java.util.concurrent.Callable;

                public class Driver implements Callable<Object> {
                  @Override
                  public Object call() {
                    Library library = new Library();
                    Documents docs = DocumentsTraced.wrap(library);
                    return List.of(
                        docs.toString(),
                        docs.hashCode() == library.hashCode(),
                        docs.equals(library),
                        library.equals(docs),
                        docs.equals(docs),
                        docs.equals(DocumentsTraced.wrap(library)),
                        docs.equals(DocumentsTraced.wrap(new Library())));
                  }
                }
                """);

    // A proxy and its raw delegate are never equal, either way round: equals stays symmetric.
    assertThat(result).isEqualTo(List.of("Library", true, false, false, true, true, false));
    assertThat(tester.spans()).isEmpty();
  }

  @Test
  void diamondInheritanceThroughGenericSuperInterfacesYieldsOneSubstitutedMethod()
      throws Exception {
    Object result =
        run(
            """
            package test;

            public interface Source<T> {
              T next();
            }

            package test;

            public interface Left extends Source<String> {}

            package test;

            public interface Right extends Source<String> {
              @Override
              String next();
            }

            package test;

            import dev.agenttrace.annotations.Traced;

            @Traced
            public interface Both extends Left, Right {}

            package test;

            import java.util.concurrent.Callable;

            public class Driver implements Callable<Object> {
              @Override
              public Object call() {
                return BothTraced.wrap(() -> "token").next();
              }
            }
            """);

    assertThat(result).isEqualTo("token");
    assertThat(tester.spans()).extracting(SpanData::name).containsExactly("Both.next");
  }

  @Test
  void genericInterfaceGetsGenericProxyWithBoundsKept() throws Exception {
    Object result =
        run(
            """
            package test;

            import dev.agenttrace.annotations.Traced;
            import java.util.Map;

            @Traced
            interface Ranking<K, V extends Comparable<V>> {
              V best(Map<K, ? extends V> scores);
            }

            package test;

            import java.util.Collections;
            import java.util.Map;
            import java.util.concurrent.Callable;

            public class Driver implements Callable<Object> {
              @Override
              public Object call() {
                Ranking<String, Integer> ranking =
                    RankingTraced.wrap(scores -> Collections.max(scores.values()));
                return ranking.best(Map.of("a", 1, "b", 5));
              }
            }
            """);

    assertThat(result).isEqualTo(5);
    assertThat(tester.spans()).extracting(SpanData::name).containsExactly("Ranking.best");
  }

  @Test
  void typeUseAnnotationsArePreservedOnParametersAndReturns() {
    Compilation compilation =
        compiled(
            sources(
                """
                package test;

                import java.lang.annotation.ElementType;
                import java.lang.annotation.Target;

                @Target(ElementType.TYPE_USE)
                public @interface Nullable {}

                package test;

                import dev.agenttrace.annotations.Traced;
                import java.util.List;

                @Traced
                public interface Lookup {
                  @Nullable String find(@Nullable String key, List<@Nullable String> more);

                  String @Nullable [] all();
                }
                """));

    assertThat(generatedSource(compilation, "test.LookupTraced"))
        .contains("public @Nullable String find(@Nullable String key, List<@Nullable String> more)")
        .contains("public String @Nullable [] all()");
  }

  @Test
  void nestedInterfaceProxyIsNamedAfterItsEnclosingTypes() throws Exception {
    run(
        """
        package test;

        import dev.agenttrace.annotations.Traced;

        class Outer {
          static class Middle {
            @Traced
            interface Inner {
              String hello();
            }
          }
        }

        package test;

        import java.util.concurrent.Callable;

        public class Driver implements Callable<Object> {
          @Override
          public Object call() {
            return Outer_Middle_InnerTraced.wrap(() -> "hi").hello();
          }
        }
        """);

    assertThat(tester.spans()).extracting(SpanData::name).containsExactly("Inner.hello");
    assertThat(tester.span("Inner.hello").attributes().get("code.function.name"))
        .isEqualTo("test.Outer$Middle$Inner.hello");
  }

  @Test
  void interfaceInTheDefaultPackageIsProxied() throws Exception {
    Compilation compilation =
        compiled(
            source(
                "Greeter",
                """
                import dev.agenttrace.annotations.Traced;

                @Traced
                interface Greeter {
                  String greet(String name);
                }
                """),
            source(
                "DefaultDriver",
                """
                import java.util.concurrent.Callable;

                public class DefaultDriver implements Callable<Object> {
                  @Override
                  public Object call() {
                    return GreeterTraced.wrap(name -> "hello " + name).greet("ada");
                  }
                }
                """));

    assertThat(call(compilation, "DefaultDriver")).isEqualTo("hello ada");
    assertThat(tester.spans()).extracting(SpanData::name).containsExactly("Greeter.greet");
  }

  @Test
  void deprecatedAndRawSignaturesCompileWithoutWarnings() {
    compiled(
        sources(
            """
            package test;

            import dev.agenttrace.annotations.Tool;
            import java.util.List;

            @Tool
            public interface Legacy {
              @Deprecated
              String old(String input);

              @SuppressWarnings("rawtypes")
              int size(List items);

              @SuppressWarnings("unchecked")
              String first(List<String>... lists);
            }
            """));
  }
}

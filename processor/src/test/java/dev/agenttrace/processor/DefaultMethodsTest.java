package dev.agenttrace.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static dev.agenttrace.processor.ProxyTester.assertSingleError;
import static dev.agenttrace.processor.ProxyTester.compileWithLibrary;
import static dev.agenttrace.processor.ProxyTester.library;
import static dev.agenttrace.processor.ProxyTester.run;
import static dev.agenttrace.processor.ProxyTester.runWithLibrary;
import static dev.agenttrace.processor.ProxyTester.source;
import static org.assertj.core.api.Assertions.assertThat;

import com.google.testing.compile.Compilation;
import dev.agenttrace.AgentTrace;
import dev.agenttrace.SemanticAttributes;
import dev.agenttrace.StatusCode;
import dev.agenttrace.spi.SpanData;
import java.io.File;
import java.nio.file.Path;
import java.util.List;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Interfaces made of default methods, as agent frameworks ship them (every overload funnels into
 * one method the provider overrides), are traced: one span per user-level call, with the token
 * counts of the response that call produced, also for an overload returning a {@code String};
 * properties, getters and methods building a new instance around the proxy are not operations.
 */
class DefaultMethodsTest {
  @RegisterExtension final ProxyTester tester = new ProxyTester();

  /** A framework's model and tool interfaces, compiled as a jar would ship them. */
  static final String FRAMEWORK =
      """
      package com.vendor.chat;

      public record Usage(Integer input, Integer output) {}

      package com.vendor.chat;

      public record Request(String text) {}

      package com.vendor.chat;

      public record Response(String text, Usage usage) {}

      package com.vendor.chat;

      public interface ChatModel {
        default Response chat(Request request) {
          return doChat(request);
        }

        default Response doChat(Request request) {
          throw new UnsupportedOperationException("doChat is not implemented");
        }

        default String chat(String message) {
          return chat(new Request(message)).text();
        }

        default Response chat(String... words) {
          return chat(new Request(String.join(" ", words)));
        }

        default String provider() {
          return "vendor";
        }
      }

      package com.vendor.chat;

      public interface ToolExecutor {
        String execute(Request request, Object memoryId);

        default Response executeWithContext(Request request, String context) {
          return new Response(execute(request, context), null);
        }
      }

      package com.vendor.chat;

      import java.util.List;

      public interface Retriever {
        List<String> retrieve(String query);

        default Retriever withLimit(int limit) {
          Retriever all = this;
          return query -> all.retrieve(query).subList(0, limit);
        }
      }

      package com.vendor.chat;

      public interface ToolCallback {
        String getDefinition();

        String call(String input);
      }

      package com.vendor.chat;

      public interface Settings {
        default String name() {
          return "settings";
        }
      }
      """;

  private static final String TRACING =
      """
      package test;

      import com.vendor.chat.ChatModel;
      import dev.agenttrace.annotations.Operation;
      import dev.agenttrace.annotations.TraceInterface;

      @TraceInterface(
          value = ChatModel.class,
          kind = Operation.LLM_CALL,
          model = "gpt-4o",
          provider = "openai",
          inputTokens = "usage.input",
          outputTokens = "usage.output")
      final class Tracing {}
      """;

  @TempDir Path libraryDirectory;
  private File library;

  @BeforeEach
  void compileFramework() throws Exception {
    library = library(libraryDirectory, FRAMEWORK);
  }

  @Test
  void everyUserLevelOverloadRecordsOneSpanWithTheTokensOfItsResponse() throws Exception {
    Object result =
        runWithModel(
            """
            @Override public Response doChat(Request request) {
              return new Response("re: " + request.text(), new Usage(12, 3));
            }
            """,
            """
            return model.chat("hi") + " | " + model.chat(new Request("x")).text()
                + " | " + model.chat("a", "b").text();
            """);

    assertThat(result).isEqualTo("re: hi | re: x | re: a b");
    assertThat(tester.spans())
        .extracting(SpanData::name)
        .containsExactly("chat gpt-4o", "chat gpt-4o", "chat gpt-4o");
    assertThat(tester.spans())
        .allSatisfy(
            span -> {
              assertThat(span.attributes().get(SemanticAttributes.GEN_AI_USAGE_INPUT_TOKENS))
                  .isEqualTo(12L);
              assertThat(span.attributes().get(SemanticAttributes.GEN_AI_USAGE_OUTPUT_TOKENS))
                  .isEqualTo(3L);
            });
  }

  @Test
  void stringOverloadReachesTheDelegatesOwnOverrideOfTheMethodItFunnelsInto() throws Exception {
    Object result =
        runWithModel(
            """
            @Override public Response chat(Request request) {
              return new Response("overridden", new Usage(5, 7));
            }
            """,
            """
            return model.chat("hi");
            """);

    assertThat(result).isEqualTo("overridden");
    SpanData span = tester.span("chat gpt-4o");
    assertThat(span.attributes().get(SemanticAttributes.GEN_AI_USAGE_INPUT_TOKENS)).isEqualTo(5L);
    assertThat(span.attributes().get(SemanticAttributes.GEN_AI_USAGE_OUTPUT_TOKENS)).isEqualTo(7L);
  }

  @Test
  void withTracingOffTheStringOverloadRunsTheSameCodeAndRecordsNothing() throws Exception {
    AgentTrace.uninstall();

    Object result =
        runWithModel(
            """
            @Override public Response doChat(Request request) {
              return new Response("untraced " + request.text(), null);
            }
            """,
            """
            return model.chat("hi");
            """);

    assertThat(result).isEqualTo("untraced hi");
    assertThat(tester.spans()).isEmpty();
  }

  @Test
  void defaultMethodWithoutParametersIsAPropertyAndForwardedUntraced() throws Exception {
    Object result =
        runWithModel(
            """
            @Override public String provider() { return "delegate's"; }
            """,
            """
            return model.provider();
            """);

    assertThat(result).isEqualTo("delegate's");
    assertThat(tester.spans()).isEmpty();
  }

  @Test
  void failureOfTheFunnelledCallMarksTheOneSpanAndPassesThroughUnchanged() throws Exception {
    Object result =
        runWithLibrary(
            library,
            driver(
                """
                static final IllegalStateException QUOTA = new IllegalStateException("quota");

                @Override
                public Object call() {
                  ChatModel model = ChatModelTraced.wrap(new ChatModel() {
                    @Override public Response doChat(Request request) { throw QUOTA; }
                  });
                  try {
                    model.chat("hi");
                    return "no exception";
                  } catch (IllegalStateException e) {
                    return e == QUOTA;
                  }
                }
                """));

    assertThat(result).isEqualTo(true);
    SpanData span = tester.span("chat gpt-4o");
    assertThat(span.statusCode()).isEqualTo(StatusCode.ERROR);
    assertThat(span.statusDescription()).isEqualTo("java.lang.IllegalStateException: quota");
  }

  @Test
  void requestedToolNameCoversEveryVariantOfTheTool() throws Exception {
    Object result =
        runWithLibrary(
            library,
            """
            package test;

            import com.vendor.chat.ToolExecutor;
            import dev.agenttrace.annotations.Operation;
            import dev.agenttrace.annotations.TraceInterface;

            @TraceInterface(value = ToolExecutor.class, kind = Operation.TOOL, name = "lookup_order")
            final class Tracing {}

            package test;

            import com.vendor.chat.Request;
            import com.vendor.chat.ToolExecutor;
            import java.util.concurrent.Callable;

            public class Driver implements Callable<Object> {
              @Override
              public Object call() {
                ToolExecutor tool = ToolExecutorTraced.wrap((request, memory) -> "order " + memory);
                return tool.executeWithContext(new Request("42"), "ctx").text()
                    + " | " + tool.execute(new Request("43"), "mem");
              }
            }
            """);

    assertThat(result).isEqualTo("order ctx | order mem");
    assertThat(tester.spans())
        .extracting(SpanData::name)
        .containsExactly("execute_tool lookup_order", "execute_tool lookup_order");
  }

  @Test
  void defaultMethodReturningTheInterfaceWrapsTheProxySoItsResultStaysTraced() throws Exception {
    Object result =
        runWithLibrary(
            library,
            """
            package test;

            import com.vendor.chat.Retriever;
            import dev.agenttrace.annotations.TraceInterface;

            @TraceInterface(Retriever.class)
            final class Tracing {}

            package test;

            import com.vendor.chat.Retriever;
            import java.util.List;
            import java.util.concurrent.Callable;

            public class Driver implements Callable<Object> {
              @Override
              public Object call() {
                Retriever retriever = RetrieverTraced.wrap(query -> List.of(query, "more"));
                return retriever.withLimit(1).retrieve("otel");
              }
            }
            """);

    assertThat(result).isEqualTo(List.of("otel"));
    assertThat(tester.spans()).extracting(SpanData::name).containsExactly("Retriever.retrieve");
  }

  @Test
  void requestedInterfacesGetterIsForwardedUntraced() throws Exception {
    Object result =
        runWithLibrary(
            library,
            """
            package test;

            import com.vendor.chat.ToolCallback;
            import dev.agenttrace.annotations.Operation;
            import dev.agenttrace.annotations.TraceInterface;

            @TraceInterface(value = ToolCallback.class, kind = Operation.TOOL, name = "weather")
            final class Tracing {}

            package test;

            import com.vendor.chat.ToolCallback;
            import java.util.concurrent.Callable;

            public class Driver implements Callable<Object> {
              @Override
              public Object call() {
                ToolCallback tool = ToolCallbackTraced.wrap(new ToolCallback() {
                  @Override public String getDefinition() { return "weather(city)"; }
                  @Override public String call(String input) { return "sunny in " + input; }
                });
                return tool.getDefinition() + " | " + tool.call("Paris");
              }
            }
            """);

    assertThat(result).isEqualTo("weather(city) | sunny in Paris");
    assertThat(tester.spans()).extracting(SpanData::name).containsExactly("execute_tool weather");
  }

  @Test
  void sourceInterfaceTracesDefaultMethodsWithParametersOncePerCall() throws Exception {
    Object result =
        run(
            """
            package test;

            import dev.agenttrace.annotations.Traced;

            @Traced
            interface Retriever {
              String search(String query, int limit);

              default String search(String query) {
                return search(query, 3);
              }
            }

            package test;

            import java.util.concurrent.Callable;

            public class Driver implements Callable<Object> {
              @Override
              public Object call() {
                Retriever retriever = RetrieverTraced.wrap((query, limit) -> query + limit);
                return retriever.search("otel");
              }
            }
            """);

    assertThat(result).isEqualTo("otel3");
    assertThat(tester.spans()).extracting(SpanData::name).containsExactly("Retriever.search");
  }

  @Test
  void tokenPathThatFitsNoTracedMethodIsAnErrorOnTheSetting() {
    JavaFileObject tracing =
        source(
            "test.Tracing",
            TRACING.replace("inputTokens = \"usage.input\"", "inputTokens = \"usage.inptu\""));

    assertSingleError(
        compileWithLibrary(library, tracing),
        tracing,
        "inputTokens = \"usage.inptu\" cannot be read from the result of",
        "inputTokens = ");
  }

  @Test
  void requestThatTracesNothingIsAnError() {
    JavaFileObject tracing = settingsRequest();

    assertSingleError(
        compileWithLibrary(library, tracing),
        tracing,
        String.format(Messages.TRACE_INTERFACE_NOTHING_TRACED, "Settings", "Settings"),
        "@TraceInterface");
  }

  @Test
  void requestThatTracesNothingIsAWarningWhenTheBuildAsksForIt() {
    JavaFileObject tracing = settingsRequest();

    Compilation compilation =
        ProxyTester.compile(
            List.of("-Aagenttrace.nothingTraced=warning"), List.of(library), tracing);

    assertThat(compilation).succeeded();
    assertThat(compilation)
        .hadWarningContaining(
            String.format(Messages.TRACE_INTERFACE_NOTHING_TRACED, "Settings", "Settings"))
        .inFile(tracing)
        .onLineContaining("@TraceInterface");
  }

  /**
   * Runs {@code statements} (which return the result) on {@code model}, a traced {@code ChatModel}
   * whose delegate has {@code overrides}.
   */
  private Object runWithModel(String overrides, String statements) throws Exception {
    return runWithLibrary(
        library,
        driver(
            """
            @Override
            public Object call() {
              ChatModel model = ChatModelTraced.wrap(new ChatModel() {
            %s
              });
            %s
            }
            """
                .formatted(overrides, statements)));
  }

  /** {@link #TRACING} and a {@code test.Driver} whose class body is {@code body}. */
  private static String driver(String body) {
    return TRACING
        + """
        package test;

        import com.vendor.chat.*;
        import java.util.concurrent.Callable;

        public class Driver implements Callable<Object> {
        %s}
        """
            .formatted(body);
  }

  private static JavaFileObject settingsRequest() {
    return source(
        "test.Tracing",
        """
        package test;

        import com.vendor.chat.Settings;
        import dev.agenttrace.annotations.TraceInterface;

        @TraceInterface(Settings.class)
        final class Tracing {}
        """);
  }
}

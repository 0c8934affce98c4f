package dev.agenttrace.processor;

import static dev.agenttrace.processor.ProxyTester.library;
import static dev.agenttrace.processor.ProxyTester.runWithLibrary;
import static org.assertj.core.api.Assertions.assertThat;

import dev.agenttrace.SemanticAttributes;
import dev.agenttrace.SpanKind;
import dev.agenttrace.spi.SpanData;
import java.io.File;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code @TraceInterface} traces interfaces a user cannot annotate, found only as class files, as
 * the operation kind the user chooses.
 */
class TraceInterfaceTest {
  @RegisterExtension final ProxyTester tester = new ProxyTester();

  /** An agent framework's client interfaces, as a jar would ship them. */
  static final String VENDOR_LIBRARY =
      """
      package com.vendor.llm;

      public final class Usage {
        private final Integer prompt;
        private final int completion;

        public Usage(Integer prompt, int completion) {
          this.prompt = prompt;
          this.completion = completion;
        }

        public Integer promptTokens() { return prompt; }
        public int completionTokens() { return completion; }
      }

      package com.vendor.llm;

      public final class ChatResponse {
        private final String text;
        private final Usage usage;

        public ChatResponse(String text, Usage usage) {
          this.text = text;
          this.usage = usage;
        }

        public String text() { return text; }
        public Usage usage() { return usage; }
      }

      package com.vendor.llm;

      import java.util.List;
      import java.util.concurrent.CompletableFuture;

      public interface ChatClient {
        ChatResponse chat(String prompt, List<String> history);

        CompletableFuture<ChatResponse> chatAsync(String prompt);

        default String provider() { return "vendor"; }
      }

      package com.vendor.llm;

      public interface WebSearch {
        String search(String query, int limit);

        String health();
      }
      """;

  @TempDir Path libraryDirectory;
  private File library;

  @BeforeEach
  void compileLibrary() throws Exception {
    library = library(libraryDirectory, VENDOR_LIBRARY);
  }

  @Test
  void modelClientFromClassFilesIsTracedAsLlmCallWithTokenUsage() throws Exception {
    Object result =
        runWithLibrary(
            library,
            """
            package test;

            import com.vendor.llm.ChatClient;
            import dev.agenttrace.annotations.Operation;
            import dev.agenttrace.annotations.TraceInterface;

            @TraceInterface(
                value = ChatClient.class,
                kind = Operation.LLM_CALL,
                model = "vendor-1",
                provider = "vendor",
                inputTokens = "usage.promptTokens",
                outputTokens = "usage.completionTokens")
            final class Tracing {}

            package test;

            import com.vendor.llm.ChatClient;
            import com.vendor.llm.ChatResponse;
            import com.vendor.llm.Usage;
            import java.util.List;
            import java.util.concurrent.Callable;
            import java.util.concurrent.CompletableFuture;

            public class Driver implements Callable<Object> {
              @Override
              public Object call() {
                ChatClient client = ChatClientTraced.wrap(new ChatClient() {
                  @Override public ChatResponse chat(String prompt, List<String> history) {
                    return new ChatResponse("hi", new Usage(12, 3));
                  }
                  @Override public CompletableFuture<ChatResponse> chatAsync(String prompt) {
                    return CompletableFuture.completedFuture(new ChatResponse("hey", null));
                  }
                });
                return client.chat("hello", List.of()).text()
                    + client.chatAsync("hello").join().text()
                    + client.provider();
              }
            }
            """);

    assertThat(result).isEqualTo("hiheyvendor");
    assertThat(tester.spans())
        .extracting(SpanData::name)
        .containsExactly("chat vendor-1", "chat vendor-1");
    SpanData chat = tester.spans().get(0);
    assertThat(chat.kind()).isEqualTo(SpanKind.CLIENT);
    assertThat(chat.attributes().get(SemanticAttributes.GEN_AI_PROVIDER_NAME)).isEqualTo("vendor");
    assertThat(chat.attributes().get(SemanticAttributes.GEN_AI_USAGE_INPUT_TOKENS)).isEqualTo(12L);
    assertThat(chat.attributes().get(SemanticAttributes.GEN_AI_USAGE_OUTPUT_TOKENS)).isEqualTo(3L);
    assertThat(chat.attributes().get(SemanticAttributes.CODE_FUNCTION_NAME))
        .isEqualTo("com.vendor.llm.ChatClient.chat");
    SpanData async = tester.spans().get(1);
    assertThat(async.attributes().asMap()).doesNotContainKey("gen_ai.usage.input_tokens");
  }

  @Test
  void toolInterfaceIsTracedAsToolWithOnlyTheListedMethodsAndCapture() throws Exception {
    Object result =
        runWithLibrary(
            library,
            """
            package test;

            import com.vendor.llm.WebSearch;
            import dev.agenttrace.annotations.Operation;
            import dev.agenttrace.annotations.TraceInterface;

            @TraceInterface(
                value = WebSearch.class,
                kind = Operation.TOOL,
                name = "web_search",
                description = "Searches the web",
                methods = "search",
                captureArguments = true,
                captureResult = true,
                proxyName = "TracedWebSearch")
            final class Tracing {}

            package test;

            import com.vendor.llm.WebSearch;
            import java.util.concurrent.Callable;

            public class Driver implements Callable<Object> {
              @Override
              public Object call() {
                WebSearch search = TracedWebSearch.wrap(new WebSearch() {
                  @Override public String search(String query, int limit) {
                    return "[\\"otel.io\\"]";
                  }
                  @Override public String health() { return "ok"; }
                });
                return search.search("opentelemetry", 3) + search.health();
              }
            }
            """);

    assertThat(result).isEqualTo("[\"otel.io\"]ok");
    SpanData span = tester.span("execute_tool web_search");
    assertThat(span.attributes().get(SemanticAttributes.GEN_AI_TOOL_DESCRIPTION))
        .isEqualTo("Searches the web");
    assertThat(span.attributes().get(SemanticAttributes.GEN_AI_TOOL_CALL_ARGUMENTS))
        .isEqualTo("{\"query\":\"opentelemetry\",\"limit\":3}");
    assertThat(span.attributes().get(SemanticAttributes.GEN_AI_TOOL_CALL_RESULT))
        .isEqualTo("[\"otel.io\"]");
    assertThat(tester.spans()).hasSize(1);
  }

  @Test
  void severalInterfacesCanBeRequestedFromOneTypeWithDefaultKind() throws Exception {
    runWithLibrary(
        library,
        """
        package test;

        import com.vendor.llm.ChatClient;
        import com.vendor.llm.WebSearch;
        import dev.agenttrace.annotations.TraceInterface;

        @TraceInterface(WebSearch.class)
        @TraceInterface(value = ChatClient.class, kind = dev.agenttrace.annotations.Operation.AGENT_RUN)
        final class Tracing {}

        package test;

        import com.vendor.llm.WebSearch;
        import java.util.concurrent.Callable;

        public class Driver implements Callable<Object> {
          @Override
          public Object call() {
            WebSearch search = WebSearchTraced.wrap(new WebSearch() {
              @Override public String search(String query, int limit) { return ""; }
              @Override public String health() { return "ok"; }
            });
            ChatClientTraced.class.getName();
            return search.health();
          }
        }
        """);

    assertThat(tester.spans()).extracting(SpanData::name).containsExactly("WebSearch.health");
  }
}

package dev.agenttrace.processor;

import static dev.agenttrace.processor.ProxyTester.compiled;
import static dev.agenttrace.processor.ProxyTester.generatedSource;
import static dev.agenttrace.processor.ProxyTester.jarOf;
import static dev.agenttrace.processor.ProxyTester.sources;
import static org.assertj.core.api.Assertions.assertThat;

import com.google.testing.compile.Compilation;
import dev.langchain4j.model.chat.ChatModel;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

/**
 * The generated source of representative proxies (an interface of tools, an annotated class, a
 * model call with token usage and a structured result, a model call with request and response paths
 * and message capture, and LangChain4j's default-method and streaming model interfaces), compared
 * line for line with reviewed golden files, so that any change to the generated code shows up in
 * review.
 *
 * <p>To accept a deliberate change, regenerate the file and review its diff:
 *
 * <pre>
 * mvn -B -q -pl processor -am verify -Dtest=GoldenFileTest -Dsurefire.failIfNoSpecifiedTests=false \
 *     -Dagenttrace.regenerateGolden=true
 * </pre>
 */
class GoldenFileTest {
  /** Set to {@code true} to rewrite the golden files instead of comparing with them. */
  static final String REGENERATE = "agenttrace.regenerateGolden";

  private static final Path GOLDEN = Path.of("src/test/resources/golden");

  @Test
  void generatedToolProxyMatchesGoldenFile() throws IOException {
    String generated =
        generatedSource(
            compiled(
                sources(
                    """
                    package test;

                    import dev.agenttrace.annotations.Sensitive;
                    import dev.agenttrace.annotations.SpanAttribute;
                    import dev.agenttrace.annotations.Tool;
                    import java.io.IOException;
                    import java.util.List;
                    import java.util.concurrent.CompletionStage;

                    /** Tools on the order database. */
                    @Tool(captureArguments = true)
                    public interface OrderTools {
                      @Tool(name = "lookup_order", description = "Find an order by id")
                      String lookupOrder(@SpanAttribute("order.id") String orderId)
                          throws IOException;

                      @Tool(name = "refund", captureResult = true)
                      CompletionStage<String> refund(
                          @SpanAttribute("order.id") String orderId,
                          @Sensitive String cardNumber,
                          long cents);

                      void audit(String note, @SpanAttribute("audit.tags") List<String> tags);

                      default String describe() {
                        return "orders";
                      }
                    }
                    """)),
            "test.OrderToolsTraced");

    assertMatchesGolden(generated, "OrderToolsTraced.java");
  }

  @Test
  void generatedSubclassProxyMatchesGoldenFile() throws IOException {
    String generated =
        generatedSource(
            compiled(
                sources(
                    """
                    package test;

                    import dev.agenttrace.annotations.AgentRun;
                    import dev.agenttrace.annotations.SpanAttribute;
                    import dev.agenttrace.annotations.Tool;
                    import java.io.IOException;

                    /** Plans a shipment; traced as a subclass, so its calls on itself are too. */
                    public class Planner {
                      private final String prefix;

                      public Planner(String prefix) {
                        this.prefix = prefix;
                      }

                      protected Planner(String prefix, int repeat) throws IOException {
                        this(prefix.repeat(repeat));
                      }

                      @AgentRun(name = "planner", description = "Plans shipments")
                      public String plan(@SpanAttribute("goal") String goal) {
                        return prefix + step(goal);
                      }

                      @Tool(name = "step")
                      protected String step(String goal) {
                        return "[" + goal + "]";
                      }
                    }
                    """)),
            "test.PlannerTraced");

    assertMatchesGolden(generated, "PlannerTraced.java");
  }

  @Test
  void generatedTokenUsageProxyMatchesGoldenFile() throws IOException {
    String generated =
        generatedSource(
            compiled(
                sources(
                    """
                    package test;

                    public record Usage(int promptTokenCount, Integer candidatesTokenCount) {}

                    package test;

                    public record Reply(String text, Usage usage) {}

                    package test;

                    import dev.agenttrace.annotations.LlmCall;
                    import java.util.concurrent.CompletableFuture;

                    /** A chat model whose replies carry their token counts. */
                    public interface ChatModel {
                      @LlmCall(
                          model = "gemini-2.5-flash",
                          provider = "gcp.gemini",
                          inputTokens = "usage.promptTokenCount",
                          outputTokens = "usage.candidatesTokenCount")
                      Reply chat(String prompt);

                      @LlmCall(
                          model = "gemini-2.5-flash",
                          provider = "gcp.gemini",
                          inputTokens = "usage.promptTokenCount",
                          outputTokens = "usage.candidatesTokenCount")
                      CompletableFuture<Reply> chatLater(String prompt);
                    }
                    """)),
            "test.ChatModelTraced");

    assertMatchesGolden(generated, "ChatModelTraced.java");
  }

  @Test
  void generatedProxiesOfLangChain4jModelsMatchGoldenFiles() throws IOException {
    Compilation compilation =
        ProxyTester.compile(
            ProxyTester.STRICT_OPTIONS,
            List.of(jarOf(ChatModel.class), jarOf(Nullable.class)),
            sources(
                """
                package test;

                import dev.agenttrace.annotations.Operation;
                import dev.agenttrace.annotations.TraceInterface;
                import dev.langchain4j.model.chat.ChatModel;
                import dev.langchain4j.model.chat.StreamingChatModel;

                /** LangChain4j's model interfaces: default methods only, one of them streaming. */
                @TraceInterface(
                    value = ChatModel.class,
                    kind = Operation.LLM_CALL,
                    model = "gpt-4o",
                    provider = "openai",
                    inputTokens = "tokenUsage.inputTokenCount",
                    outputTokens = "tokenUsage.outputTokenCount",
                    proxyName = "LangChain4jChatModelTraced")
                @TraceInterface(
                    value = StreamingChatModel.class,
                    kind = Operation.LLM_CALL,
                    model = "gpt-4o",
                    provider = "openai",
                    inputTokens = "tokenUsage.inputTokenCount",
                    outputTokens = "tokenUsage.outputTokenCount",
                    proxyName = "LangChain4jStreamingChatModelTraced")
                final class Tracing {}
                """));
    assertThat(compilation.diagnostics()).as("diagnostics").isEmpty();

    assertMatchesGolden(
        generatedSource(compilation, "test.LangChain4jChatModelTraced"),
        "LangChain4jChatModelTraced.java");
    assertMatchesGolden(
        generatedSource(compilation, "test.LangChain4jStreamingChatModelTraced"),
        "LangChain4jStreamingChatModelTraced.java");
  }

  @Test
  void generatedGenAiModelProxyMatchesGoldenFile() throws IOException {
    String generated =
        generatedSource(
            compiled(
                sources(
                    """
                    package test;

                    import java.util.List;

                    public record Request(String model, Double temperature, List<String> stop) {}

                    package test;

                    public record Response(String id, String finishReason, int inputTokens) {}

                    package test;

                    import dev.agenttrace.annotations.LlmCall;
                    import dev.agenttrace.annotations.RequestPaths;
                    import dev.agenttrace.annotations.ResponsePaths;
                    import dev.agenttrace.annotations.Sensitive;

                    /** A model whose request names the model, with message capture. */
                    @LlmCall(
                        provider = "openai",
                        serverAddress = "api.openai.com",
                        serverPort = 443,
                        captureMessages = true,
                        inputTokens = "inputTokens",
                        request =
                            @RequestPaths(
                                model = "request.model",
                                temperature = "request.temperature",
                                stopSequences = "request.stop"),
                        response = @ResponsePaths(id = "id", finishReasons = "finishReason"))
                    public interface Assistant {
                      Response ask(String prompt, Request request, @Sensitive String user);
                    }
                    """)),
            "test.AssistantTraced");

    assertMatchesGolden(generated, "AssistantTraced.java");
  }

  private static void assertMatchesGolden(String generated, String file) throws IOException {
    Path golden = GOLDEN.resolve(file);
    if (Boolean.getBoolean(REGENERATE)) {
      Files.createDirectories(GOLDEN);
      Files.writeString(golden, generated, StandardCharsets.UTF_8);
    }
    assertThat(generated).isEqualTo(Files.readString(golden, StandardCharsets.UTF_8));
  }
}

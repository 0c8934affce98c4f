package dev.agenttrace.processor;

import static dev.agenttrace.processor.ProxyTester.jarOf;
import static dev.agenttrace.processor.ProxyTester.runAgainst;
import static org.assertj.core.api.Assertions.assertThat;

import com.google.testing.compile.Compilation;
import dev.agenttrace.ContentCapture;
import dev.agenttrace.SemanticAttributes;
import dev.agenttrace.SpanKind;
import dev.agenttrace.StatusCode;
import dev.agenttrace.proxy.StreamingCall;
import dev.agenttrace.spi.SpanData;
import dev.agenttrace.spi.SpanEvent;
import dev.langchain4j.model.chat.ChatModel;
import java.io.File;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The README's declaration over the real {@code ChatModel}, {@code StreamingChatModel} and {@code
 * EmbeddingModel} of LangChain4j 1.19.0 (from Maven Central), whose methods are all default methods
 * funnelling into one another: each user-level call is one {@code chat gpt-4o} (or {@code
 * embeddings ...}) span with the token counts of the response produced, and a streamed call's span
 * lasts until {@code onCompleteResponse}. Compiled with the README's {@code -Xlint:all -Werror}.
 */
class LangChain4jTest {
  @RegisterExtension final ProxyTester tester = new ProxyTester();

  /** LangChain4j's core jar and the jar of the annotations its class files carry. */
  private static final List<File> LANGCHAIN4J =
      List.of(jarOf(ChatModel.class), jarOf(Nullable.class));

  private static final String TRACING =
      """
      package test;

      import dev.agenttrace.annotations.Operation;
      import dev.agenttrace.annotations.TraceInterface;
      import dev.langchain4j.model.chat.ChatModel;
      import dev.langchain4j.model.chat.StreamingChatModel;

      @TraceInterface(
          value = ChatModel.class,
          kind = Operation.LLM_CALL,
          model = "gpt-4o",
          provider = "openai",
          inputTokens = "tokenUsage.inputTokenCount",
          outputTokens = "tokenUsage.outputTokenCount")
      @TraceInterface(
          value = StreamingChatModel.class,
          kind = Operation.LLM_CALL,
          model = "gpt-4o",
          provider = "openai",
          inputTokens = "tokenUsage.inputTokenCount",
          outputTokens = "tokenUsage.outputTokenCount")
      final class Tracing {}

      package test;

      import dev.langchain4j.data.message.AiMessage;
      import dev.langchain4j.model.chat.response.ChatResponse;
      import dev.langchain4j.model.output.TokenUsage;

      final class Responses {
        static ChatResponse hello() {
          return ChatResponse.builder()
              .aiMessage(AiMessage.from("Hello"))
              .tokenUsage(new TokenUsage(12, 3))
              .build();
        }
      }
      """;

  private static List<String> eventNames(SpanData span) {
    return span.events().stream().map(SpanEvent::name).toList();
  }

  @Test
  void everyChatOverloadIsOneSpanWithTheTokenCountsOfItsResponse() throws Exception {
    Object result =
        runAgainst(
            LANGCHAIN4J,
            TRACING
                + """
                package test;

                import dev.langchain4j.data.message.UserMessage;
                import dev.langchain4j.model.chat.ChatModel;
                import dev.langchain4j.model.chat.request.ChatRequest;
                import dev.langchain4j.model.chat.response.ChatResponse;
                import java.util.List;
                import java.util.concurrent.Callable;

                public class Driver implements Callable<Object> {
                  @Override
                  public Object call() {
                    ChatModel model = ChatModelTraced.wrap(new ChatModel() {
                      @Override public ChatResponse doChat(ChatRequest request) {
                        return Responses.hello();
                      }
                    });
                    UserMessage hi = UserMessage.from("hi");
                    return List.of(
                        model.chat("hi"),
                        model.chat(ChatRequest.builder().messages(hi).build()).aiMessage().text(),
                        model.chat(hi).aiMessage().text(),
                        model.chat(List.of(hi)).aiMessage().text());
                  }
                }
                """);

    assertThat(result).isEqualTo(List.of("Hello", "Hello", "Hello", "Hello"));
    assertThat(tester.spans()).hasSize(4);
    assertThat(tester.spans())
        .allSatisfy(
            span -> {
              assertThat(span.name()).isEqualTo("chat gpt-4o");
              assertThat(span.kind()).isEqualTo(SpanKind.CLIENT);
              assertThat(span.attributes().get(SemanticAttributes.GEN_AI_PROVIDER_NAME))
                  .isEqualTo("openai");
              assertThat(span.attributes().get(SemanticAttributes.GEN_AI_USAGE_INPUT_TOKENS))
                  .isEqualTo(12L);
              assertThat(span.attributes().get(SemanticAttributes.GEN_AI_USAGE_OUTPUT_TOKENS))
                  .isEqualTo(3L);
            });
  }

  @Test
  void propertiesTheFrameworkReadsAreForwardedWithoutSpans() throws Exception {
    Object result =
        runAgainst(
            LANGCHAIN4J,
            TRACING
                + """
                package test;

                import dev.langchain4j.model.ModelProvider;
                import dev.langchain4j.model.chat.ChatModel;
                import java.util.concurrent.Callable;

                public class Driver implements Callable<Object> {
                  @Override
                  public Object call() {
                    ChatModel model = ChatModelTraced.wrap(new ChatModel() {
                      @Override public ModelProvider provider() { return ModelProvider.OPEN_AI; }
                    });
                    model.defaultRequestParameters();
                    model.supportedCapabilities();
                    model.listeners();
                    return model.provider();
                  }
                }
                """);

    assertThat(result).hasToString("OPEN_AI");
    assertThat(tester.spans()).isEmpty();
  }

  @Test
  void requestedMessageCaptureRecordsTheOverloadsThatTakeText() throws Exception {
    ContentCapture.setEnabled(true);
    try {
      Object result =
          runAgainst(
              LANGCHAIN4J,
              TRACING.replace(
                      "provider = \"openai\",", "provider = \"openai\", captureMessages = true,")
                  + """
                  package test;

                  import dev.langchain4j.model.chat.ChatModel;
                  import dev.langchain4j.model.chat.request.ChatRequest;
                  import dev.langchain4j.model.chat.response.ChatResponse;
                  import java.util.concurrent.Callable;

                  public class Driver implements Callable<Object> {
                    @Override
                    public Object call() {
                      ChatModel model = ChatModelTraced.wrap(new ChatModel() {
                        @Override public ChatResponse doChat(ChatRequest request) {
                          return Responses.hello();
                        }
                      });
                      return model.chat("hi");
                    }
                  }
                  """);

      assertThat(result).isEqualTo("Hello");
      assertThat(tester.spans()).singleElement();
      SpanData span = tester.spans().get(0);
      assertThat(span.attributes().get(SemanticAttributes.GEN_AI_INPUT_MESSAGES)).contains("hi");
      assertThat(span.attributes().get(SemanticAttributes.GEN_AI_OUTPUT_MESSAGES))
          .contains("Hello");
      assertThat(span.attributes().get(SemanticAttributes.GEN_AI_USAGE_INPUT_TOKENS))
          .isEqualTo(12L);
    } finally {
      ContentCapture.setEnabled(false);
    }
  }

  @Test
  void everyEmbeddingOverloadIsOneEmbeddingsSpanWithItsInputTokens() throws Exception {
    // EmbeddingModel's methods carry LangChain4j's runtime @Experimental, which the overrides copy;
    // like any annotation no processor claims, javac's processing lint reports it.
    Compilation compilation =
        ProxyTester.compile(
            List.of("-Xlint:all,-processing", "-Werror"),
            LANGCHAIN4J,
            ProxyTester.sources(
                """
            package test;

            import dev.agenttrace.annotations.LlmOperation;
            import dev.agenttrace.annotations.Operation;
            import dev.agenttrace.annotations.TraceInterface;
            import dev.langchain4j.model.embedding.EmbeddingModel;

            @TraceInterface(
                value = EmbeddingModel.class,
                kind = Operation.LLM_CALL,
                operation = LlmOperation.EMBEDDINGS,
                model = "text-embedding-3-small",
                provider = "openai",
                inputTokens = "tokenUsage.inputTokenCount")
            final class Tracing {}

            package test;

            import dev.langchain4j.data.embedding.Embedding;
            import dev.langchain4j.data.segment.TextSegment;
            import dev.langchain4j.model.embedding.EmbeddingModel;
            import dev.langchain4j.model.output.Response;
            import dev.langchain4j.model.output.TokenUsage;
            import java.util.List;
            import java.util.concurrent.Callable;

            public class Driver implements Callable<Object> {
              @Override
              public Object call() {
                EmbeddingModel model = EmbeddingModelTraced.wrap(new EmbeddingModel() {
                  @Override
                  public Response<List<Embedding>> embedAll(List<TextSegment> segments) {
                    List<Embedding> vectors =
                        segments.stream().map(s -> Embedding.from(new float[] {1, 2, 3})).toList();
                    return Response.from(vectors, new TokenUsage(7));
                  }
                });
                TextSegment hi = TextSegment.from("hi");
                return List.of(
                    model.embed("hi").content().dimension(),
                    model.embed(hi).content().dimension(),
                    model.embedAll(List.of(hi, hi)).content().size());
              }
            }
            """));
    assertThat(compilation.diagnostics()).as("diagnostics").isEmpty();

    Object result = ProxyTester.call(compilation);

    assertThat(result).isEqualTo(List.of(3, 3, 2));
    assertThat(tester.spans()).hasSize(3);
    assertThat(tester.spans())
        .allSatisfy(
            span -> {
              assertThat(span.name()).isEqualTo("embeddings text-embedding-3-small");
              assertThat(span.kind()).isEqualTo(SpanKind.CLIENT);
              assertThat(span.attributes().get(SemanticAttributes.GEN_AI_OPERATION_NAME))
                  .isEqualTo("embeddings");
              assertThat(span.attributes().get(SemanticAttributes.GEN_AI_USAGE_INPUT_TOKENS))
                  .isEqualTo(7L);
            });
  }

  /**
   * A streaming model whose {@code doChat} streams on a thread of its own once released. The driver
   * returns {@code [release, seen]}: running {@code release} lets the model stream and waits until
   * the caller's handler heard the end; {@code seen} is what that handler heard, the last entry
   * being the nanoseconds from the call's return to the model's ending the stream (the traced span
   * must still be open then; it ends as the model's end reaches the proxy's handler).
   */
  private static final String STREAMING_DRIVER =
      """
      package test;

      import dev.langchain4j.model.chat.StreamingChatModel;
      import dev.langchain4j.model.chat.request.ChatRequest;
      import dev.langchain4j.model.chat.response.ChatResponse;
      import dev.langchain4j.model.chat.response.StreamingChatResponseHandler;
      import java.util.List;
      import java.util.concurrent.Callable;
      import java.util.concurrent.CopyOnWriteArrayList;
      import java.util.concurrent.CountDownLatch;
      import java.util.concurrent.TimeUnit;

      public class Driver implements Callable<Object> {
        static final RuntimeException FAILURE = new IllegalStateException("stream broke");

        @Override
        public Object call() {
          CountDownLatch released = new CountDownLatch(1);
          CountDownLatch heardEnd = new CountDownLatch(1);
          List<Object> seen = new CopyOnWriteArrayList<>();
          long[] returned = new long[1];
          long[] beforeEnd = new long[1];
          StreamingChatModel model = StreamingChatModelTraced.wrap(new StreamingChatModel() {
            @Override
            public void doChat(ChatRequest request, StreamingChatResponseHandler handler) {
              new Thread(() -> {
                try {
                  released.await();
                  handler.onPartialResponse("Hel");
                  Thread.sleep(30);
                  handler.onPartialResponse("lo");
                  beforeEnd[0] = System.nanoTime() - returned[0];
                  END;
                } catch (InterruptedException e) {
                  handler.onError(e);
                }
              }, "model-stream").start();
            }
          });
          model.chat("hi", new StreamingChatResponseHandler() {
            @Override public void onPartialResponse(String partial) { seen.add(partial); }
            @Override public void onCompleteResponse(ChatResponse response) {
              seen.add(response.aiMessage().text() + " on " + Thread.currentThread().getName());
              seen.add(beforeEnd[0]);
              heardEnd.countDown();
            }
            @Override public void onError(Throwable error) {
              seen.add("error " + (error == FAILURE));
              seen.add(beforeEnd[0]);
              heardEnd.countDown();
            }
          });
          returned[0] = System.nanoTime();
          Runnable release = () -> {
            released.countDown();
            try {
              heardEnd.await(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
              Thread.currentThread().interrupt();
            }
          };
          return List.of(release, seen);
        }
      }
      """;

  /** Starts the streaming driver, whose model ends the stream with {@code end}. */
  private List<?> startStream(String end) throws Exception {
    return (List<?>) runAgainst(LANGCHAIN4J, TRACING + STREAMING_DRIVER.replace("END", end));
  }

  @Test
  void streamedChatSpanLastsUntilOnCompleteResponseWithTokensAndTimeToFirstChunk()
      throws Exception {
    List<?> driver = startStream("handler.onCompleteResponse(Responses.hello())");
    assertThat(tester.spans()).as("spans while the model has not streamed yet").isEmpty();

    ((Runnable) driver.get(0)).run();

    List<Object> seen = List.copyOf((List<?>) driver.get(1));
    assertThat(seen.subList(0, 3)).containsExactly("Hel", "lo", "Hello on model-stream");
    long callReturnToStreamEnd = (Long) seen.get(3);
    SpanData span = tester.span("chat gpt-4o");
    assertThat(span.durationNanos()).isGreaterThanOrEqualTo(callReturnToStreamEnd);
    assertThat(span.attributes().get(SemanticAttributes.GEN_AI_REQUEST_STREAM)).isTrue();
    assertThat(span.attributes().get(SemanticAttributes.GEN_AI_USAGE_INPUT_TOKENS)).isEqualTo(12L);
    assertThat(span.attributes().get(SemanticAttributes.GEN_AI_USAGE_OUTPUT_TOKENS)).isEqualTo(3L);
    assertThat(span.attributes().get(SemanticAttributes.GEN_AI_RESPONSE_TIME_TO_FIRST_CHUNK))
        .isLessThan(span.durationNanos() / 1e9);
    assertThat(eventNames(span)).containsExactly(StreamingCall.FIRST_CHUNK_EVENT);
  }

  @Test
  void streamFailureMarksTheSpanAndReachesTheCallersHandlerUnchanged() throws Exception {
    List<?> driver = startStream("handler.onError(FAILURE)");

    ((Runnable) driver.get(0)).run();

    assertThat(List.<Object>copyOf((List<?>) driver.get(1))).contains("error true");
    SpanData span = tester.span("chat gpt-4o");
    assertThat(span.statusCode()).isEqualTo(StatusCode.ERROR);
    assertThat(span.statusDescription()).isEqualTo("java.lang.IllegalStateException: stream broke");
  }
}

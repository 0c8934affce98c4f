package dev.agenttrace.processor;

import static dev.agenttrace.processor.ProxyTester.library;
import static dev.agenttrace.processor.ProxyTester.run;
import static dev.agenttrace.processor.ProxyTester.runWithLibrary;
import static org.assertj.core.api.Assertions.assertThat;

import dev.agenttrace.SemanticAttributes;
import dev.agenttrace.StatusCode;
import dev.agenttrace.proxy.StreamingCall;
import dev.agenttrace.spi.SpanData;
import dev.agenttrace.spi.SpanEvent;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * A traced call that completes later, through a handler it was given or a returned {@code
 * Flow.Publisher} or {@code Stream}, keeps its span open until the stream ends, records the time to
 * the first chunk and the token counts of the final response, and leaves what the caller's handler
 * sees untouched.
 */
class StreamingTest {
  @RegisterExtension final ProxyTester tester = new ProxyTester();

  /**
   * A model streaming tokens to a handler. The driver returns {@code [finish, seen]}: running
   * {@code finish} makes the model stream (on a thread of its own) and waits for it; {@code seen}
   * lists what the caller's handler received, with the thread it received it on.
   */
  private static final String MODEL =
      """
      package test;

      public record Reply(String text, Integer in, Integer out) {}

      package test;

      import dev.agenttrace.annotations.StreamingHandler;

      @StreamingHandler(complete = "onComplete", error = "onError", chunk = "onToken")
      public interface TokenHandler {
        void onToken(String token);

        void onComplete(Reply reply);

        void onError(Throwable error);

        default void onRetry(int attempt) {}
      }

      package test;

      import dev.agenttrace.annotations.LlmCall;

      @LlmCall(model = "m-1", provider = "vendor", inputTokens = "in", outputTokens = "out")
      public interface Model {
        void chat(String prompt, TokenHandler handler);
      }

      package test;

      import java.util.List;
      import java.util.concurrent.Callable;
      import java.util.concurrent.CopyOnWriteArrayList;

      public class Driver implements Callable<Object> {
        static final IllegalStateException FAILURE = new IllegalStateException("stream broke");

        @Override
        public Object call() {
          List<String> seen = new CopyOnWriteArrayList<>();
          TokenHandler[] given = new TokenHandler[1];
          Model model = ModelTraced.wrap(DELEGATE);
          TokenHandler callers = new TokenHandler() {
            @Override public void onToken(String token) { seen(seen, "token " + token); }
            @Override public void onComplete(Reply reply) { seen(seen, "complete " + reply.text()); }
            @Override public void onError(Throwable error) {
              seen(seen, "error " + (error == FAILURE));
            }
            @Override public void onRetry(int attempt) { seen(seen, "retry " + attempt); }
          };
          CALL;
          Runnable finish = () -> {
            Thread stream = new Thread(() -> STREAM, "model-stream");
            stream.start();
            try {
              stream.join();
            } catch (InterruptedException e) {
              throw new IllegalStateException(e);
            }
          };
          return List.of(finish, seen);
        }

        private static void seen(List<String> seen, String what) {
          seen.add(what + " on " + Thread.currentThread().getName());
        }
      }
      """;

  private static final String SUCCESS =
      """
      {
                given[0].onToken("Hel");
                given[0].onRetry(2);
                given[0].onToken("lo");
                given[0].onComplete(new Reply("Hello", 12, 3));
                given[0].onError(FAILURE);
              }""";

  /** Runs the driver of {@link #MODEL} with {@code stream} as the model's streaming code. */
  private List<?> startStream(String stream) throws Exception {
    return startStream(
        "(prompt, handler) -> given[0] = handler", "model.chat(\"hi\", callers)", stream);
  }

  /**
   * Runs the driver of {@link #MODEL} with {@code delegate} as the model, {@code call} as the
   * caller's statement, and {@code stream} as the model's streaming code.
   */
  private List<?> startStream(String delegate, String call, String stream) throws Exception {
    return (List<?>)
        run(MODEL.replace("DELEGATE", delegate).replace("CALL", call).replace("STREAM", stream));
  }

  /** {@code list}, a {@code List} the driver returned, as one AssertJ can check. */
  private static List<Object> items(Object list) {
    return List.<Object>copyOf((List<?>) list);
  }

  private static List<String> eventNames(SpanData span) {
    return span.events().stream().map(SpanEvent::name).toList();
  }

  @Test
  void spanLastsUntilTheHandlerHearsTheStreamComplete() throws Exception {
    List<?> driver = startStream(SUCCESS);
    assertThat(tester.spans()).as("spans before the stream ends").isEmpty();

    ((Runnable) driver.get(0)).run();

    SpanData span = tester.span("chat m-1");
    assertThat(span.statusCode()).isEqualTo(StatusCode.UNSET);
    assertThat(span.attributes().get(SemanticAttributes.GEN_AI_REQUEST_STREAM)).isTrue();
    assertThat(span.attributes().get(SemanticAttributes.GEN_AI_USAGE_INPUT_TOKENS)).isEqualTo(12L);
    assertThat(span.attributes().get(SemanticAttributes.GEN_AI_USAGE_OUTPUT_TOKENS)).isEqualTo(3L);
    assertThat(span.attributes().get(SemanticAttributes.GEN_AI_RESPONSE_TIME_TO_FIRST_CHUNK))
        .isPositive();
    assertThat(eventNames(span)).containsExactly(StreamingCall.FIRST_CHUNK_EVENT);
  }

  @Test
  void callersHandlerSeesEveryCallUnchangedOnTheModelsThread() throws Exception {
    List<?> driver = startStream(SUCCESS);

    ((Runnable) driver.get(0)).run();

    assertThat(items(driver.get(1)))
        .containsExactly(
            "token Hel on model-stream",
            "retry 2 on model-stream",
            "token lo on model-stream",
            "complete Hello on model-stream",
            "error true on model-stream");
  }

  @Test
  void handlerHearingTheFailureMarksTheSpanAndPassesTheSameException() throws Exception {
    List<?> driver =
        startStream(
            """
            {
                      given[0].onToken("Hel");
                      given[0].onError(FAILURE);
                    }""");

    ((Runnable) driver.get(0)).run();

    assertThat(items(driver.get(1))).contains("error true on model-stream");
    SpanData span = tester.span("chat m-1");
    assertThat(span.statusCode()).isEqualTo(StatusCode.ERROR);
    assertThat(span.statusDescription()).isEqualTo("java.lang.IllegalStateException: stream broke");
  }

  @Test
  void failingCallbackOfTheCallersHandlerPassesThroughToTheModel() throws Exception {
    Object result =
        run(
            """
            package test;

            import dev.agenttrace.annotations.StreamingHandler;
            import dev.agenttrace.annotations.Traced;

            @Traced
            public interface Source {
              void open(@StreamingHandler(complete = "done", error = "failed") Handler handler);

              interface Handler {
                void done();

                void failed(Exception e);
              }
            }

            package test;

            import java.util.concurrent.Callable;

            public class Driver implements Callable<Object> {
              static final IllegalStateException BUG = new IllegalStateException("user bug");

              @Override
              public Object call() {
                Source source = SourceTraced.wrap(handler -> {
                  try {
                    handler.done();
                  } catch (IllegalStateException e) {
                    handler.failed(e);
                  }
                });
                Object[] failure = new Object[1];
                source.open(new Source.Handler() {
                  @Override public void done() { throw BUG; }
                  @Override public void failed(Exception e) { failure[0] = e; }
                });
                return failure[0] == BUG;
              }
            }
            """);

    assertThat(result).isEqualTo(true);
    assertThat(tester.span("Source.open").statusCode()).isEqualTo(StatusCode.UNSET);
  }

  @Test
  void exceptionThrownByTheCallItselfEndsTheSpanAndPassesThroughUnchanged() throws Exception {
    List<?> driver =
        startStream(
            "(prompt, handler) -> { throw FAILURE; }",
            "try { model.chat(\"hi\", callers); } catch (IllegalStateException e) {"
                + " seen.add(\"thrown \" + (e == FAILURE)); }",
            "{}");

    assertThat(items(driver.get(1))).containsExactly("thrown true");
    assertThat(tester.span("chat m-1").statusCode()).isEqualTo(StatusCode.ERROR);
  }

  @Test
  void callWithoutAHandlerEndsItsSpanWhenItReturns() throws Exception {
    startStream("(prompt, handler) -> {}", "model.chat(\"hi\", null)", "{}");

    assertThat(tester.span("chat m-1").statusCode()).isEqualTo(StatusCode.UNSET);
  }

  @Test
  void returnedPublisherKeepsTheSpanOpenUntilItCompletes() throws Exception {
    Object result =
        run(
            """
            package test;

            public record Chunk(String text, Integer in, Integer out) {}

            package test;

            import dev.agenttrace.annotations.LlmCall;
            import java.util.concurrent.Flow;

            @LlmCall(model = "m-1", provider = "openai", inputTokens = "in", outputTokens = "out")
            public interface Model {
              Flow.Publisher<Chunk> stream(String prompt);
            }

            package test;

            import java.util.List;
            import java.util.concurrent.Callable;
            import java.util.concurrent.CompletableFuture;
            import java.util.concurrent.CopyOnWriteArrayList;
            import java.util.concurrent.Flow;
            import java.util.concurrent.SubmissionPublisher;
            import java.util.concurrent.TimeUnit;

            public class Driver implements Callable<Object> {
              @Override
              public Object call() throws Exception {
                SubmissionPublisher<Chunk> source = new SubmissionPublisher<>();
                Flow.Publisher<Chunk> stream = ModelTraced.wrap(prompt -> source).stream("hi");
                List<String> seen = new CopyOnWriteArrayList<>();
                CompletableFuture<Void> done = new CompletableFuture<>();
                stream.subscribe(new Flow.Subscriber<Chunk>() {
                  @Override public void onSubscribe(Flow.Subscription s) { s.request(10); }
                  @Override public void onNext(Chunk chunk) { seen.add(chunk.text()); }
                  @Override public void onError(Throwable e) { done.completeExceptionally(e); }
                  @Override public void onComplete() { done.complete(null); }
                });
                source.submit(new Chunk("Hel", null, null));
                source.submit(new Chunk("lo", 7, 2));
                source.close();
                done.get(10, TimeUnit.SECONDS);
                return seen;
              }
            }
            """);

    assertThat(items(result)).containsExactly("Hel", "lo");
    SpanData span = tester.span("chat m-1");
    assertThat(span.attributes().get(SemanticAttributes.GEN_AI_USAGE_INPUT_TOKENS)).isEqualTo(7L);
    assertThat(span.attributes().get(SemanticAttributes.GEN_AI_USAGE_OUTPUT_TOKENS)).isEqualTo(2L);
    assertThat(eventNames(span)).containsExactly(StreamingCall.FIRST_CHUNK_EVENT);
  }

  @Test
  void returnedStreamKeepsTheSpanOpenUntilItIsConsumed() throws Exception {
    Object result =
        run(
            """
            package test;

            import dev.agenttrace.annotations.Traced;
            import java.util.stream.Stream;

            @Traced
            public interface Search {
              Stream<String> results(String query);
            }

            package test;

            import java.util.List;
            import java.util.concurrent.Callable;
            import java.util.stream.Stream;

            public class Driver implements Callable<Object> {
              @Override
              public Object call() {
                Stream<String> results =
                    SearchTraced.wrap(query -> Stream.of(query + 1, query + 2)).results("q");
                Callable<List<String>> consume = results::toList;
                return consume;
              }
            }
            """);

    assertThat(tester.spans()).as("spans before the stream is consumed").isEmpty();
    @SuppressWarnings("unchecked")
    List<String> consumed = ((Callable<List<String>>) result).call();

    assertThat(consumed).containsExactly("q1", "q2");
    assertThat(eventNames(tester.span("Search.results")))
        .containsExactly(StreamingCall.FIRST_CHUNK_EVENT);
  }

  @Test
  void requestedInterfaceFollowsAJarHandlerNamedInTheRequest(@TempDir Path directory)
      throws Exception {
    Object result =
        runWithLibrary(
            library(
                directory,
                """
                package com.vendor.stream;

                public interface Listener {
                  void next(String part);

                  void end(String whole);

                  void broken(RuntimeException failure);
                }

                package com.vendor.stream;

                public interface Streamer {
                  void stream(String prompt, Listener listener);
                }
                """),
            """
            package test;

            import com.vendor.stream.Listener;
            import com.vendor.stream.Streamer;
            import dev.agenttrace.annotations.StreamingHandler;
            import dev.agenttrace.annotations.TraceInterface;

            @TraceInterface(
                value = Streamer.class,
                streamingHandlers =
                    @StreamingHandler(
                        type = Listener.class,
                        complete = "end",
                        error = "broken",
                        chunk = "next"))
            final class Tracing {}

            package test;

            import com.vendor.stream.Listener;
            import com.vendor.stream.Streamer;
            import java.util.concurrent.Callable;

            public class Driver implements Callable<Object> {
              @Override
              public Object call() {
                StringBuilder seen = new StringBuilder();
                StreamerTraced.wrap((prompt, listener) -> {
                  listener.next("a");
                  listener.end("ab");
                }).stream("hi", new Listener() {
                  @Override public void next(String part) { seen.append(part); }
                  @Override public void end(String whole) { seen.append('|').append(whole); }
                  @Override public void broken(RuntimeException failure) {}
                });
                return seen.toString();
              }
            }
            """);

    assertThat(result).isEqualTo("a|ab");
    assertThat(eventNames(tester.span("Streamer.stream")))
        .containsExactly(StreamingCall.FIRST_CHUNK_EVENT);
  }
}

package dev.agenttrace.processor;

import static dev.agenttrace.processor.ProxyTester.run;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

import dev.agenttrace.SemanticAttributes;
import dev.agenttrace.proxy.GenAiValues;
import dev.agenttrace.spi.SpanData;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Request and response attributes are read at compile-time-checked paths from arguments and
 * results; a value that cannot be read is skipped, never the call.
 */
class RequestResponsePathsTest {
  @RegisterExtension final ProxyTester tester = new ProxyTester();

  private static final String TYPES =
      """
      package test;

      import java.util.List;

      public record Options(Integer maxTokens, double temperature, Float topP, int topK,
          List<String> stop, Long seed, int candidates, double frequencyPenalty,
          Double presencePenalty, boolean stream) {}

      package test;

      public record Request(String model, Options options, String host, int port) {}

      package test;

      public enum Reason { STOP, MAX_TOKENS }

      package test;

      public record Usage(int input, int output, Integer cached, Long written, long thinking) {}

      package test;

      public class Metadata {
        private final String id;
        public Metadata(String id) { this.id = id; }
        public String id() {
          if (id == null) {
            throw new IllegalStateException("no id yet");
          }
          return id;
        }
      }

      package test;

      public record Response(String text, Metadata metadata, String modelVersion, Reason reason,
          Usage usage) {}

      package test;

      import dev.agenttrace.annotations.LlmCall;
      import dev.agenttrace.annotations.RequestPaths;
      import dev.agenttrace.annotations.ResponsePaths;

      @LlmCall(provider = "gcp.gemini", model = "gemini-default",
          inputTokens = "usage.input", outputTokens = "usage.output",
          request = @RequestPaths(
              model = "request.model",
              maxTokens = "request.options.maxTokens",
              temperature = "request.options.temperature",
              topP = "request.options.topP",
              topK = "request.options.topK",
              stopSequences = "request.options.stop",
              seed = "request.options.seed",
              choiceCount = "request.options.candidates",
              frequencyPenalty = "request.options.frequencyPenalty",
              presencePenalty = "request.options.presencePenalty",
              stream = "request.options.stream",
              serverAddress = "request.host",
              serverPort = "request.port"),
          response = @ResponsePaths(
              id = "metadata.id",
              model = "modelVersion",
              finishReasons = "reason",
              cacheReadInputTokens = "usage.cached",
              cacheCreationInputTokens = "usage.written",
              reasoningOutputTokens = "usage.thinking"))
      public interface Model {
        Response generate(Request request);
      }
      """;

  private static String driver(String request, String response) {
    return """

        package test;

        import java.util.List;
        import java.util.concurrent.Callable;

        public class Driver implements Callable<Object> {
          @Override
          public Object call() {
            Model model = ModelTraced.wrap(request -> %s);
            return model.generate(%s).text();
          }
        }
        """
        .formatted(response, request);
  }

  private static final String FULL_REQUEST =
      "new Request(\"gemini-2.5-pro\", new Options(256, 0.2, 0.9f, 40, List.of(\"END\"), 7L, 3,"
          + " 0.5, 0.25, true), \"generativelanguage.googleapis.com\", 443)";

  private static final String FULL_RESPONSE =
      "new Response(\"hi\", new Metadata(\"resp-1\"), \"gemini-2.5-pro-002\", Reason.MAX_TOKENS,"
          + " new Usage(100, 20, 60, 5L, 12))";

  @Test
  void requestAndResponseValuesAreRecordedWithTheirConventionTypes() throws Exception {
    Object text = run(TYPES + driver(FULL_REQUEST, FULL_RESPONSE));

    assertThat(text).isEqualTo("hi");
    SpanData span = tester.span("chat gemini-2.5-pro");
    assertThat(span.attributes().asMap())
        .contains(
            entry("gen_ai.request.model", "gemini-2.5-pro"),
            entry("gen_ai.request.max_tokens", 256L),
            entry("gen_ai.request.temperature", 0.2),
            entry("gen_ai.request.top_p", (double) 0.9f),
            entry("gen_ai.request.top_k", 40L),
            entry("gen_ai.request.stop_sequences", List.of("END")),
            entry("gen_ai.request.seed", 7L),
            entry("gen_ai.request.choice.count", 3L),
            entry("gen_ai.request.frequency_penalty", 0.5),
            entry("gen_ai.request.presence_penalty", 0.25),
            entry("gen_ai.request.stream", true),
            entry("server.address", "generativelanguage.googleapis.com"),
            entry("server.port", 443L),
            entry("gen_ai.response.id", "resp-1"),
            entry("gen_ai.response.model", "gemini-2.5-pro-002"),
            entry("gen_ai.response.finish_reasons", List.of("max_tokens")),
            entry("gen_ai.usage.input_tokens", 100L),
            entry("gen_ai.usage.output_tokens", 20L),
            entry("gen_ai.usage.cache_read.input_tokens", 60L),
            entry("gen_ai.usage.cache_creation.input_tokens", 5L),
            entry("gen_ai.usage.reasoning.output_tokens", 12L));
  }

  @Test
  void nullsOneCandidateAndNoStreamingAreLeftOutAndTheConstantModelApplies() throws Exception {
    run(
        TYPES
            + driver(
                "new Request(null, new Options(null, 0.0, null, 0, null, null, 1, 0.0, null,"
                    + " false), null, 0)",
                "new Response(\"hi\", new Metadata(\"r\"), null, null, new Usage(1, 2, null, null,"
                    + " -1))"));

    SpanData span = tester.span("chat gemini-default");
    assertThat(span.attributes().asMap())
        .containsEntry("gen_ai.request.model", "gemini-default")
        .doesNotContainKeys(
            "gen_ai.request.max_tokens",
            "gen_ai.request.top_p",
            "gen_ai.request.stop_sequences",
            "gen_ai.request.seed",
            "gen_ai.request.choice.count",
            "gen_ai.request.presence_penalty",
            "gen_ai.request.stream",
            "server.address",
            "server.port",
            "gen_ai.response.model",
            "gen_ai.response.finish_reasons",
            "gen_ai.usage.cache_read.input_tokens",
            "gen_ai.usage.reasoning.output_tokens");
  }

  @Test
  void anAccessorThatThrowsSkipsOnlyItsValueAndIsCounted() throws Exception {
    long skippedBefore = GenAiValues.skippedCount();

    Object text =
        run(
            TYPES
                + driver(
                    FULL_REQUEST,
                    "new Response(\"still answered\", new Metadata(null), \"v2\", Reason.STOP,"
                        + " new Usage(3, 4, 0, 0L, 0))"));

    assertThat(text).isEqualTo("still answered");
    SpanData span = tester.span("chat gemini-2.5-pro");
    assertThat(span.attributes().asMap())
        .doesNotContainKey("gen_ai.response.id")
        .contains(
            entry("gen_ai.response.model", "v2"),
            entry("gen_ai.response.finish_reasons", List.of("stop")),
            entry("gen_ai.usage.input_tokens", 3L));
    assertThat(GenAiValues.skippedCount()).isEqualTo(skippedBefore + 1);
  }

  @Test
  void aNullRequestOrResultRecordsNothingFromIt() throws Exception {
    Object text = run(TYPES + driver("null", "null").replace(".text()", ""));

    assertThat(text).isNull();
    assertThat(tester.span("chat gemini-default").attributes().asMap())
        .doesNotContainKeys("gen_ai.request.max_tokens", "gen_ai.response.id");
  }

  @Test
  void aResultImplementingTokenUsageGivesItsCacheAndReasoningCounts() throws Exception {
    run(
        """
        package test;

        import dev.agenttrace.TokenUsage;

        public record Completion(String text) implements TokenUsage {
          @Override public long inputTokens() { return 50; }
          @Override public long outputTokens() { return 9; }
          @Override public long cacheReadInputTokens() { return 30; }
          @Override public long reasoningOutputTokens() { return 4; }
        }

        package test;

        import dev.agenttrace.annotations.LlmCall;

        @LlmCall(model = "claude-sonnet-4", provider = "anthropic")
        public interface Claude {
          Completion complete(String prompt);
        }

        package test;

        import java.util.concurrent.Callable;

        public class Driver implements Callable<Object> {
          @Override
          public Object call() {
            return ClaudeTraced.wrap(prompt -> new Completion("ok")).complete("hi");
          }
        }
        """);

    assertThat(tester.span("chat claude-sonnet-4").attributes().asMap())
        .contains(
            entry("gen_ai.usage.input_tokens", 50L),
            entry("gen_ai.usage.output_tokens", 9L),
            entry("gen_ai.usage.cache_read.input_tokens", 30L),
            entry("gen_ai.usage.reasoning.output_tokens", 4L))
        .doesNotContainKey("gen_ai.usage.cache_creation.input_tokens");
  }

  @Test
  void anAsyncResultIsReadWhenItCompletes() throws Exception {
    run(
        """
        package test;

        public record Reply(String id, java.util.List<String> reasons) {}

        package test;

        import dev.agenttrace.annotations.LlmCall;
        import dev.agenttrace.annotations.ResponsePaths;
        import java.util.concurrent.CompletableFuture;

        @LlmCall(model = "gpt-4o", provider = "openai",
            response = @ResponsePaths(id = "id", finishReasons = "reasons"))
        public interface Model {
          CompletableFuture<Reply> chat(String prompt);
        }

        package test;

        import java.util.List;
        import java.util.concurrent.Callable;
        import java.util.concurrent.CompletableFuture;

        public class Driver implements Callable<Object> {
          @Override
          public Object call() throws Exception {
            // Completed on another thread, joined before reading: the span ends in the
            // stage's callback, which has run once the completing thread is done.
            CompletableFuture<Reply> reply = new CompletableFuture<>();
            CompletableFuture<Reply> answer = ModelTraced.wrap(p -> reply).chat("hi");
            Thread model = new Thread(
                () -> reply.complete(new Reply("chatcmpl-9", List.of("stop", "length"))));
            model.start();
            model.join();
            return answer.get();
          }
        }
        """);

    assertThat(tester.span("chat gpt-4o").attributes().asMap())
        .contains(
            entry("gen_ai.response.id", "chatcmpl-9"),
            entry(
                SemanticAttributes.GEN_AI_RESPONSE_FINISH_REASONS.name(),
                List.of("stop", "length")));
  }
}

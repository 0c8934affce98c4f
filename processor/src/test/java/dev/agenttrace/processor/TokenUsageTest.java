package dev.agenttrace.processor;

import static dev.agenttrace.processor.ProxyTester.run;
import static org.assertj.core.api.Assertions.assertThat;

import dev.agenttrace.SemanticAttributes;
import dev.agenttrace.spi.SpanData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** {@code @LlmCall} methods record token usage from their result, checked at compile time. */
class TokenUsageTest {
  @RegisterExtension final ProxyTester tester = new ProxyTester();

  @Test
  void resultImplementingTokenUsageRecordsBothCounts() throws Exception {
    run(
        """
        package test;

        import dev.agenttrace.TokenUsage;

        public record Completion(String text, long inputTokens, long outputTokens)
            implements TokenUsage {}

        package test;

        import dev.agenttrace.annotations.LlmCall;
        import java.util.concurrent.CompletionStage;

        @LlmCall(provider = "openai", model = "gpt-4o")
        public interface Model {
          Completion complete(String prompt);

          CompletionStage<Completion> completeLater(String prompt);
        }

        package test;

        import java.util.concurrent.Callable;
        import java.util.concurrent.CompletableFuture;
        import java.util.concurrent.CompletionStage;

        public class Driver implements Callable<Object> {
          @Override
          public Object call() {
            Model model = ModelTraced.wrap(new Model() {
              @Override public Completion complete(String prompt) {
                return new Completion("hi", 10, 2);
              }
              @Override public CompletionStage<Completion> completeLater(String prompt) {
                return CompletableFuture.completedFuture(new Completion("later", 20, -1));
              }
            });
            model.complete("hello");
            return model.completeLater("hello");
          }
        }
        """);

    SpanData sync = tester.spans().get(0);
    assertThat(sync.attributes().get(SemanticAttributes.GEN_AI_USAGE_INPUT_TOKENS)).isEqualTo(10L);
    assertThat(sync.attributes().get(SemanticAttributes.GEN_AI_USAGE_OUTPUT_TOKENS)).isEqualTo(2L);
    SpanData async = tester.spans().get(1);
    assertThat(async.attributes().get(SemanticAttributes.GEN_AI_USAGE_INPUT_TOKENS)).isEqualTo(20L);
    assertThat(async.attributes().asMap())
        .as("a negative count means unknown")
        .doesNotContainKey("gen_ai.usage.output_tokens");
  }

  private static final String NAMED_ACCESSORS =
      """
      package test;

      public class Usage {
        public Integer promptTokenCount() { return %s; }
        public short completionTokenCount() { return 7; }
      }

      package test;

      public class Response {
        private final Usage usage;
        public Response(Usage usage) { this.usage = usage; }
        public Usage usage() { return usage; }
      }

      package test;

      import dev.agenttrace.annotations.LlmCall;

      @LlmCall(
          provider = "openai",
          model = "m",
          inputTokens = "usage.promptTokenCount",
          outputTokens = "usage.completionTokenCount")
      public interface Model {
        Response chat(String prompt);
      }

      package test;

      import java.util.concurrent.Callable;

      public class Driver implements Callable<Object> {
        @Override
        public Object call() {
          Model model = ModelTraced.wrap(prompt -> new Response(%s));
          return model.chat("hello");
        }
      }
      """;

  @Test
  void namedAccessorChainsRecordTheCounts() throws Exception {
    run(NAMED_ACCESSORS.formatted("42", "new Usage()"));

    SpanData span = tester.span("chat m");
    assertThat(span.attributes().get(SemanticAttributes.GEN_AI_USAGE_INPUT_TOKENS)).isEqualTo(42L);
    assertThat(span.attributes().get(SemanticAttributes.GEN_AI_USAGE_OUTPUT_TOKENS)).isEqualTo(7L);
  }

  @Test
  void nullAlongTheChainRecordsNothingAndTheCallSucceeds() throws Exception {
    Object result = run(NAMED_ACCESSORS.formatted("null", "null"));

    assertThat(result).isNotNull();
    assertThat(tester.span("chat m").attributes().asMap())
        .doesNotContainKeys("gen_ai.usage.input_tokens", "gen_ai.usage.output_tokens");
  }

  @Test
  void nullCountRecordsOnlyTheOtherOne() throws Exception {
    run(NAMED_ACCESSORS.formatted("null", "new Usage()"));

    assertThat(tester.span("chat m").attributes().asMap())
        .doesNotContainKey("gen_ai.usage.input_tokens")
        .containsEntry("gen_ai.usage.output_tokens", 7L);
  }
}

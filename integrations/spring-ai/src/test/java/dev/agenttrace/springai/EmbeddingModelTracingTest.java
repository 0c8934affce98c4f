package dev.agenttrace.springai;

import static dev.agenttrace.SemanticAttributes.GEN_AI_OPERATION_NAME;
import static dev.agenttrace.SemanticAttributes.GEN_AI_USAGE_INPUT_TOKENS;
import static dev.agenttrace.SemanticAttributes.GEN_AI_USAGE_OUTPUT_TOKENS;
import static org.assertj.core.api.Assertions.assertThat;

import dev.agenttrace.spi.SpanData;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.ai.chat.metadata.DefaultUsage;
import org.springframework.ai.document.Document;
import org.springframework.ai.embedding.Embedding;
import org.springframework.ai.embedding.EmbeddingModel;
import org.springframework.ai.embedding.EmbeddingOptions;
import org.springframework.ai.embedding.EmbeddingRequest;
import org.springframework.ai.embedding.EmbeddingResponse;
import org.springframework.ai.embedding.EmbeddingResponseMetadata;

class EmbeddingModelTracingTest {
  private final RecordedSpans spans = RecordedSpans.install();

  @AfterEach
  void uninstall() {
    spans.close();
  }

  /**
   * An embedding model as Spring AI providers write one: {@code call} and {@code embed(Document)}.
   */
  private static final class ScriptedEmbeddingModel implements EmbeddingModel {
    @Override
    public EmbeddingResponse call(EmbeddingRequest request) {
      List<Embedding> embeddings =
          request.getInstructions().stream()
              .map(text -> new Embedding(new float[] {1f, 0f, 0f}, 0))
              .toList();
      return new EmbeddingResponse(
          embeddings,
          new EmbeddingResponseMetadata(
              "text-embedding-3-small", new DefaultUsage(3 * embeddings.size(), 0)));
    }

    @Override
    public float[] embed(Document document) {
      return new float[] {1f, 0f, 0f};
    }
  }

  @Test
  void embeddingATextIsOneEmbeddingsSpanWithItsInputTokens() {
    EmbeddingModel model =
        AgentTraceSpringAi.embeddingModel("openai", new ScriptedEmbeddingModel());

    float[] vector =
        model
            .call(
                new EmbeddingRequest(
                    List.of("refund policy"),
                    EmbeddingOptions.builder().model("text-embedding-3-small").build()))
            .getResult()
            .getOutput();

    assertThat(vector).hasSize(3);
    SpanData span = spans.named("embeddings text-embedding-3-small");
    assertThat(span.attributes().get(GEN_AI_OPERATION_NAME)).isEqualTo("embeddings");
    assertThat(span.attributes().get(GEN_AI_USAGE_INPUT_TOKENS)).isEqualTo(3L);
    assertThat(span.attributes().get(GEN_AI_USAGE_OUTPUT_TOKENS)).isNull();
  }

  @Test
  void embedOfAStringIsExactlyOneSpan() {
    AgentTraceSpringAi.embeddingModel("openai", new ScriptedEmbeddingModel()).embed("refunds");

    assertThat(spans.ended()).hasSize(1);
  }

  @Test
  void askingTheDimensionsRecordsNothing() {
    assertThat(
            AgentTraceSpringAi.embeddingModel("openai", new ScriptedEmbeddingModel()).dimensions())
        .isEqualTo(3);
    assertThat(spans.ended()).isEmpty();
  }
}

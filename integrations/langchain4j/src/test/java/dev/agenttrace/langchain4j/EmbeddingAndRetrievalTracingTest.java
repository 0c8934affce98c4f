package dev.agenttrace.langchain4j;

import static dev.agenttrace.SemanticAttributes.GEN_AI_OPERATION_NAME;
import static dev.agenttrace.SemanticAttributes.GEN_AI_PROVIDER_NAME;
import static dev.agenttrace.SemanticAttributes.GEN_AI_USAGE_INPUT_TOKENS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.agenttrace.SpanKind;
import dev.agenttrace.StatusCode;
import dev.agenttrace.spi.SpanData;
import dev.langchain4j.data.embedding.Embedding;
import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.ModelProvider;
import dev.langchain4j.model.embedding.EmbeddingModel;
import dev.langchain4j.model.output.Response;
import dev.langchain4j.model.output.TokenUsage;
import dev.langchain4j.rag.content.Content;
import dev.langchain4j.rag.content.retriever.ContentRetriever;
import dev.langchain4j.rag.query.Query;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class EmbeddingAndRetrievalTracingTest {
  private final RecordedSpans spans = RecordedSpans.install();

  @AfterEach
  void uninstall() {
    spans.close();
  }

  /** An embedding model written the classic way: it only implements embedAll. */
  private static final class ScriptedEmbeddingModel implements EmbeddingModel {
    int calls;

    @Override
    public Response<List<Embedding>> embedAll(List<TextSegment> segments) {
      calls++;
      List<Embedding> vectors =
          segments.stream().map(s -> Embedding.from(new float[] {1f, 0f, 0f})).toList();
      return Response.from(vectors, new TokenUsage(3 * segments.size()));
    }

    @Override
    public String modelName() {
      return "text-embedding-3-small";
    }

    @Override
    public ModelProvider provider() {
      return ModelProvider.OPEN_AI;
    }
  }

  @Test
  void embeddingATextIsOneEmbeddingsSpanWithItsInputTokens() {
    EmbeddingModel model = AgentTraceLangChain4j.embeddingModel(new ScriptedEmbeddingModel());

    Response<Embedding> embedding = model.embed("refund policy");

    assertThat(embedding.content().dimension()).isEqualTo(3);
    assertThat(spans.ended()).hasSize(1);
    SpanData span = spans.named("embeddings text-embedding-3-small");
    assertThat(span.kind()).isEqualTo(SpanKind.CLIENT);
    assertThat(span.attributes().get(GEN_AI_OPERATION_NAME)).isEqualTo("embeddings");
    assertThat(span.attributes().get(GEN_AI_PROVIDER_NAME)).isEqualTo("openai");
    assertThat(span.attributes().get(GEN_AI_USAGE_INPUT_TOKENS)).isEqualTo(3L);
  }

  @Test
  void embeddingSeveralSegmentsIsOneSpan() {
    EmbeddingModel model = AgentTraceLangChain4j.embeddingModel(new ScriptedEmbeddingModel());

    model.embedAll(List.of(TextSegment.from("a"), TextSegment.from("b")));

    assertThat(spans.ended()).hasSize(1);
    assertThat(spans.ended().get(0).attributes().get(GEN_AI_USAGE_INPUT_TOKENS)).isEqualTo(6L);
  }

  @Test
  void askingTheDimensionRecordsNothing() {
    ScriptedEmbeddingModel scripted = new ScriptedEmbeddingModel();

    assertThat(AgentTraceLangChain4j.embeddingModel(scripted).dimension()).isEqualTo(3);
    assertThat(spans.ended()).isEmpty();
  }

  @Test
  void retrievalIsARetrievalSpanNamedAfterItsDataSource() {
    ContentRetriever retriever =
        AgentTraceLangChain4j.contentRetriever(
            query -> List.of(Content.from("Refunds take 5 days.")), "kb-policies");

    List<Content> found = retriever.retrieve(Query.from("refund policy"));

    assertThat(found).hasSize(1);
    SpanData span = spans.named("retrieval kb-policies");
    assertThat(span.kind()).isEqualTo(SpanKind.CLIENT);
    assertThat(span.attributes().get(GEN_AI_OPERATION_NAME)).isEqualTo("retrieval");
    assertThat(span.attributes().get("gen_ai.data_source.id")).isEqualTo("kb-policies");
  }

  @Test
  void failingRetrievalMarksTheSpanErrorAndPassesTheSameExceptionThrough() {
    IllegalStateException down = new IllegalStateException("index unavailable");
    ContentRetriever retriever =
        AgentTraceLangChain4j.contentRetriever(
            query -> {
              throw down;
            });

    assertThatThrownBy(() -> retriever.retrieve(Query.from("x"))).isSameAs(down);
    assertThat(spans.named("retrieval").statusCode()).isEqualTo(StatusCode.ERROR);
  }
}

package dev.agenttrace.langchain4j;

import static dev.agenttrace.SemanticAttributes.GEN_AI_DATA_SOURCE_ID;
import static dev.agenttrace.SemanticAttributes.GEN_AI_OPERATION_NAME;
import static dev.agenttrace.SemanticAttributes.OPERATION_RETRIEVAL;

import dev.agenttrace.AgentTrace;
import dev.agenttrace.Attributes;
import dev.agenttrace.Span;
import dev.agenttrace.SpanKind;
import dev.agenttrace.Tracer;
import dev.agenttrace.proxy.IntegrationSpans;
import dev.langchain4j.rag.content.Content;
import dev.langchain4j.rag.content.retriever.ContentRetriever;
import dev.langchain4j.rag.query.Query;
import java.util.List;

/**
 * A {@link ContentRetriever} whose retrievals are {@code retrieval {dataSource}} spans (kind
 * CLIENT). {@code addListener} runs ContentRetriever's default code on this wrapper, so the
 * listening retriever it builds stays traced.
 */
final class TracedContentRetriever implements ContentRetriever {
  private final ContentRetriever delegate;
  private final String spanName;
  private final Attributes attributes;

  TracedContentRetriever(ContentRetriever delegate, String dataSource) {
    this.delegate = delegate;
    String source = IntegrationSpans.nonBlank(dataSource);
    this.spanName = source == null ? OPERATION_RETRIEVAL : OPERATION_RETRIEVAL + " " + source;
    this.attributes =
        Attributes.builder()
            .put(GEN_AI_OPERATION_NAME, OPERATION_RETRIEVAL)
            .put(GEN_AI_DATA_SOURCE_ID, source)
            .build();
  }

  @Override
  public List<Content> retrieve(Query query) {
    Tracer tracer = AgentTrace.tracer();
    if (!tracer.isEnabled()) {
      return delegate.retrieve(query);
    }
    Span span =
        tracer
            .spanBuilder(spanName)
            .setSpanKind(SpanKind.CLIENT)
            .setAllAttributes(attributes)
            .startSpan();
    return IntegrationSpans.within(span, () -> delegate.retrieve(query), found -> {});
  }

  @Override
  public String toString() {
    return "Traced[" + delegate + "]";
  }
}

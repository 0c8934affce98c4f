package dev.agenttrace.springai;

import static dev.agenttrace.SemanticAttributes.OPERATION_EMBEDDINGS;
import static dev.agenttrace.proxy.IntegrationSpans.nonBlank;
import static dev.agenttrace.proxy.IntegrationSpans.read;

import dev.agenttrace.AgentTrace;
import dev.agenttrace.Context;
import dev.agenttrace.Span;
import dev.agenttrace.Tracer;
import dev.agenttrace.proxy.IntegrationSpans;
import java.util.function.Function;
import java.util.function.Supplier;
import org.springframework.ai.document.Document;
import org.springframework.ai.embedding.EmbeddingModel;
import org.springframework.ai.embedding.EmbeddingRequest;
import org.springframework.ai.embedding.EmbeddingResponse;

/**
 * An {@link EmbeddingModel} whose requests are {@code embeddings {model}} spans. {@code
 * call(EmbeddingRequest)} and {@code embed(Document)} are traced and forwarded; {@code
 * embed(String)}, {@code embed(List)}, {@code embedForResponse} and the batching {@code
 * embed(documents, options, batching)} run the interface's default code on this wrapper, which
 * funnels into the traced {@code call}: one span per request (per batch, for the batching form).
 * {@code dimensions()} and {@code getEmbeddingContent} are forwarded, so asking the dimensions
 * records nothing.
 */
final class TracedEmbeddingModel implements EmbeddingModel {
  private final EmbeddingModel delegate;
  private final String provider;

  TracedEmbeddingModel(EmbeddingModel delegate, String provider) {
    this.delegate = delegate;
    this.provider = provider;
  }

  @Override
  public EmbeddingResponse call(EmbeddingRequest request) {
    String model = nonBlank(read(() -> request.getOptions().getModel()));
    return traced(model, () -> delegate.call(request), response -> response);
  }

  @Override
  public float[] embed(Document document) {
    return traced(null, () -> delegate.embed(document), vector -> null);
  }

  private <T> T traced(String model, Supplier<T> call, Function<T, EmbeddingResponse> response) {
    Tracer tracer = AgentTrace.tracer();
    if (!tracer.isEnabled()) {
      return call.get();
    }
    Span span =
        IntegrationSpans.startModelCall(
            tracer, Context.current(), OPERATION_EMBEDDINGS, model, provider, false);
    return IntegrationSpans.within(
        span,
        call,
        result -> {
          EmbeddingResponse embeddings = result == null ? null : response.apply(result);
          if (embeddings != null) {
            ModelSpans.recordUsage(span, read(() -> embeddings.getMetadata().getUsage()), false);
          }
        });
  }

  @Override
  public String getEmbeddingContent(Document document) {
    return delegate.getEmbeddingContent(document);
  }

  @Override
  public int dimensions() {
    return delegate.dimensions();
  }

  @Override
  public String toString() {
    return "Traced[" + delegate + "]";
  }
}

package dev.agenttrace.langchain4j;

import static dev.agenttrace.SemanticAttributes.OPERATION_EMBEDDINGS;
import static dev.agenttrace.proxy.IntegrationSpans.nonBlank;
import static dev.agenttrace.proxy.IntegrationSpans.read;

import dev.agenttrace.AgentTrace;
import dev.agenttrace.Span;
import dev.agenttrace.Tracer;
import dev.agenttrace.proxy.IntegrationSpans;
import dev.langchain4j.data.message.ContentType;
import dev.langchain4j.model.ModelProvider;
import dev.langchain4j.model.embedding.EmbeddingModel;
import dev.langchain4j.model.embedding.listener.EmbeddingModelListener;
import dev.langchain4j.model.embedding.request.EmbeddingParameter;
import dev.langchain4j.model.embedding.request.EmbeddingRequest;
import dev.langchain4j.model.embedding.request.EmbeddingRequestParameters;
import dev.langchain4j.model.embedding.response.EmbeddingResponse;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

/**
 * An {@link EmbeddingModel} whose requests are {@code embeddings {model}} spans. {@code
 * embed(EmbeddingRequest)} and {@code doEmbed} are traced and forwarded; {@code embed(String)},
 * {@code embed(TextSegment)} and {@code embedAll(List)} run EmbeddingModel's default code on this
 * wrapper, which funnels into the traced {@code embed(EmbeddingRequest)}: one span per call, with
 * the response's input token count. {@code dimension()}, {@code modelName()} and the other
 * properties are forwarded (so asking the dimension records nothing); {@code addListener} wraps
 * this wrapper, staying traced.
 */
final class TracedEmbeddingModel implements EmbeddingModel {
  private static final String UNKNOWN_MODEL = "unknown";

  private final EmbeddingModel delegate;

  TracedEmbeddingModel(EmbeddingModel delegate) {
    this.delegate = delegate;
  }

  @Override
  public EmbeddingResponse embed(EmbeddingRequest request) {
    return traced(request, delegate::embed);
  }

  @Override
  public EmbeddingResponse doEmbed(EmbeddingRequest request) {
    return traced(request, delegate::doEmbed);
  }

  private EmbeddingResponse traced(
      EmbeddingRequest request, Function<EmbeddingRequest, EmbeddingResponse> call) {
    Tracer tracer = AgentTrace.tracer();
    if (!tracer.isEnabled()) {
      return call.apply(request);
    }
    Span span =
        ModelSpans.start(
            tracer,
            OPERATION_EMBEDDINGS,
            requestModel(request),
            Providers.name(read(delegate::provider)),
            false);
    return IntegrationSpans.within(
        span,
        () -> call.apply(request),
        response -> {
          if (response != null) {
            ModelSpans.recordUsage(span, read(response::tokenUsage));
          }
        });
  }

  /** The request's model, else the default parameters', else the model's own name if it has one. */
  private String requestModel(EmbeddingRequest request) {
    String model = nonBlank(read(request::modelName));
    if (model == null) {
      model = nonBlank(read(() -> delegate.defaultRequestParameters().modelName()));
    }
    if (model == null) {
      model = nonBlank(read(delegate::modelName));
    }
    return UNKNOWN_MODEL.equals(model) ? null : model;
  }

  @Override
  public List<EmbeddingModelListener> listeners() {
    return delegate.listeners();
  }

  @Override
  public ModelProvider provider() {
    return delegate.provider();
  }

  @Override
  public EmbeddingRequestParameters defaultRequestParameters() {
    return delegate.defaultRequestParameters();
  }

  @Override
  public Set<EmbeddingParameter<?>> supportedParameters() {
    return delegate.supportedParameters();
  }

  @Override
  public Set<ContentType> supportedContentTypes() {
    return delegate.supportedContentTypes();
  }

  @Override
  public int dimension() {
    return delegate.dimension();
  }

  @Override
  public String modelName() {
    return delegate.modelName();
  }

  @Override
  public String toString() {
    return "Traced[" + delegate + "]";
  }
}

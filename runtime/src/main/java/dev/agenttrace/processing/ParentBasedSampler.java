package dev.agenttrace.processing;

import dev.agenttrace.Attributes;
import dev.agenttrace.SpanContext;
import dev.agenttrace.SpanKind;

/**
 * Follows the parent's decision, as OpenTelemetry's {@code ParentBased} sampler does: a root span
 * asks the root sampler; a span with a parent asks one of four delegates chosen by whether the
 * parent is remote (came in through {@code traceparent}) and whether its sampled flag is set. Built
 * by {@link ParentBasedSamplerBuilder}.
 */
final class ParentBasedSampler implements Sampler {
  private final Sampler root;
  private final Sampler remoteParentSampled;
  private final Sampler remoteParentNotSampled;
  private final Sampler localParentSampled;
  private final Sampler localParentNotSampled;
  private final String description;

  ParentBasedSampler(
      Sampler root,
      Sampler remoteParentSampled,
      Sampler remoteParentNotSampled,
      Sampler localParentSampled,
      Sampler localParentNotSampled) {
    this.root = root;
    this.remoteParentSampled = remoteParentSampled;
    this.remoteParentNotSampled = remoteParentNotSampled;
    this.localParentSampled = localParentSampled;
    this.localParentNotSampled = localParentNotSampled;
    this.description =
        "ParentBased{root:"
            + root.description()
            + ",remoteParentSampled:"
            + remoteParentSampled.description()
            + ",remoteParentNotSampled:"
            + remoteParentNotSampled.description()
            + ",localParentSampled:"
            + localParentSampled.description()
            + ",localParentNotSampled:"
            + localParentNotSampled.description()
            + '}';
  }

  @Override
  public SamplingDecision shouldSample(
      SpanContext parent,
      long traceIdHigh,
      long traceIdLow,
      String name,
      SpanKind kind,
      Attributes attributes) {
    Sampler delegate;
    if (!parent.isValid()) {
      delegate = root;
    } else if (parent.isRemote()) {
      delegate = parent.isSampled() ? remoteParentSampled : remoteParentNotSampled;
    } else {
      delegate = parent.isSampled() ? localParentSampled : localParentNotSampled;
    }
    return delegate.shouldSample(parent, traceIdHigh, traceIdLow, name, kind, attributes);
  }

  @Override
  public SamplingDecision decisionForLocalChild(boolean parentSampled) {
    return (parentSampled ? localParentSampled : localParentNotSampled)
        .decisionForLocalChild(parentSampled);
  }

  @Override
  public String description() {
    return description;
  }

  @Override
  public String toString() {
    return description;
  }
}

package dev.agenttrace.processing;

import dev.agenttrace.Attributes;
import dev.agenttrace.SpanContext;
import dev.agenttrace.SpanKind;

/** Samplers that decide the same for every span. */
enum ConstantSampler implements Sampler {
  ALWAYS_ON(SamplingDecision.RECORD_AND_SAMPLE, "AlwaysOnSampler"),
  ALWAYS_OFF(SamplingDecision.DROP, "AlwaysOffSampler");

  private final SamplingDecision decision;
  private final String description;

  ConstantSampler(SamplingDecision decision, String description) {
    this.decision = decision;
    this.description = description;
  }

  @Override
  public SamplingDecision shouldSample(
      SpanContext parent,
      long traceIdHigh,
      long traceIdLow,
      String name,
      SpanKind kind,
      Attributes attributes) {
    return decision;
  }

  @Override
  public SamplingDecision decisionForLocalChild(boolean parentSampled) {
    return decision;
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

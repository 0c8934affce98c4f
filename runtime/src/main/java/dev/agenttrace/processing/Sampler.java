package dev.agenttrace.processing;

import dev.agenttrace.Attributes;
import dev.agenttrace.SpanContext;
import dev.agenttrace.SpanKind;

/**
 * Decides, when a span starts, whether it is recorded (head sampling). Called on the hot path: it
 * must be fast, must not block and should not allocate.
 */
public interface Sampler {

  /**
   * Decides for a new span.
   *
   * @param parent the parent's context, {@link SpanContext#invalid()} for a root span
   * @param traceIdHigh upper half of the trace id (the parent's, or newly made)
   * @param traceIdLow lower half of the trace id, whose random bits ratio samplers read
   * @param name the span name
   * @param kind the span kind
   * @param attributes the attributes known at start
   */
  SamplingDecision shouldSample(
      SpanContext parent,
      long traceIdHigh,
      long traceIdLow,
      String name,
      SpanKind kind,
      Attributes attributes);

  /**
   * The decision {@link #shouldSample} would make for a child of a span of this process whose
   * sampled flag is {@code parentSampled}, when that flag alone decides it; null when the decision
   * needs more (the trace id, the name, the attributes). The tracer asks this first for a child of
   * a local span, so that a nested call needs no context object for its parent, and asks {@link
   * #shouldSample} when the answer is null. The default answers null, which is always correct.
   */
  default SamplingDecision decisionForLocalChild(boolean parentSampled) {
    return null;
  }

  /** A short description for logs, such as {@code AlwaysOn}. */
  String description();

  /** Records and samples every span. */
  static Sampler alwaysOn() {
    return ConstantSampler.ALWAYS_ON;
  }

  /** Records no span. */
  static Sampler alwaysOff() {
    return ConstantSampler.ALWAYS_OFF;
  }

  /**
   * Samples the share {@code ratio} of traces, deciding from the trace id's random bits so that
   * every service with the same ratio decides the same for a trace.
   *
   * @throws IllegalArgumentException if {@code ratio} is not within {@code [0, 1]}
   */
  static Sampler traceIdRatio(double ratio) {
    return new TraceIdRatioSampler(ratio);
  }

  /**
   * Follows the parent's sampled flag and asks {@code root} for root spans: the usual production
   * sampler, {@code Sampler.parentBased(Sampler.traceIdRatio(0.1))}.
   */
  static Sampler parentBased(Sampler root) {
    return parentBasedBuilder(root).build();
  }

  /** Configures a parent-based sampler whose four parent cases may differ from the defaults. */
  static ParentBasedSamplerBuilder parentBasedBuilder(Sampler root) {
    return new ParentBasedSamplerBuilder(root);
  }
}

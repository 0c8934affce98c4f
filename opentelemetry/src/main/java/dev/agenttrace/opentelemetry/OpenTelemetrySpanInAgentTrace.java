package dev.agenttrace.opentelemetry;

import dev.agenttrace.AttributeKey;
import dev.agenttrace.Attributes;
import dev.agenttrace.Span;
import dev.agenttrace.SpanContext;
import dev.agenttrace.StatusCode;

/**
 * An OpenTelemetry span as AgentTrace's current span: it carries the OpenTelemetry span's identity
 * so that AgentTrace spans started inside become its children. It records nothing itself; the
 * OpenTelemetry span stays the one to record on.
 */
final class OpenTelemetrySpanInAgentTrace implements Span {
  private final io.opentelemetry.api.trace.Span otelSpan;
  private final SpanContext spanContext;

  OpenTelemetrySpanInAgentTrace(io.opentelemetry.api.trace.Span otelSpan, SpanContext context) {
    this.otelSpan = otelSpan;
    this.spanContext = context;
  }

  @Override
  public SpanContext spanContext() {
    return spanContext;
  }

  @Override
  public boolean isRecording() {
    return false;
  }

  @Override
  public <T> Span setAttribute(AttributeKey<T> key, T value) {
    return this;
  }

  @Override
  public Span addEvent(String name, Attributes attributes) {
    return this;
  }

  @Override
  public Span setStatus(StatusCode code, String description) {
    return this;
  }

  @Override
  public Span recordException(Throwable exception) {
    return this;
  }

  @Override
  public void end() {}

  @Override
  public void end(long epochNanos) {}

  @Override
  public String toString() {
    return "OpenTelemetrySpanInAgentTrace{" + otelSpan + '}';
  }
}

package dev.agenttrace.opentelemetry;

import dev.agenttrace.NonRecordingSpanBase;
import dev.agenttrace.SpanContext;

/**
 * An OpenTelemetry span as AgentTrace's current span: it carries the OpenTelemetry span's identity
 * so that AgentTrace spans started inside become its children. It records nothing itself; the
 * OpenTelemetry span stays the one to record on.
 */
final class OpenTelemetrySpanInAgentTrace extends NonRecordingSpanBase {
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
  public String toString() {
    return "OpenTelemetrySpanInAgentTrace{" + otelSpan + '}';
  }
}

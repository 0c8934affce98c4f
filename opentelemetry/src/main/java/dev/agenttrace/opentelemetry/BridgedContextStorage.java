package dev.agenttrace.opentelemetry;

import dev.agenttrace.SpanContext;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.ContextStorage;
import io.opentelemetry.context.Scope;

/**
 * OpenTelemetry's context storage, kept in step with AgentTrace's: attaching an OpenTelemetry
 * context also makes its span current in AgentTrace (as a non-recording stand-in), and reading the
 * current OpenTelemetry context puts AgentTrace's current span in it when that one is innermost.
 */
final class BridgedContextStorage implements ContextStorage {
  private final ContextStorage delegate;

  BridgedContextStorage(ContextStorage delegate) {
    this.delegate = delegate;
  }

  @Override
  public Scope attach(Context toAttach) {
    Scope otelScope = delegate.attach(toAttach);
    if (toAttach == null) {
      return otelScope;
    }
    Span otelSpan = Span.fromContext(toAttach);
    dev.agenttrace.Span agentTraceCurrent = dev.agenttrace.Span.current();
    SpanContext otelContext = OpenTelemetryMapping.fromOtel(otelSpan.getSpanContext());
    // A context made current again (Context.current().makeCurrent()) carries AgentTrace's own
    // span as a stand-in: keep the real, recording span current then.
    dev.agenttrace.Span innermost =
        sameSpan(agentTraceCurrent.spanContext(), otelContext)
            ? agentTraceCurrent
            : new OpenTelemetrySpanInAgentTrace(otelSpan, otelContext);
    dev.agenttrace.Scope agentTraceScope = innermost.makeCurrent();
    return () -> {
      agentTraceScope.close();
      otelScope.close();
    };
  }

  @Override
  public Context current() {
    Context current = delegate.current();
    dev.agenttrace.Span innermost = dev.agenttrace.Span.current();
    if (innermost instanceof OpenTelemetrySpanInAgentTrace) {
      return current; // the innermost span is OpenTelemetry's own, already in its context
    }
    SpanContext agentTraceContext = innermost.spanContext();
    if (!agentTraceContext.isValid()) {
      return current;
    }
    Context base = current == null ? Context.root() : current;
    return base.with(Span.wrap(OpenTelemetryMapping.toOtel(agentTraceContext)));
  }

  private static boolean sameSpan(SpanContext a, SpanContext b) {
    return a.isValid()
        && a.spanIdLong() == b.spanIdLong()
        && a.traceIdLow() == b.traceIdLow()
        && a.traceIdHigh() == b.traceIdHigh();
  }

  @Override
  public Context root() {
    return delegate.root();
  }

  @Override
  public String toString() {
    return "BridgedContextStorage{" + delegate + '}';
  }
}

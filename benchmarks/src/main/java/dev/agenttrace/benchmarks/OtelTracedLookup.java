package dev.agenttrace.benchmarks;

import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Scope;

/**
 * {@code lookup(orderId)} traced by hand with the OpenTelemetry API as a careful user writes it:
 * the same span name and attributes as the generated proxy records, made current, ended, errors
 * recorded.
 */
final class OtelTracedLookup {
  private OtelTracedLookup() {}

  static int lookup(Tracer tracer, OrderLookup tool, int orderId) {
    Span span =
        tracer
            .spanBuilder("execute_tool lookup_order")
            .setAttribute(OtelSetup.OPERATION, "execute_tool")
            .setAttribute(OtelSetup.TOOL_NAME, "lookup_order")
            .setAttribute(OtelSetup.TOOL_DESCRIPTION, "Find an order by id")
            .setAttribute(OtelSetup.FUNCTION, "dev.agenttrace.benchmarks.OrderLookup.lookup")
            .setAttribute(OtelSetup.TOOL_TYPE, "function")
            .startSpan();
    span.setAttribute(OtelSetup.ORDER_ID, (long) orderId);
    try (Scope scope = span.makeCurrent()) {
      int result = tool.lookup(orderId);
      span.setStatus(StatusCode.OK);
      return result;
    } catch (RuntimeException e) {
      span.recordException(e);
      span.setStatus(StatusCode.ERROR);
      throw e;
    } finally {
      span.end();
    }
  }
}

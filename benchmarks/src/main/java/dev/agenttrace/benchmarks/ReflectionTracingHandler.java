package dev.agenttrace.benchmarks;

import dev.agenttrace.AgentTrace;
import dev.agenttrace.Scope;
import dev.agenttrace.Span;
import dev.agenttrace.StatusCode;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;

/**
 * What reflection-based tracing frameworks do: a {@link Proxy} whose handler reads the method's
 * runtime annotation on every call, builds the span name and invokes the target reflectively. It
 * records the same span as the generated proxy, through the same tracer, so the difference is the
 * proxy mechanism alone.
 */
final class ReflectionTracingHandler implements InvocationHandler {
  private final Object target;

  private ReflectionTracingHandler(Object target) {
    this.target = target;
  }

  static ReflectiveOrderLookup wrap(OrderLookup target) {
    ReflectiveOrderLookup adapter = target::lookup;
    return (ReflectiveOrderLookup)
        Proxy.newProxyInstance(
            ReflectiveOrderLookup.class.getClassLoader(),
            new Class<?>[] {ReflectiveOrderLookup.class},
            new ReflectionTracingHandler(adapter));
  }

  @Override
  public Object invoke(Object proxy, Method method, Object[] args) throws Throwable {
    RuntimeTool tool = method.getAnnotation(RuntimeTool.class);
    if (tool == null) {
      return method.invoke(target, args);
    }
    Span span =
        AgentTrace.tracer()
            .spanBuilder("execute_tool " + tool.name())
            .setAttribute(dev.agenttrace.SemanticAttributes.GEN_AI_OPERATION_NAME, "execute_tool")
            .setAttribute(dev.agenttrace.SemanticAttributes.GEN_AI_TOOL_NAME, tool.name())
            .startSpan();
    span.setAttribute("order.id", ((Integer) args[0]).longValue());
    try (Scope scope = span.makeCurrent()) {
      Object result = method.invoke(target, args);
      span.setStatus(StatusCode.OK);
      return result;
    } catch (InvocationTargetException e) {
      span.recordError(e.getCause());
      throw e.getCause();
    } finally {
      span.end();
    }
  }
}

package dev.agenttrace.example;

import static java.util.Objects.requireNonNull;

import dev.agenttrace.Span;
import dev.agenttrace.SpanBuilder;
import dev.agenttrace.SpanTemplate;
import dev.agenttrace.Tracer;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Lets two services share one JVM in this demo while each records with its own tracer.
 *
 * <p>In production each service is its own process with its own tracer installed in {@link
 * dev.agenttrace.AgentTrace}, and the spans of each carry that service's {@code service.name}. Here
 * the orchestrator and the billing specialist run in one JVM, but {@code AgentTrace} holds one
 * tracer per JVM. So this tracer is installed globally and hands each call to the tracer of the
 * service whose thread makes it: each service serves its HTTP requests on threads from {@link
 * #executorFor}, bound to that service's tracer when they start. Threads of no service get {@code
 * fallback}. The services never share a thread, so no span can be recorded under the wrong service;
 * the only cross-service link is the HTTP hand-off, exactly as between two processes.
 */
final class PerServiceTracer implements Tracer {
  private final ThreadLocal<Tracer> bound = new ThreadLocal<>();
  private final Tracer fallback;

  PerServiceTracer(Tracer fallback) {
    this.fallback = requireNonNull(fallback, "fallback");
  }

  /** A pool of daemon threads named after {@code serviceName}, each bound to {@code tracer}. */
  ExecutorService executorFor(String serviceName, Tracer tracer) {
    requireNonNull(tracer, "tracer");
    AtomicInteger count = new AtomicInteger();
    ThreadFactory threads =
        task -> {
          Thread thread =
              new Thread(
                  () -> {
                    bound.set(tracer);
                    task.run();
                  },
                  serviceName + "-" + count.incrementAndGet());
          thread.setDaemon(true);
          return thread;
        };
    return Executors.newCachedThreadPool(threads);
  }

  private Tracer current() {
    Tracer tracer = bound.get();
    return tracer == null ? fallback : tracer;
  }

  @Override
  public boolean isEnabled() {
    return current().isEnabled();
  }

  @Override
  public Span startSpan(SpanTemplate template) {
    return current().startSpan(template);
  }

  @Override
  public SpanBuilder spanBuilder(String name) {
    return current().spanBuilder(name);
  }

  @Override
  public SpanBuilder spanBuilder(SpanTemplate template) {
    return current().spanBuilder(template);
  }
}

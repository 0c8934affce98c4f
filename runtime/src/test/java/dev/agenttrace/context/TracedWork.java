package dev.agenttrace.context;

import dev.agenttrace.Scope;
import dev.agenttrace.Span;
import dev.agenttrace.processing.InMemorySpanCollector;
import dev.agenttrace.sdk.TracerSdk;
import dev.agenttrace.spi.SpanData;
import java.util.function.Supplier;

/** A recording tracer for the propagation tests, with helpers to trace work and find spans. */
// Scopes are closed by try-with-resources without being read: that is their use.
@SuppressWarnings("try")
final class TracedWork {
  final InMemorySpanCollector collector = new InMemorySpanCollector();
  final TracerSdk tracer = TracerSdk.builder().addSpanProcessor(collector).build();

  /** Runs {@code work} inside a span named {@code name}, made current. */
  <T> T inSpan(String name, Supplier<T> work) {
    Span span = tracer.spanBuilder(name).startSpan();
    try (Scope scope = span.makeCurrent()) {
      return work.get();
    } finally {
      span.end();
    }
  }

  /** The finished span named {@code name}. */
  SpanData finished(String name) {
    return collector.finishedSpans().stream()
        .filter(span -> span.name().equals(name))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no finished span named " + name));
  }

  /** Sleeps a little, as a tool call would take time. */
  static void pause(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}

package dev.agenttrace;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TracingOffTest {
  @Test
  void tracingIsOffUntilATracerIsInstalled() {
    Tracer tracer = AgentTrace.tracer();

    assertThat(tracer.isEnabled()).isFalse();
    Span span = tracer.startSpan(SpanTemplate.builder("anything").build());
    assertThat(span.isRecording()).isFalse();
    span.end();
  }
}

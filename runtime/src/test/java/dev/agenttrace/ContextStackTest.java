package dev.agenttrace;

import static org.assertj.core.api.Assertions.assertThat;

import dev.agenttrace.sdk.TracerSdk;
import org.junit.jupiter.api.Test;

/** The handle a tracer reads the parent through: the same answers as {@link Span#current()}. */
// Scopes are closed by try-with-resources without being read: that is their use.
@SuppressWarnings("try")
class ContextStackTest {
  private final TracerSdk tracer = TracerSdk.builder().build();

  @Test
  void theCurrentSpanOfTheCallersStackIsSpanCurrent() {
    Span span = tracer.spanBuilder("span").startSpan();
    try (Scope scope = span.makeCurrent()) {
      assertThat(ContextStack.ofCurrentThread().currentSpan()).isSameAs(span);
    }
    assertThat(ContextStack.ofCurrentThread().currentSpan()).isSameAs(Span.current());
  }

  @Test
  void aStackAskedOnAnotherThreadAnswersForThatThread() throws Exception {
    Span span = tracer.spanBuilder("span").startSpan();
    ContextStack mine = ContextStack.ofCurrentThread();
    Span[] seenElsewhere = new Span[1];
    try (Scope scope = span.makeCurrent()) {
      Thread other = new Thread(() -> seenElsewhere[0] = mine.currentSpan());
      other.start();
      other.join();
    }

    assertThat(seenElsewhere[0].spanContext().isValid()).isFalse();
  }

  @Test
  void aChildStartedByTheTracerHasTheCurrentSpanAsParent() {
    Span parent = tracer.spanBuilder("parent").startSpan();
    Span child;
    try (Scope scope = parent.makeCurrent()) {
      child = tracer.startSpan(SpanTemplate.builder("child").build());
    }

    assertThat(child.spanContext().traceId()).isEqualTo(parent.spanContext().traceId());
    assertThat(((dev.agenttrace.spi.SpanData) child).parentSpanId())
        .isEqualTo(parent.spanContext().spanId());
  }
}

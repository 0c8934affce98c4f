package dev.agenttrace;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import dev.agenttrace.sdk.TracerSdk;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

// Scopes are closed by try-with-resources without being read: that is their use.
@SuppressWarnings("try")
class ScopeOrderTest {
  private final TracerSdk tracer = TracerSdk.builder().build();
  private final Logger storageLogger = (Logger) LoggerFactory.getLogger(ContextStorage.class);
  private final ListAppender<ILoggingEvent> logged = new ListAppender<>();

  @BeforeEach
  void captureWarnings() {
    logged.start();
    storageLogger.addAppender(logged);
  }

  @AfterEach
  void stopCapturing() {
    storageLogger.detachAppender(logged);
  }

  @Test
  void closingAnOuterScopeFirstIsReportedAndClosesTheInnerOne() {
    Span outer = tracer.spanBuilder("outer").startSpan();
    Span inner = tracer.spanBuilder("inner").startSpan();
    Scope outerScope = outer.makeCurrent();
    Scope innerScope = inner.makeCurrent();

    outerScope.close();

    assertThat(Span.current().spanContext().isValid()).isFalse();
    assertThat(logged.list).hasSize(1);
    ILoggingEvent warning = logged.list.get(0);
    assertThat(warning.getLevel()).isEqualTo(Level.WARN);
    assertThat(warning.getFormattedMessage())
        .contains("closed while scopes opened after it were still open")
        .contains(inner.spanContext().spanId());

    innerScope.close();
    assertThat(Span.current().spanContext().isValid()).isFalse();
    assertThat(logged.list).hasSize(1);
  }

  @Test
  void outOfOrderCloseRestoresWhatWasCurrentBeforeTheClosedScope() {
    Span request = tracer.spanBuilder("request").startSpan();
    try (Scope requestScope = request.makeCurrent()) {
      Scope leaked = tracer.spanBuilder("leaked").startSpan().makeCurrent();
      Scope middle = tracer.spanBuilder("middle").startSpan().makeCurrent();
      Scope top = tracer.spanBuilder("top").startSpan().makeCurrent();

      leaked.close();

      assertThat(Span.current()).isSameAs(request);
      top.close();
      middle.close();
      assertThat(Span.current()).isSameAs(request);
    }
    assertThat(Span.current().spanContext().isValid()).isFalse();
  }

  @Test
  void closingTwiceIsHarmlessAndSilent() {
    Span span = tracer.spanBuilder("span").startSpan();
    Scope scope = span.makeCurrent();

    scope.close();
    scope.close();

    assertThat(Span.current().spanContext().isValid()).isFalse();
    assertThat(logged.list).isEmpty();
  }

  @Test
  void closingOnAnotherThreadIsReportedAndTheOwnerCanStillCloseIt() throws Exception {
    Span span = tracer.spanBuilder("span").startSpan();
    Scope scope = span.makeCurrent();
    Span[] currentOnOtherThread = new Span[1];

    Thread other =
        new Thread(
            () -> {
              scope.close();
              currentOnOtherThread[0] = Span.current();
            });
    other.start();
    other.join();

    assertThat(currentOnOtherThread[0].spanContext().isValid()).isFalse();
    assertThat(logged.list)
        .singleElement()
        .satisfies(
            e ->
                assertThat(e.getFormattedMessage())
                    .contains("closed on a thread other than the one that opened it"));
    assertThat(Span.current()).isSameAs(span);
    scope.close();
    assertThat(Span.current().spanContext().isValid()).isFalse();
  }

  @Test
  void anEarlierScopeClosedAgainLeavesALaterScopeOfTheSameSpanOpen() {
    Span span = tracer.spanBuilder("span").startSpan();
    Scope first = span.makeCurrent();
    first.close();
    Scope second = span.makeCurrent();

    first.close();

    assertThat(Span.current()).isSameAs(span);
    assertThat(logged.list).isEmpty();
    second.close();
    assertThat(Span.current().spanContext().isValid()).isFalse();
  }

  @Test
  void aSpanMadeCurrentAgainInsideItsChildRestoresEachLevelInOrder() {
    Span span = tracer.spanBuilder("span").startSpan();
    Span child = tracer.spanBuilder("child").startSpan();
    Scope outer = span.makeCurrent();
    Scope childScope = child.makeCurrent();
    Scope again = span.makeCurrent();

    again.close();
    assertThat(Span.current()).isSameAs(child);
    childScope.close();
    assertThat(Span.current()).isSameAs(span);
    outer.close();
    assertThat(Span.current().spanContext().isValid()).isFalse();
    assertThat(logged.list).isEmpty();
  }

  @Test
  void aSpanCurrentOnItsOwnThreadCanBeMadeCurrentOnAnotherThreadToo() throws Exception {
    Span span = tracer.spanBuilder("span").startSpan();
    Scope scope = span.makeCurrent();
    Span[] seenOnOtherThread = new Span[2];

    Thread other =
        new Thread(
            () -> {
              try (Scope borrowed = span.makeCurrent()) {
                seenOnOtherThread[0] = Span.current();
              }
              seenOnOtherThread[1] = Span.current();
            });
    other.start();
    other.join();

    assertThat(seenOnOtherThread[0]).isSameAs(span);
    assertThat(seenOnOtherThread[1].spanContext().isValid()).isFalse();
    assertThat(Span.current()).isSameAs(span);
    scope.close();
    assertThat(Span.current().spanContext().isValid()).isFalse();
    assertThat(logged.list).isEmpty();
  }

  @Test
  void baggageMadeCurrentOutsideASpanIsCurrentInsideItAndAfterIt() {
    Baggage baggage = Baggage.builder().put("tenant", "acme").build();
    try (Scope baggageScope = baggage.makeCurrent()) {
      Span span = tracer.spanBuilder("span").startSpan();
      try (Scope scope = span.makeCurrent()) {
        assertThat(Baggage.current()).isSameAs(baggage);
        assertThat(Span.current()).isSameAs(span);
      }
      assertThat(Baggage.current()).isSameAs(baggage);
    }
    assertThat(Baggage.current().isEmpty()).isTrue();
  }
}

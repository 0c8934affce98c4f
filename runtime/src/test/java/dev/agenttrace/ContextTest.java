package dev.agenttrace;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

class ContextTest {
  private static Span span(long id) {
    return Span.wrap(SpanContext.create(1, 2, id, SpanContext.FLAG_SAMPLED, TraceState.empty()));
  }

  @Test
  void nothingIsCurrentOnAFreshThread() {
    assertThat(Span.current().spanContext().isValid()).isFalse();
    assertThat(Context.current()).isSameAs(Context.root());
  }

  @Test
  void closingAScopeRestoresWhatWasCurrentBefore() {
    Span outer = span(1);
    Span inner = span(2);
    try (Scope outerScope = outer.makeCurrent()) {
      try (Scope innerScope = inner.makeCurrent()) {
        assertThat(Span.current()).isSameAs(inner);
      }
      assertThat(Span.current()).isSameAs(outer);
    }
    assertThat(Span.current()).isSameAs(Span.invalid());
  }

  @Test
  void closingAScopeTwiceIsHarmless() {
    Span outer = span(1);
    try (Scope outerScope = outer.makeCurrent()) {
      Scope inner = span(2).makeCurrent();
      inner.close();
      inner.close();
      assertThat(Span.current()).isSameAs(outer);
    }
  }

  @Test
  void closingAnOuterScopeFirstClosesTheInnerOnesAndRestoresTheOuterPrevious() {
    Span base = span(1);
    try (Scope baseScope = base.makeCurrent()) {
      Scope outer = span(2).makeCurrent();
      Scope inner = span(3).makeCurrent();

      outer.close();
      assertThat(Span.current()).isSameAs(base);

      inner.close();
      assertThat(Span.current()).isSameAs(base);
    }
    assertThat(Span.current()).isSameAs(Span.invalid());
  }

  @Test
  void aScopeClosedOnAnotherThreadLeavesThatThreadAloneAndIsDroppedOnItsOwn() throws Exception {
    Span mine = span(1);
    Scope scope = mine.makeCurrent();
    AtomicReference<Span> seenThere = new AtomicReference<>();
    Thread other =
        new Thread(
            () -> {
              scope.close();
              seenThere.set(Span.current());
            });
    other.start();
    other.join();

    assertThat(seenThere.get()).isSameAs(Span.invalid());
    assertThat(Span.current()).isSameAs(Span.invalid());
  }

  @Test
  void wrappedTaskRunsWithTheCapturedContextOnAnotherThread() throws Exception {
    Span parent = span(7);
    Baggage baggage = Baggage.builder().put("tenant", "acme").build();
    AtomicReference<Span> seenSpan = new AtomicReference<>();
    AtomicReference<String> seenTenant = new AtomicReference<>();
    ExecutorService executor = Executors.newSingleThreadExecutor();
    try (Scope scope = Context.root().with(parent).with(baggage).makeCurrent()) {
      executor
          .submit(
              Context.current()
                  .wrap(
                      () -> {
                        seenSpan.set(Span.current());
                        seenTenant.set(Baggage.current().get("tenant"));
                      }))
          .get();
    } finally {
      executor.shutdown();
      executor.awaitTermination(5, TimeUnit.SECONDS);
    }
    assertThat(seenSpan.get()).isSameAs(parent);
    assertThat(seenTenant.get()).isEqualTo("acme");
  }

  @Test
  void baggageMadeCurrentKeepsTheCurrentSpan() {
    Span parent = span(3);
    try (Scope spanScope = parent.makeCurrent();
        Scope baggageScope = Baggage.builder().put("k", "v").build().makeCurrent()) {
      assertThat(Span.current()).isSameAs(parent);
      assertThat(Baggage.current().get("k")).isEqualTo("v");
    }
    assertThat(Baggage.current().isEmpty()).isTrue();
  }
}

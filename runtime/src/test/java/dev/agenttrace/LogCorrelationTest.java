package dev.agenttrace;

import static org.assertj.core.api.Assertions.assertThat;

import dev.agenttrace.context.ContextExecutors;
import dev.agenttrace.sdk.TracerSdk;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.slf4j.MDC;

// Scopes are closed by try-with-resources without being read: that is their use.
@SuppressWarnings("try")
class LogCorrelationTest {
  private final TracerSdk tracer = TracerSdk.builder().build();

  @AfterEach
  void restoreDefault() {
    LogCorrelation.setEnabled(true);
    MDC.clear();
  }

  @Test
  void isOnByDefaultWithAnMdcCapableBinding() {
    assertThat(LogCorrelation.isEnabled()).isTrue();
  }

  @Test
  void mdcHoldsTheCurrentSpanIdsAndIsRestoredAfterEachScope() {
    Span outer = tracer.spanBuilder("outer").startSpan();
    Span inner = tracer.spanBuilder("inner").startSpan();

    try (Scope outerScope = outer.makeCurrent()) {
      assertThat(MDC.get("trace_id")).isEqualTo(outer.spanContext().traceId());
      assertThat(MDC.get("span_id")).isEqualTo(outer.spanContext().spanId());
      try (Scope innerScope = inner.makeCurrent()) {
        assertThat(MDC.get("span_id")).isEqualTo(inner.spanContext().spanId());
      }
      assertThat(MDC.get("span_id")).isEqualTo(outer.spanContext().spanId());
    }

    assertThat(MDC.get("trace_id")).isNull();
    assertThat(MDC.get("span_id")).isNull();
  }

  @Test
  void baggageOnlyScopeKeepsTheSpanIds() {
    Span span = tracer.spanBuilder("span").startSpan();
    try (Scope scope = span.makeCurrent()) {
      try (Scope baggage = Baggage.builder().put("k", "v").build().makeCurrent()) {
        assertThat(MDC.get("span_id")).isEqualTo(span.spanContext().spanId());
      }
      assertThat(MDC.get("span_id")).isEqualTo(span.spanContext().spanId());
    }
  }

  @Test
  void outOfOrderCloseLeavesTheMdcOfTheRestoredSpan() {
    Span request = tracer.spanBuilder("request").startSpan();
    try (Scope requestScope = request.makeCurrent()) {
      Scope leaked = tracer.spanBuilder("leaked").startSpan().makeCurrent();
      tracer.spanBuilder("inner").startSpan().makeCurrent();

      leaked.close();

      assertThat(MDC.get("span_id")).isEqualTo(request.spanContext().spanId());
    }
    assertThat(MDC.get("span_id")).isNull();
  }

  @Test
  void pooledThreadGetsTheSubmittersIdsAndIsLeftClean() throws Exception {
    ExecutorService single = Executors.newSingleThreadExecutor();
    try {
      ExecutorService pool = ContextExecutors.wrap(single);
      Span span = tracer.spanBuilder("request").startSpan();
      String seen;
      try (Scope scope = span.makeCurrent()) {
        seen = pool.submit(() -> MDC.get("span_id")).get();
      }

      Map<String, String> after = single.submit(MDC::getCopyOfContextMap).get();

      assertThat(seen).isEqualTo(span.spanContext().spanId());
      assertThat(after == null ? Map.of() : after).doesNotContainKeys("trace_id", "span_id");
    } finally {
      single.shutdownNow();
    }
  }

  @Test
  void turnedOffLeavesTheMdcAlone() {
    LogCorrelation.setEnabled(false);
    Span span = tracer.spanBuilder("span").startSpan();

    try (Scope scope = span.makeCurrent()) {
      assertThat(MDC.get("trace_id")).isNull();
    }
  }
}

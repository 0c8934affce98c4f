package dev.agenttrace.proxy;

import static dev.agenttrace.proxy.StreamingFixture.eventNames;
import static org.assertj.core.api.Assertions.assertThat;

import dev.agenttrace.SemanticAttributes;
import dev.agenttrace.StatusCode;
import dev.agenttrace.spi.SpanData;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class StreamingCallTest {
  private final StreamingFixture fixture = new StreamingFixture(3);
  private final ExecutorService threads = Executors.newFixedThreadPool(8);

  @AfterEach
  void stopThreads() {
    threads.shutdownNow();
  }

  private StreamingCall start() {
    return fixture.start();
  }

  private SpanData onlySpan() {
    assertThat(fixture.endedSpans()).hasSize(1);
    return fixture.endedSpans().get(0);
  }

  @Test
  void spanStaysOpenUntilTheCallCompletes() {
    StreamingCall call = start();

    assertThat(fixture.isOpen()).isTrue();
    call.complete();

    assertThat(onlySpan().statusCode()).isEqualTo(StatusCode.UNSET);
  }

  @Test
  void signalsAfterTheFirstEndRecordNothing() {
    StreamingCall call = start();

    call.complete();
    call.fail(new IllegalStateException("late"));
    call.cancel();
    call.chunk();

    SpanData span = onlySpan();
    assertThat(span.statusCode()).isEqualTo(StatusCode.UNSET);
    assertThat(span.events()).isEmpty();
  }

  @Test
  void failureRecordsTheErrorAndEndsTheSpan() {
    StreamingCall call = start();
    IllegalStateException error = new IllegalStateException("rate limited");

    call.fail(error);

    SpanData span = onlySpan();
    assertThat(span.statusCode()).isEqualTo(StatusCode.ERROR);
    assertThat(span.attributes().get(SemanticAttributes.ERROR_TYPE))
        .isEqualTo("java.lang.IllegalStateException");
    assertThat(eventNames(span)).containsExactly(SemanticAttributes.EXCEPTION_EVENT_NAME);
  }

  @Test
  void firstChunkRecordsOneEventAndTheTimeToIt() {
    StreamingCall call = start();

    call.chunk();
    call.chunk();
    call.complete();

    SpanData span = onlySpan();
    assertThat(eventNames(span)).containsExactly(StreamingCall.FIRST_CHUNK_EVENT);
    assertThat(span.attributes().get(SemanticAttributes.GEN_AI_RESPONSE_TIME_TO_FIRST_CHUNK))
        .isPositive()
        .isLessThan(span.durationNanos() / 1e9 + 1e-3);
  }

  @Test
  void cancellationEndsTheSpanWithAnEventAndNoError() {
    StreamingCall call = start();

    call.cancel();

    SpanData span = onlySpan();
    assertThat(span.statusCode()).isEqualTo(StatusCode.UNSET);
    assertThat(eventNames(span)).containsExactly(StreamingCall.CANCELLED_EVENT);
  }

  @Test
  void concurrentCompletionAndFailureEndTheSpanExactlyOnce() throws Exception {
    for (int round = 0; round < 50; round++) {
      fixture.collector.clear();
      StreamingCall call = start();
      CountDownLatch go = new CountDownLatch(1);
      List<Future<?>> signals = new ArrayList<>();
      for (int i = 0; i < 8; i++) {
        boolean fail = i % 2 == 0;
        signals.add(
            threads.submit(
                () -> {
                  go.await();
                  if (fail) {
                    call.fail(new IllegalStateException("boom"));
                  } else {
                    call.complete();
                  }
                  return null;
                }));
      }
      go.countDown();
      for (Future<?> signal : signals) {
        signal.get(10, TimeUnit.SECONDS);
      }

      SpanData span = onlySpan();
      long exceptions =
          eventNames(span).stream().filter(SemanticAttributes.EXCEPTION_EVENT_NAME::equals).count();
      assertThat(exceptions).isEqualTo(span.statusCode() == StatusCode.ERROR ? 1 : 0);
    }
  }

  @Test
  void callStillOpenAfterTheTimeoutIsEndedAsTimedOut() {
    StreamingCall call = start();

    fixture.watchdog.sweep(call.startNanos() + Duration.ofSeconds(59).toNanos());
    assertThat(fixture.isOpen()).isTrue();
    fixture.watchdog.sweep(call.startNanos() + Duration.ofSeconds(61).toNanos());

    SpanData span = onlySpan();
    assertThat(span.statusCode()).isEqualTo(StatusCode.ERROR);
    assertThat(span.statusDescription()).contains("PT1M");
    assertThat(span.attributes().get(SemanticAttributes.ERROR_TYPE)).isEqualTo("timeout");
    assertThat(fixture.watchdog.watchedCount()).isZero();
  }

  @Test
  void endedCallsLeaveTheWatchdogAndAtMostItsBoundAreWatched() {
    List<StreamingCall> calls = new ArrayList<>();
    for (int i = 0; i < 5; i++) {
      calls.add(start());
    }
    assertThat(fixture.watchdog.watchedCount()).isEqualTo(3);

    calls.forEach(StreamingCall::complete);

    assertThat(fixture.watchdog.watchedCount()).isZero();
  }

  @Test
  void malformedOrMissingTimeoutFallsBackToTenMinutes() {
    assertThat(StreamWatchdog.timeoutFrom(null)).isEqualTo(Duration.ofMinutes(10));
    assertThat(StreamWatchdog.timeoutFrom("ten minutes")).isEqualTo(Duration.ofMinutes(10));
    assertThat(StreamWatchdog.timeoutFrom("-PT1S")).isEqualTo(Duration.ofMinutes(10));
    assertThat(StreamWatchdog.timeoutFrom("PT30S")).isEqualTo(Duration.ofSeconds(30));
  }
}

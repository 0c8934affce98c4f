package dev.agenttrace.sdk;

import static org.assertj.core.api.Assertions.assertThat;

import dev.agenttrace.AttributeKey;
import dev.agenttrace.Span;
import dev.agenttrace.SpanTemplate;
import dev.agenttrace.spi.SpanData;
import dev.agenttrace.spi.SpanProcessor;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A span's creator ends it without a lock when no other thread ever changed it; these races check
 * that this never loses the guarantees: whoever ends a span, it reaches the processors exactly
 * once, and a write from another thread either lands before the end (and is exported) or not at
 * all.
 */
class ConcurrentEndTest {
  private static final SpanTemplate CALL = SpanTemplate.builder("call").build();
  private static final AttributeKey<Long> WRITE = AttributeKey.longKey("other.thread.write");
  private static final int RACES = 200_000;

  private final ConcurrentLinkedQueue<SpanData> ended = new ConcurrentLinkedQueue<>();
  private final TracerSdk tracer = TracerSdk.builder().addSpanProcessor(collectAll()).build();
  private final ExecutorService other = Executors.newSingleThreadExecutor();

  private SpanProcessor collectAll() {
    return new SpanProcessor() {
      @Override
      public boolean isStartRequired() {
        return false;
      }

      @Override
      public void onEnd(SpanData span) {
        ended.add(span);
      }
    };
  }

  @AfterEach
  void stop() {
    other.shutdownNow();
  }

  @Test
  void aSpanEndedByItsCreatorAndAnotherThreadAtOnceReachesProcessorsOnce() throws Exception {
    List<Span> spans = race(tracer, Span::end);

    assertThat(ended).hasSize(RACES);
    Map<SpanData, Boolean> distinct = new IdentityHashMap<>();
    for (SpanData span : ended) {
      assertThat(distinct.put(span, true)).isNull();
      assertThat(span.hasEnded()).isTrue();
      assertThat(span.durationNanos()).isNotNegative();
      assertThat(span.endEpochNanos()).isGreaterThanOrEqualTo(span.startEpochNanos());
    }
    assertThat(distinct).hasSize(spans.size());
  }

  @Test
  void aWriteRacingTheCreatorsEndLandsBeforeProcessorsSeeTheSpanOrNotAtAll() throws Exception {
    Map<SpanData, Long> seenAtEnd = new ConcurrentHashMap<>();
    TracerSdk tracer =
        TracerSdk.builder()
            .addSpanProcessor(span -> seenAtEnd.put(span, span.attribute(WRITE) == null ? 0L : 1L))
            .build();

    List<Span> spans = race(tracer, span -> span.setAttribute(WRITE, 1L));

    assertThat(seenAtEnd).hasSize(RACES);
    for (Span span : spans) {
      SpanData data = (SpanData) span;
      long now = data.attribute(WRITE) == null ? 0L : 1L;
      assertThat(seenAtEnd.get(data)).isEqualTo(now); // nothing changed after the end
      assertThat(data.attributes().size()).isEqualTo((int) now);
    }
  }

  /**
   * Starts {@link #RACES} spans on this thread and ends each here while another thread does {@code
   * rival} to it at the same moment: both spin until the other has arrived, then wait a random few
   * spins, so that over the runs the two calls overlap at every offset.
   */
  private List<Span> race(TracerSdk tracer, Consumer<Span> rival) throws Exception {
    List<Span> spans = new ArrayList<>(RACES);
    AtomicReference<Span> offered = new AtomicReference<>();
    AtomicInteger arrived = new AtomicInteger();
    Future<?> rivalThread =
        other.submit(
            () -> {
              for (int i = 1; i <= RACES; i++) {
                Span span;
                while ((span = offered.get()) == null) {
                  Thread.onSpinWait();
                }
                offered.set(null);
                arrived.set(i);
                spin(ThreadLocalRandom.current().nextInt(64));
                rival.accept(span);
              }
            });
    for (int i = 1; i <= RACES; i++) {
      Span span = tracer.startSpan(CALL);
      spans.add(span);
      offered.set(span);
      while (arrived.get() != i) {
        Thread.onSpinWait();
      }
      spin(ThreadLocalRandom.current().nextInt(64));
      span.end();
    }
    rivalThread.get();
    return spans;
  }

  private static void spin(int times) {
    for (int i = 0; i < times; i++) {
      Thread.onSpinWait();
    }
  }
}

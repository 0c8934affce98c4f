package dev.agenttrace.proxy;

import static dev.agenttrace.proxy.StreamingFixture.LAST_CHUNK;
import static dev.agenttrace.proxy.StreamingFixture.RECORDER;
import static dev.agenttrace.proxy.StreamingFixture.eventNames;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.agenttrace.StatusCode;
import dev.agenttrace.spi.SpanData;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class TracedStreamsTest {
  private final StreamingFixture fixture = new StreamingFixture();

  @Test
  void spanLastsUntilTheStreamIsConsumedAndRecordsItsChunks() throws Exception {
    StreamingCall call = fixture.start();
    Stream<String> traced = TracedStreams.wrap(Stream.of("Hel", "lo"), call, RECORDER);
    assertThat(fixture.isOpen()).isTrue();

    assertThat(traced.toList()).containsExactly("Hel", "lo");

    SpanData span = fixture.endedSpan();
    assertThat(span.statusCode()).isEqualTo(StatusCode.UNSET);
    assertThat(eventNames(span)).containsExactly(StreamingCall.FIRST_CHUNK_EVENT);
    assertThat(span.attributes().get(LAST_CHUNK)).isEqualTo("lo");
  }

  @Test
  void failingSourcePassesItsExceptionThroughAndMarksTheSpan() throws Exception {
    IllegalStateException error = new IllegalStateException("connection reset");
    Iterator<String> chunks =
        new Iterator<>() {
          private int served;

          @Override
          public boolean hasNext() {
            return true;
          }

          @Override
          public String next() {
            if (served++ == 1) {
              throw error;
            }
            return "chunk";
          }
        };
    Stream<String> source =
        Stream.iterate(chunks.next(), s -> chunks.hasNext(), s -> chunks.next());

    Stream<String> traced = TracedStreams.wrap(source, fixture.start(), RECORDER);

    assertThatThrownBy(traced::toList).isSameAs(error);
    assertThat(fixture.endedSpan().statusCode()).isEqualTo(StatusCode.ERROR);
  }

  @Test
  void failingConsumerPassesThroughAndEndsTheSpanAsCancelled() throws Exception {
    IllegalArgumentException error = new IllegalArgumentException("bad chunk");

    Stream<String> traced = TracedStreams.wrap(Stream.of("a", "b"), fixture.start(), RECORDER);

    assertThatThrownBy(
            () ->
                traced.forEach(
                    chunk -> {
                      throw error;
                    }))
        .isSameAs(error);
    SpanData span = fixture.endedSpan();
    assertThat(span.statusCode()).isEqualTo(StatusCode.UNSET);
    assertThat(eventNames(span)).contains(StreamingCall.CANCELLED_EVENT);
  }

  @Test
  void closingBeforeTheEndCancelsAndClosesTheSource() throws Exception {
    AtomicBoolean sourceClosed = new AtomicBoolean();
    Stream<String> source = Stream.of("a", "b", "c").onClose(() -> sourceClosed.set(true));

    try (Stream<String> traced = TracedStreams.wrap(source, fixture.start(), RECORDER)) {
      assertThat(traced.findFirst()).contains("a");
      assertThat(fixture.isOpen()).isTrue();
    }

    assertThat(sourceClosed).isTrue();
    assertThat(eventNames(fixture.endedSpan()))
        .containsExactly(StreamingCall.FIRST_CHUNK_EVENT, StreamingCall.CANCELLED_EVENT);
  }

  @Test
  void parallelStreamKeepsItsParallelismAndEndsTheSpanWhenClosed() throws Exception {
    Stream<Integer> traced =
        TracedStreams.wrap(List.of(1, 2, 3, 4).parallelStream(), fixture.start(), RECORDER);

    try (traced) {
      assertThat(traced.isParallel()).isTrue();
      assertThat(traced.mapToInt(Integer::intValue).sum()).isEqualTo(10);
    }

    assertThat(fixture.endedSpan().statusCode()).isEqualTo(StatusCode.UNSET);
  }
}

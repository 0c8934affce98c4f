package dev.agenttrace.proxy;

import static dev.agenttrace.proxy.StreamingFixture.LAST_CHUNK;
import static dev.agenttrace.proxy.StreamingFixture.RECORDER;
import static dev.agenttrace.proxy.StreamingFixture.eventNames;
import static org.assertj.core.api.Assertions.assertThat;

import dev.agenttrace.StatusCode;
import dev.agenttrace.spi.SpanData;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Flow;
import java.util.concurrent.SubmissionPublisher;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class TracedPublisherTest {
  private final StreamingFixture fixture = new StreamingFixture();

  /** Collects what it receives, requesting everything; cancels after {@code cancelAfter} items. */
  private static final class Collecting implements Flow.Subscriber<String> {
    final List<String> items = new CopyOnWriteArrayList<>();
    final CompletableFuture<Throwable> done = new CompletableFuture<>();
    final List<String> threads = new CopyOnWriteArrayList<>();
    private final int cancelAfter;
    private Flow.Subscription subscription;

    Collecting(int cancelAfter) {
      this.cancelAfter = cancelAfter;
    }

    @Override
    public void onSubscribe(Flow.Subscription subscription) {
      this.subscription = subscription;
      subscription.request(Long.MAX_VALUE);
    }

    @Override
    public void onNext(String item) {
      items.add(item);
      threads.add(Thread.currentThread().getName());
      if (items.size() == cancelAfter) {
        subscription.cancel();
        done.complete(null);
      }
    }

    @Override
    public void onError(Throwable throwable) {
      done.complete(throwable);
    }

    @Override
    public void onComplete() {
      done.complete(null);
    }
  }

  @Test
  void spanLastsUntilTheStreamCompletesAndRecordsItsChunks() throws Exception {
    StreamingCall call = fixture.start();
    Collecting subscriber = new Collecting(Integer.MAX_VALUE);
    try (SubmissionPublisher<String> source = new SubmissionPublisher<>()) {
      TracedPublisher.wrap(source, call, RECORDER).subscribe(subscriber);
      source.submit("Hel");
      source.submit("lo");
      assertThat(fixture.isOpen()).isTrue();
    }
    assertThat(subscriber.done.get(10, TimeUnit.SECONDS)).isNull();

    SpanData span = fixture.endedSpan();
    assertThat(subscriber.items).containsExactly("Hel", "lo");
    assertThat(span.statusCode()).isEqualTo(StatusCode.UNSET);
    assertThat(eventNames(span)).containsExactly(StreamingCall.FIRST_CHUNK_EVENT);
    assertThat(span.attributes().get(LAST_CHUNK)).isEqualTo("lo");
  }

  @Test
  void streamErrorReachesTheSubscriberUnchangedAndMarksTheSpan() throws Exception {
    StreamingCall call = fixture.start();
    Collecting subscriber = new Collecting(Integer.MAX_VALUE);
    IllegalStateException error = new IllegalStateException("connection reset");
    SubmissionPublisher<String> source = new SubmissionPublisher<>();
    TracedPublisher.wrap(source, call, RECORDER).subscribe(subscriber);

    source.closeExceptionally(error);

    assertThat(subscriber.done.get(10, TimeUnit.SECONDS)).isSameAs(error);
    assertThat(fixture.endedSpan().statusCode()).isEqualTo(StatusCode.ERROR);
  }

  @Test
  void cancellingTheSubscriptionEndsTheSpanAsCancelled() throws Exception {
    StreamingCall call = fixture.start();
    Collecting subscriber = new Collecting(1);
    try (SubmissionPublisher<String> source = new SubmissionPublisher<>()) {
      TracedPublisher.wrap(source, call, RECORDER).subscribe(subscriber);
      source.submit("only");
      subscriber.done.get(10, TimeUnit.SECONDS);
    }

    SpanData span = fixture.endedSpan();
    assertThat(eventNames(span))
        .containsExactly(StreamingCall.FIRST_CHUNK_EVENT, StreamingCall.CANCELLED_EVENT);
  }

  @Test
  void itemsArriveOnTheSourcesThreads() throws Exception {
    StreamingCall call = fixture.start();
    Collecting subscriber = new Collecting(Integer.MAX_VALUE);
    try (SubmissionPublisher<String> source = new SubmissionPublisher<>()) {
      TracedPublisher.wrap(source, call, null).subscribe(subscriber);
      source.submit("a");
    }
    subscriber.done.get(10, TimeUnit.SECONDS);

    assertThat(subscriber.threads).noneMatch(name -> name.equals(Thread.currentThread().getName()));
  }

  @Test
  void failingRecorderDoesNotReachTheSubscriber() throws Exception {
    StreamingCall call = fixture.start();
    Collecting subscriber = new Collecting(Integer.MAX_VALUE);
    try (SubmissionPublisher<String> source = new SubmissionPublisher<>()) {
      TracedPublisher.wrap(
              source,
              call,
              (span, chunk) -> {
                throw new IllegalStateException("accessor failed");
              })
          .subscribe(subscriber);
      source.submit("a");
    }

    assertThat(subscriber.done.get(10, TimeUnit.SECONDS)).isNull();
    assertThat(subscriber.items).containsExactly("a");
  }
}

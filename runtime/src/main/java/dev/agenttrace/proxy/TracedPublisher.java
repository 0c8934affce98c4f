package dev.agenttrace.proxy;

import java.util.concurrent.Flow;

/**
 * A {@link Flow.Publisher} returned by a traced call, forwarding everything to the publisher the
 * call returned while its {@link StreamingCall} follows the stream: each item is a chunk (and is
 * recorded, such as its token counts), {@code onComplete} completes the call, {@code onError} fails
 * it, and a subscription's {@code cancel} cancels it. For generated code.
 *
 * <p>The subscriber sees the very signals and items the source sends, on the source's threads, in
 * the same order; what it throws passes through to the source unchanged. The span covers the call
 * up to the first terminal signal of any subscription (a cold publisher subscribed twice ends the
 * span with the first subscription that ends).
 */
public final class TracedPublisher<T> implements Flow.Publisher<T> {
  private final Flow.Publisher<T> source;
  private final StreamingCall call;
  private final ResultRecorder<? super T> recorder;

  private TracedPublisher(
      Flow.Publisher<T> source, StreamingCall call, ResultRecorder<? super T> recorder) {
    this.source = source;
    this.call = call;
    this.recorder = recorder;
  }

  /** {@code source} followed by {@code call}; {@code recorder} (may be null) records each item. */
  public static <T> Flow.Publisher<T> wrap(
      Flow.Publisher<T> source, StreamingCall call, ResultRecorder<? super T> recorder) {
    return new TracedPublisher<>(source, call, recorder);
  }

  @Override
  public void subscribe(Flow.Subscriber<? super T> subscriber) {
    source.subscribe(subscriber == null ? null : new TracedSubscriber<>(subscriber, this));
  }

  private void next(T item) {
    call.chunk();
    Recorders.record(recorder, call.span(), item);
  }

  private static final class TracedSubscriber<T> implements Flow.Subscriber<T> {
    private final Flow.Subscriber<? super T> subscriber;
    private final TracedPublisher<T> publisher;

    TracedSubscriber(Flow.Subscriber<? super T> subscriber, TracedPublisher<T> publisher) {
      this.subscriber = subscriber;
      this.publisher = publisher;
    }

    @Override
    public void onSubscribe(Flow.Subscription subscription) {
      subscriber.onSubscribe(
          subscription == null ? null : new TracedSubscription(subscription, publisher.call));
    }

    @Override
    public void onNext(T item) {
      publisher.next(item);
      subscriber.onNext(item);
    }

    @Override
    public void onError(Throwable throwable) {
      publisher.call.fail(throwable);
      subscriber.onError(throwable);
    }

    @Override
    public void onComplete() {
      publisher.call.complete();
      subscriber.onComplete();
    }
  }

  private static final class TracedSubscription implements Flow.Subscription {
    private final Flow.Subscription subscription;
    private final StreamingCall call;

    TracedSubscription(Flow.Subscription subscription, StreamingCall call) {
      this.subscription = subscription;
      this.call = call;
    }

    @Override
    public void request(long n) {
      subscription.request(n);
    }

    @Override
    public void cancel() {
      call.cancel();
      subscription.cancel();
    }
  }
}

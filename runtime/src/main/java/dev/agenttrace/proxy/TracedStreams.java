package dev.agenttrace.proxy;

import java.util.Comparator;
import java.util.Spliterator;
import java.util.function.Consumer;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

/**
 * Follows a {@link Stream} returned by a traced call with its {@link StreamingCall}: each element
 * is a chunk (and is recorded, such as its token counts), the end of a sequential stream completes
 * the call, an exception from the source fails it, and closing the stream before its end cancels
 * it. For generated code.
 *
 * <p>The caller gets a new stream over the same elements, in the same order, with the same
 * characteristics and close handlers (closing it closes the source). A parallel stream is followed
 * through {@code peek} and {@code onClose} instead, so that it keeps its parallelism: its span ends
 * when it is closed. An exception thrown by the consumer (an operation of the caller's pipeline)
 * passes through unchanged and ends the span as cancelled, since the source did not fail.
 */
public final class TracedStreams {
  private TracedStreams() {}

  /**
   * {@code source} followed by {@code call}; {@code recorder} (may be null) records each element.
   */
  public static <T> Stream<T> wrap(
      Stream<T> source, StreamingCall call, ResultRecorder<? super T> recorder) {
    if (source.isParallel()) {
      return source
          .peek(
              element -> {
                call.chunk();
                Recorders.record(recorder, call.span(), element);
              })
          .onClose(call::complete);
    }
    Spliterator<T> spliterator;
    try {
      spliterator = source.spliterator();
    } catch (RuntimeException e) {
      // An already consumed or closed stream: the caller sees the same exception.
      call.fail(e);
      throw e;
    }
    return StreamSupport.stream(new TracedSpliterator<>(spliterator, call, recorder), false)
        .onClose(
            () -> {
              try {
                source.close();
              } finally {
                call.cancel();
              }
            });
  }

  /** Sequential traversal with completion at the end; never splits, so the end is one place. */
  private static final class TracedSpliterator<T> implements Spliterator<T> {
    private final Spliterator<T> source;
    private final StreamingCall call;
    private final ResultRecorder<? super T> recorder;

    TracedSpliterator(
        Spliterator<T> source, StreamingCall call, ResultRecorder<? super T> recorder) {
      this.source = source;
      this.call = call;
      this.recorder = recorder;
    }

    @Override
    public boolean tryAdvance(Consumer<? super T> action) {
      Observed<T> observed = new Observed<>(action, this);
      boolean advanced;
      try {
        advanced = source.tryAdvance(observed);
      } catch (Throwable e) {
        failed(e, observed);
        throw e;
      }
      if (!advanced) {
        call.complete();
      }
      return advanced;
    }

    @Override
    public void forEachRemaining(Consumer<? super T> action) {
      Observed<T> observed = new Observed<>(action, this);
      try {
        source.forEachRemaining(observed);
      } catch (Throwable e) {
        failed(e, observed);
        throw e;
      }
      call.complete();
    }

    private void failed(Throwable e, Observed<T> observed) {
      if (observed.consumerFailed) {
        call.cancel();
      } else {
        call.fail(e);
      }
    }

    @Override
    public Spliterator<T> trySplit() {
      return null;
    }

    @Override
    public long estimateSize() {
      return source.estimateSize();
    }

    @Override
    public int characteristics() {
      return source.characteristics();
    }

    @Override
    public Comparator<? super T> getComparator() {
      return source.getComparator();
    }

    private void element(T element) {
      call.chunk();
      Recorders.record(recorder, call.span(), element);
    }
  }

  /** Passes elements to the consumer, noting whether the consumer itself threw. */
  private static final class Observed<T> implements Consumer<T> {
    private final Consumer<? super T> action;
    private final TracedSpliterator<T> spliterator;
    private boolean consumerFailed;

    Observed(Consumer<? super T> action, TracedSpliterator<T> spliterator) {
      this.action = action;
      this.spliterator = spliterator;
    }

    @Override
    public void accept(T element) {
      spliterator.element(element);
      try {
        action.accept(element);
      } catch (Throwable e) {
        consumerFailed = true;
        throw e;
      }
    }
  }
}

package dev.agenttrace.spi;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs several processors as one. A processor that throws (even an {@link Error}) is logged and
 * skipped, so one faulty processor cannot break tracing, let alone the traced call.
 */
final class CompositeSpanProcessor implements SpanProcessor {
  private static final Logger logger = LoggerFactory.getLogger(CompositeSpanProcessor.class);

  private final SpanProcessor[] processors;

  /** Those of {@link #processors} that want {@code onStart}. */
  private final SpanProcessor[] startProcessors;

  private CompositeSpanProcessor(SpanProcessor[] processors) {
    this.processors = processors;
    List<SpanProcessor> starting = new ArrayList<>();
    for (SpanProcessor processor : processors) {
      if (processor.isStartRequired()) {
        starting.add(processor);
      }
    }
    this.startProcessors = starting.toArray(new SpanProcessor[0]);
  }

  static SpanProcessor of(SpanProcessor... processors) {
    List<SpanProcessor> list = List.of(processors);
    return new CompositeSpanProcessor(list.toArray(new SpanProcessor[0]));
  }

  @Override
  public void onStart(ReadWriteSpan span) {
    for (SpanProcessor processor : startProcessors) {
      try {
        processor.onStart(span);
      } catch (Throwable e) { // an Error from a user's processor must not reach the traced call
        logger.warn("Span processor {} failed in onStart; span {} goes on", processor, span, e);
      }
    }
  }

  @Override
  public boolean isStartRequired() {
    return startProcessors.length > 0;
  }

  @Override
  public void onEnd(SpanData span) {
    for (SpanProcessor processor : processors) {
      try {
        processor.onEnd(span);
      } catch (Throwable e) { // an Error from a user's processor must not reach the traced call
        logger.warn("Span processor {} failed in onEnd; span {} goes on", processor, span, e);
      }
    }
  }

  @Override
  public boolean forceFlush(Duration timeout) {
    long deadline = System.nanoTime() + timeout.toNanos();
    boolean all = true;
    for (SpanProcessor processor : processors) {
      all &= processor.forceFlush(remaining(deadline));
    }
    return all;
  }

  @Override
  public boolean shutdown(Duration timeout) {
    long deadline = System.nanoTime() + timeout.toNanos();
    boolean all = true;
    for (SpanProcessor processor : processors) {
      all &= processor.shutdown(remaining(deadline));
    }
    return all;
  }

  private static Duration remaining(long deadline) {
    return Duration.ofNanos(Math.max(0, deadline - System.nanoTime()));
  }

  @Override
  public String toString() {
    return "CompositeSpanProcessor" + List.of(processors);
  }
}

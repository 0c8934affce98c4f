package dev.agenttrace.benchmarks;

import dev.agenttrace.SpanData;
import dev.agenttrace.processing.SpanProcessor;
import java.util.concurrent.atomic.LongAdder;

/** Counts ended spans and keeps none, so a benchmark measures tracing, not storage. */
final class CountingSpanProcessor implements SpanProcessor {
  final LongAdder ended = new LongAdder();

  @Override
  public void onEnd(SpanData span) {
    ended.increment();
  }
}

package dev.agenttrace.proxy;

import static org.assertj.core.api.Assertions.assertThat;

import dev.agenttrace.AttributeKey;
import dev.agenttrace.Tracer;
import dev.agenttrace.processing.InMemorySpanCollector;
import dev.agenttrace.sdk.TracerSdk;
import dev.agenttrace.spi.SpanData;
import dev.agenttrace.spi.SpanEvent;
import java.time.Duration;
import java.util.List;

/** A tracer collecting ended spans, a watchdog that never fires, and a chunk recorder. */
final class StreamingFixture {
  /** What {@link #RECORDER} records: the last chunk seen. */
  static final AttributeKey<String> LAST_CHUNK = AttributeKey.stringKey("test.last_chunk");

  static final ResultRecorder<Object> RECORDER =
      (span, chunk) -> span.setAttribute(LAST_CHUNK, String.valueOf(chunk));

  final InMemorySpanCollector collector = new InMemorySpanCollector();
  private final Tracer tracer =
      TracerSdk.builder().serviceName("test").addSpanProcessor(collector).build();

  /** Watches at most {@code maxWatched} calls, times out after a minute, sweeps when told. */
  final StreamWatchdog watchdog;

  StreamingFixture(int maxWatched) {
    watchdog = new StreamWatchdog(Duration.ofMinutes(1), maxWatched, false);
  }

  StreamingFixture() {
    this(100);
  }

  StreamingCall start() {
    return StreamingCall.start(tracer.spanBuilder("chat gpt-4o").startSpan(), watchdog);
  }

  /** The spans ended so far. */
  List<SpanData> endedSpans() {
    return collector.finishedSpans();
  }

  /** The one ended span, waiting up to 10 s for it (publishers deliver on other threads). */
  SpanData endedSpan() throws InterruptedException {
    List<SpanData> spans = collector.awaitSpans(1, Duration.ofSeconds(10));
    assertThat(spans).hasSize(1);
    return spans.get(0);
  }

  boolean isOpen() {
    return collector.finishedSpans().isEmpty();
  }

  static List<String> eventNames(SpanData span) {
    return span.events().stream().map(SpanEvent::name).toList();
  }
}

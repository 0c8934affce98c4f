package dev.agenttrace.langchain4j;

import dev.agenttrace.AgentTrace;
import dev.agenttrace.processing.InMemorySpanCollector;
import dev.agenttrace.sdk.TracerSdk;
import dev.agenttrace.spi.SpanData;
import java.time.Duration;
import java.util.List;

/** A real tracer installed for one test, keeping the spans that ended; close uninstalls it. */
final class RecordedSpans implements AutoCloseable {
  private final InMemorySpanCollector collector = new InMemorySpanCollector();
  private final TracerSdk tracer;

  private RecordedSpans() {
    tracer = TracerSdk.builder().serviceName("test").addSpanProcessor(collector).build();
    AgentTrace.install(tracer);
  }

  static RecordedSpans install() {
    return new RecordedSpans();
  }

  List<SpanData> ended() {
    return collector.finishedSpans();
  }

  /** The one ended span named {@code name}. */
  SpanData named(String name) {
    List<SpanData> matching = ended().stream().filter(s -> s.name().equals(name)).toList();
    if (matching.size() != 1) {
      throw new AssertionError("expected one span " + name + ", got " + ended());
    }
    return matching.get(0);
  }

  /** Waits until {@code count} spans have ended. */
  List<SpanData> await(int count) throws InterruptedException {
    return collector.awaitSpans(count, Duration.ofSeconds(10));
  }

  @Override
  public void close() {
    AgentTrace.uninstall();
    tracer.close();
  }
}

package dev.agenttrace.sdk;

import static org.assertj.core.api.Assertions.assertThat;

import dev.agenttrace.Context;
import dev.agenttrace.Span;
import dev.agenttrace.processing.InMemorySpanCollector;
import dev.agenttrace.propagation.TextMapGetter;
import dev.agenttrace.propagation.TraceContextPropagator;
import dev.agenttrace.spi.SpanData;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DefaultSamplingTest {
  private static final String TRACE_ID = "0af7651916cd43dd8448eb211c80319c";

  private final InMemorySpanCollector collector = new InMemorySpanCollector();
  private final TracerSdk tracer = TracerSdk.builder().addSpanProcessor(collector).build();

  private Span continueRemote(String flags) {
    Map<String, String> headers =
        Map.of("traceparent", "00-" + TRACE_ID + "-b7ad6b7169203331-" + flags);
    Context remote =
        TraceContextPropagator.getInstance()
            .extract(Context.root(), headers, TextMapGetter.forMap());
    return tracer.spanBuilder("handle request").setParent(remote).startSpan();
  }

  @Test
  void remoteParentNotSampledYieldsAnUnsampledChildThatIsNotExported() {
    Span child = continueRemote("00");
    child.end();

    assertThat(child.spanContext().isSampled()).isFalse();
    assertThat(child.spanContext().traceId()).isEqualTo(TRACE_ID);
    assertThat(collector.finishedSpans()).isEmpty();
  }

  @Test
  void remoteParentSampledYieldsASampledChildThatIsExported() {
    Span child = continueRemote("01");
    child.end();

    assertThat(child.spanContext().isSampled()).isTrue();
    assertThat(collector.finishedSpans())
        .singleElement()
        .extracting(SpanData::traceId)
        .isEqualTo(TRACE_ID);
  }

  @Test
  void newTraceIsSampledByDefault() {
    tracer.spanBuilder("root").startSpan().end();

    assertThat(collector.finishedSpans())
        .singleElement()
        .satisfies(span -> assertThat(span.spanContext().isSampled()).isTrue());
  }
}

package dev.agenttrace;

import static org.assertj.core.api.Assertions.assertThat;

import dev.agenttrace.export.json.SpanJson;
import dev.agenttrace.processing.InMemorySpanCollector;
import dev.agenttrace.propagation.TextMapGetter;
import dev.agenttrace.propagation.TextMapPropagator;
import dev.agenttrace.sdk.TracerSdk;
import dev.agenttrace.spi.SpanData;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SpanLinksTest {
  private final InMemorySpanCollector collector = new InMemorySpanCollector();
  private final TracerSdk tracer = TracerSdk.builder().addSpanProcessor(collector).build();

  @Test
  void batchRunLinksToEachRequestsSpanAndTheLinksSurviveJsonExport() {
    List<SpanContext> requests = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      Span request = tracer.spanBuilder("request " + i).setNoParent().startSpan();
      requests.add(request.spanContext());
      request.end();
    }
    SpanBuilder builder = tracer.spanBuilder("invoke_agent batch").setNoParent();
    for (int i = 0; i < requests.size(); i++) {
      builder.addLink(
          requests.get(i),
          Attributes.builder().put("link.reason", "batched").put("batch.index", (long) i).build());
    }
    builder.startSpan().end();

    SpanData batch = collector.finishedSpans().get(3);
    SpanData exported = SpanJson.read(SpanJson.write(batch));

    assertThat(exported.links()).hasSize(3);
    for (int i = 0; i < 3; i++) {
      SpanLink link = exported.links().get(i);
      assertThat(link.spanContext().traceId()).isEqualTo(requests.get(i).traceId());
      assertThat(link.spanContext().spanId()).isEqualTo(requests.get(i).spanId());
      assertThat(link.attributes().get("link.reason")).isEqualTo("batched");
      assertThat(link.attributes().get("batch.index")).isEqualTo((long) i);
    }
    assertThat(exported.spanContext().traceId()).isNotEqualTo(requests.get(0).traceId());
  }

  @Test
  void spanCanLinkToARemoteSpanContextReceivedInHeaders() {
    Context remote =
        TextMapPropagator.w3c()
            .extract(
                Context.root(),
                Map.of("traceparent", "00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01"),
                TextMapGetter.forMap());

    tracer
        .spanBuilder("invoke_agent follow-up")
        .setNoParent()
        .addLink(remote.span().spanContext())
        .startSpan()
        .end();

    SpanData span = collector.finishedSpans().get(0);
    assertThat(span.links())
        .singleElement()
        .satisfies(link -> assertThat(link.spanContext().spanId()).isEqualTo("b7ad6b7169203331"));
    assertThat(span.parentSpanContext().isValid()).isFalse();
  }

  @Test
  void invalidLinkTargetsAreIgnored() {
    tracer.spanBuilder("run").addLink(SpanContext.invalid()).startSpan().end();

    assertThat(collector.finishedSpans().get(0).links()).isEmpty();
  }
}

package dev.agenttrace.propagation;

import static org.assertj.core.api.Assertions.assertThat;

import dev.agenttrace.Attributes;
import dev.agenttrace.Baggage;
import dev.agenttrace.Context;
import dev.agenttrace.Scope;
import dev.agenttrace.Span;
import dev.agenttrace.SpanContext;
import dev.agenttrace.SpanKind;
import dev.agenttrace.processing.InMemorySpanCollector;
import dev.agenttrace.processing.Sampler;
import dev.agenttrace.processing.SamplingDecision;
import dev.agenttrace.sdk.TracerSdk;
import dev.agenttrace.spi.SpanData;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

// Scopes are closed by try-with-resources without being read: that is their use.
@SuppressWarnings("try")
class TraceContextPropagatorTest {
  private static final String TRACEPARENT =
      "00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01";

  private final TextMapPropagator propagator = TextMapPropagator.w3c();
  private final InMemorySpanCollector collector = new InMemorySpanCollector();
  private final TracerSdk tracer = TracerSdk.builder().addSpanProcessor(collector).build();

  private static Context extract(Map<String, List<String>> headers) {
    return TextMapPropagator.w3c().extract(Context.root(), headers, TextMapGetter.forMultiMap());
  }

  private static Map<String, List<String>> headers(String... namesAndValues) {
    Map<String, List<String>> headers = new LinkedHashMap<>();
    for (int i = 0; i < namesAndValues.length; i += 2) {
      headers.put(namesAndValues[i], List.of(namesAndValues[i + 1]));
    }
    return headers;
  }

  @Test
  void extractedParentIsRemoteWithItsTraceState() {
    Context context =
        extract(headers("traceparent", TRACEPARENT, "tracestate", "congo=t61rcWkgMzE"));

    SpanContext remote = context.span().spanContext();
    assertThat(remote.isRemote()).isTrue();
    assertThat(remote.traceId()).isEqualTo("0af7651916cd43dd8448eb211c80319c");
    assertThat(remote.spanId()).isEqualTo("b7ad6b7169203331");
    assertThat(remote.traceState().get("congo")).isEqualTo("t61rcWkgMzE");
  }

  @Test
  void nextSpanContinuesTheRemoteTraceAsAChild() {
    Context remote =
        extract(headers("traceparent", TRACEPARENT, "tracestate", "congo=t61rcWkgMzE"));

    try (Scope scope = remote.makeCurrent()) {
      tracer.spanBuilder("handle").startSpan().end();
    }

    SpanData span = collector.finishedSpans().get(0);
    assertThat(span.spanContext().traceId()).isEqualTo("0af7651916cd43dd8448eb211c80319c");
    assertThat(span.parentSpanContext().spanId()).isEqualTo("b7ad6b7169203331");
    assertThat(span.parentSpanContext().isRemote()).isTrue();
    assertThat(span.spanContext().traceState().get("congo")).isEqualTo("t61rcWkgMzE");
    assertThat(span.spanContext().spanId()).isNotEqualTo("b7ad6b7169203331");
  }

  @Test
  void remoteSampledFlagReachesTheSamplerSoAParentBasedPolicyCanFollowIt() {
    Sampler followParent =
        new Sampler() {
          @Override
          public SamplingDecision shouldSample(
              SpanContext parent,
              long traceIdHigh,
              long traceIdLow,
              String name,
              SpanKind kind,
              Attributes attributes) {
            return !parent.isValid() || parent.isSampled()
                ? SamplingDecision.RECORD_AND_SAMPLE
                : SamplingDecision.DROP;
          }

          @Override
          public String description() {
            return "FollowParent";
          }
        };
    TracerSdk parentBased =
        TracerSdk.builder().sampler(followParent).addSpanProcessor(collector).build();
    Context unsampled =
        extract(headers("traceparent", "00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-00"));
    Map<String, String> outgoing = new LinkedHashMap<>();

    Span child = parentBased.spanBuilder("handle").setParent(unsampled).startSpan();
    propagator.inject(unsampled.with(child), outgoing, TextMapSetter.forMap());
    child.end();

    assertThat(child.isRecording()).isFalse();
    assertThat(collector.finishedSpans()).isEmpty();
    assertThat(outgoing.get("traceparent"))
        .startsWith("00-0af7651916cd43dd8448eb211c80319c-")
        .endsWith("-00");
  }

  @Test
  void childOfRemoteParentKeepsTheRandomFlag() {
    Context remote =
        extract(headers("traceparent", "00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-02"));

    Span child = tracer.spanBuilder("handle").setParent(remote).startSpan();

    assertThat(child.spanContext().flags() & SpanContext.FLAG_RANDOM).isNotZero();
  }

  @Test
  void headerNamesMatchInAnyCase() {
    Context context =
        extract(headers("TrAcEpArEnT", TRACEPARENT, "TRACESTATE", "foo=1", "BAGGAGE", "k=v"));

    assertThat(context.span().spanContext().isValid()).isTrue();
    assertThat(context.span().spanContext().traceState().get("foo")).isEqualTo("1");
    assertThat(context.baggage().get("k")).isEqualTo("v");
  }

  @Test
  void misspelledHeaderNamesAreNotRead() {
    Context context = extract(headers("trace-parent", TRACEPARENT, "trace.parent", TRACEPARENT));

    assertThat(context.span().spanContext().isValid()).isFalse();
  }

  @Test
  void repeatedTraceparentFieldsRestartTheTrace() {
    Map<String, List<String>> headers = new LinkedHashMap<>();
    headers.put(
        "traceparent",
        List.of(TRACEPARENT, "00-12345678901234567890123456789012-1234567890123456-01"));

    assertThat(extract(headers).span().spanContext().isValid()).isFalse();
  }

  @Test
  void repeatedTracestateFieldsAreCombinedInOrder() {
    Map<String, List<String>> headers = new LinkedHashMap<>();
    headers.put("traceparent", List.of(TRACEPARENT));
    headers.put("tracestate", List.of("foo=1,bar=2", "", "rojo=1,congo=2", "baz=3"));

    SpanContext context = extract(headers).span().spanContext();

    assertThat(TraceStateCodec.format(context.traceState()))
        .isEqualTo("foo=1,bar=2,rojo=1,congo=2,baz=3");
  }

  @Test
  void duplicateKeysAcrossTracestateFieldsKeepTheFirstOccurrence() {
    Map<String, List<String>> headers = new LinkedHashMap<>();
    headers.put("traceparent", List.of(TRACEPARENT));
    headers.put("tracestate", List.of("foo=1", "foo=2,bar=3"));

    SpanContext context = extract(headers).span().spanContext();

    assertThat(context.isValid()).isTrue();
    assertThat(TraceStateCodec.format(context.traceState())).isEqualTo("foo=1,bar=3");
  }

  @Test
  void malformedTracestateIsDiscardedAndCountedWhileTheTraceContinues() {
    long before = TraceContextPropagator.getInstance().discardedTraceStates();
    Map<String, List<String>> headers = new LinkedHashMap<>();
    headers.put("traceparent", List.of(TRACEPARENT));
    headers.put("tracestate", List.of("foo=1", "Bar=2"));

    SpanContext context = extract(headers).span().spanContext();

    assertThat(context.isValid()).isTrue();
    assertThat(context.traceState().isEmpty()).isTrue();
    assertThat(TraceContextPropagator.getInstance().discardedTraceStates() - before).isEqualTo(1);
  }

  @Test
  void rejectedTraceparentIsCounted() {
    long before = TraceContextPropagator.getInstance().rejectedTraceParents();

    extract(headers("traceparent", "00-0af7651916cd43dd8448eb211c80319c-zz"));

    assertThat(TraceContextPropagator.getInstance().rejectedTraceParents() - before).isEqualTo(1);
  }

  @Test
  void tracestateWithoutValidTraceparentIsIgnored() {
    Context context =
        extract(
            headers(
                "traceparent",
                "00-00000000000000000000000000000000-b7ad6b7169203331-01",
                "tracestate",
                "foo=1"));

    assertThat(context.span().spanContext().isValid()).isFalse();
    assertThat(context.span().spanContext().traceState().isEmpty()).isTrue();
  }

  @Test
  void malformedTraceparentMakesTheNextSpanARootOfANewTrace() {
    Context context = extract(headers("traceparent", "00-0af7651916cd43dd8448eb211c80319c-zz"));

    Span span = tracer.spanBuilder("handle").setParent(context).startSpan();
    span.end();

    SpanData data = collector.finishedSpans().get(0);
    assertThat(data.parentSpanContext().isValid()).isFalse();
    assertThat(data.spanContext().traceId()).isNotEqualTo("0af7651916cd43dd8448eb211c80319c");
  }

  @Test
  void injectWritesLowercaseHeadersOfTheCurrentSpanAndBaggage() {
    Span span = tracer.spanBuilder("call").startSpan();
    Map<String, String> carrier = new LinkedHashMap<>();

    try (Scope s = span.makeCurrent();
        Scope b = Baggage.builder().put("tenant", "acme corp").build().makeCurrent()) {
      propagator.inject(Context.current(), carrier, TextMapSetter.forMap());
    }

    assertThat(carrier)
        .containsOnlyKeys("traceparent", "baggage")
        .containsEntry("traceparent", TraceParentCodec.format(span.spanContext()))
        .containsEntry("baggage", "tenant=acme%20corp");
  }

  @Test
  void injectOfRemoteContextForwardsItsTraceState() {
    Context remote =
        extract(headers("traceparent", TRACEPARENT, "tracestate", "rojo=00f067aa0ba902b7"));
    Span child = tracer.spanBuilder("call").setParent(remote).startSpan();
    Map<String, String> carrier = new LinkedHashMap<>();

    propagator.inject(remote.with(child), carrier, TextMapSetter.forMap());

    assertThat(carrier.get("traceparent"))
        .startsWith("00-0af7651916cd43dd8448eb211c80319c-")
        .doesNotContain("b7ad6b7169203331");
    assertThat(carrier.get("tracestate")).isEqualTo("rojo=00f067aa0ba902b7");
  }

  @Test
  void injectWithoutSpanWritesNoTraceparent() {
    Map<String, String> carrier = new LinkedHashMap<>();

    propagator.inject(Context.root(), carrier, TextMapSetter.forMap());

    assertThat(carrier).isEmpty();
  }

  @Test
  void failingCarrierNeverThrowsIntoTheCaller() {
    TextMapGetter<Object> broken =
        new TextMapGetter<>() {
          @Override
          public Iterable<String> keys(Object carrier) {
            throw new IllegalStateException("broken carrier");
          }

          @Override
          public String get(Object carrier, String key) {
            throw new IllegalStateException("broken carrier");
          }
        };
    Span span = tracer.spanBuilder("call").startSpan();

    Context extracted = propagator.extract(Context.root(), new Object(), broken);
    propagator.inject(
        Context.root().with(span),
        new Object(),
        (carrier, key, value) -> {
          throw new IllegalStateException("read-only");
        });

    assertThat(extracted).isSameAs(Context.root());
  }
}

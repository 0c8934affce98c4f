package dev.agenttrace.testing;

import dev.agenttrace.Attributes;
import dev.agenttrace.SpanContext;
import dev.agenttrace.SpanKind;
import dev.agenttrace.StatusCode;
import dev.agenttrace.TraceState;
import dev.agenttrace.spi.ImmutableSpanData;
import dev.agenttrace.spi.Resource;
import dev.agenttrace.spi.SpanData;
import java.util.List;

/** Ended spans made directly, for exporter and processor tests that need no tracer. */
public final class TestSpans {
  private TestSpans() {}

  /** A sampled, ended root span named {@code name} with {@code attributes}. */
  public static ImmutableSpanData span(String name, Attributes attributes) {
    return new ImmutableSpanData(
        name,
        SpanKind.INTERNAL,
        SpanContext.create(
            0x4bf92f3577b34da6L,
            0xa3ce929d0e0e4736L,
            0x00f067aa0ba902b7L,
            (byte) 3,
            TraceState.empty()),
        SpanContext.invalid(),
        1_700_000_000_000_000_000L,
        1_700_000_000_025_000_000L,
        25_000_000L,
        attributes,
        List.of(),
        List.of(),
        StatusCode.UNSET,
        null,
        true,
        Resource.forService("test-service"));
  }

  /** {@code count} sampled spans named {@code span-0...}. */
  public static List<SpanData> spans(int count) {
    SpanData[] spans = new SpanData[count];
    for (int i = 0; i < count; i++) {
      spans[i] = span("span-" + i, Attributes.empty());
    }
    return List.of(spans);
  }
}

package dev.agenttrace.sdk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.agenttrace.AttributeKey;
import dev.agenttrace.AttributeType;
import dev.agenttrace.Span;
import dev.agenttrace.processing.InMemorySpanCollector;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** String arrays ({@code gen_ai.response.finish_reasons}) are kept immutable and bounded. */
class StringArrayAttributesTest {
  private static final AttributeKey<List<String>> REASONS =
      AttributeKey.stringArrayKey("gen_ai.response.finish_reasons");

  private final InMemorySpanCollector collector = new InMemorySpanCollector();
  private final TracerSdk tracer = TracerSdk.builder().addSpanProcessor(collector).build();

  private List<String> recorded(List<String> value) {
    Span span = tracer.spanBuilder("chat").startSpan();
    span.setAttribute(REASONS, value);
    span.end();
    return collector.finishedSpans().get(0).attributes().get(REASONS);
  }

  @Test
  void keyHasTheStringArrayType() {
    assertThat(REASONS.type()).isEqualTo(AttributeType.STRING_ARRAY);
  }

  @Test
  void aListChangedAfterItWasSetDoesNotChangeTheSpan() {
    List<String> reasons = new ArrayList<>(List.of("stop"));
    Span span = tracer.spanBuilder("chat").startSpan();
    span.setAttribute(REASONS, reasons);
    reasons.add("length");
    span.end();

    List<String> kept = collector.finishedSpans().get(0).attributes().get(REASONS);
    assertThat(kept).containsExactly("stop");
    assertThatThrownBy(() -> kept.add("x")).isInstanceOf(UnsupportedOperationException.class);
  }

  @Test
  void nullElementsAreLeftOut() {
    assertThat(recorded(Arrays.asList("stop", null, "length"))).containsExactly("stop", "length");
  }

  @Test
  void atMost128ElementsEachCutTo8KiB() {
    List<String> many = new ArrayList<>();
    for (int i = 0; i < 1000; i++) {
      many.add("x".repeat(10_000));
    }

    List<String> kept = recorded(many);

    assertThat(kept).hasSize(128);
    assertThat(kept.get(0)).hasSize(8192).endsWith("...[truncated]");
  }
}

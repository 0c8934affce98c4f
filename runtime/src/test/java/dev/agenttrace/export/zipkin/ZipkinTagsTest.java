package dev.agenttrace.export.zipkin;

import static org.assertj.core.api.Assertions.assertThat;

import dev.agenttrace.AttributeKey;
import dev.agenttrace.Attributes;
import dev.agenttrace.testing.TestSpans;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Zipkin tags are strings: typed attributes are written as OpenTelemetry's exporter writes them.
 */
class ZipkinTagsTest {
  @Test
  void aStringArrayBecomesItsElementsJoinedByCommas() {
    Attributes attributes =
        Attributes.builder()
            .put(
                AttributeKey.stringArrayKey("gen_ai.response.finish_reasons"),
                List.of("stop", "length"))
            .put("gen_ai.usage.input_tokens", 12L)
            .build();

    @SuppressWarnings("unchecked")
    Map<String, Object> tags =
        (Map<String, Object>)
            ZipkinJsonEncoder.toMap(TestSpans.span("chat", attributes)).get("tags");

    assertThat(tags)
        .containsEntry("gen_ai.response.finish_reasons", "stop,length")
        .containsEntry("gen_ai.usage.input_tokens", "12");
  }
}

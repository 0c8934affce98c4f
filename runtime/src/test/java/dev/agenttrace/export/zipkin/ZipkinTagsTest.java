package dev.agenttrace.export.zipkin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

import dev.agenttrace.AttributeKey;
import dev.agenttrace.Attributes;
import dev.agenttrace.StatusCode;
import dev.agenttrace.internal.json.Json;
import dev.agenttrace.spi.ImmutableSpanData;
import dev.agenttrace.spi.Resource;
import dev.agenttrace.spi.SpanData;
import dev.agenttrace.testing.Fuzz;
import dev.agenttrace.testing.TestSpans;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Zipkin tags are strings: typed attributes are written as OpenTelemetry's exporter writes them.
 */
class ZipkinTagsTest {
  private static final AttributeKey<String> REGION = AttributeKey.stringKey("cloud.region");

  @Test
  void aStringArrayBecomesItsElementsJoinedByCommas() {
    Attributes attributes =
        Attributes.builder()
            .put(
                AttributeKey.stringArrayKey("gen_ai.response.finish_reasons"),
                List.of("stop", "length"))
            .put("gen_ai.usage.input_tokens", 12L)
            .build();

    Map<String, Object> tags = tagsOf(TestSpans.span("chat", attributes));

    assertThat(tags)
        .containsEntry("gen_ai.response.finish_reasons", "stop,length")
        .containsEntry("gen_ai.usage.input_tokens", "12");
  }

  @Test
  void aSpanAttributeReplacesTheResourceAttributeOfTheSameName() {
    Resource resource =
        Resource.forService("desk").merge(Resource.create(Attributes.of(REGION, "eu-west-1")));
    SpanData span = span(Attributes.of(REGION, "us-east-1"), StatusCode.UNSET, null, resource);

    assertThat(tagsOf(span)).containsOnly(entry("cloud.region", "us-east-1"));
  }

  @Test
  void theStatusTagsReplaceAttributesOfTheSameNames() {
    Attributes attributes =
        Attributes.builder().put("error", "from the span").put("otel.status_code", "OK").build();
    SpanData span = span(attributes, StatusCode.ERROR, "timed out", Resource.forService("desk"));

    assertThat(tagsOf(span))
        .containsOnly(entry("otel.status_code", "ERROR"), entry("error", "timed out"));
  }

  @Test
  void aSpanWithNothingToTagHasNoTagsMember() {
    SpanData span = span(Attributes.empty(), StatusCode.UNSET, null, Resource.forService("desk"));

    assertThat(tagsOf(span)).isNull();
  }

  @Test
  void anyAttributeTextSurvivesEncodingUnchanged() {
    Fuzz.forAll(
        2_000,
        random -> Fuzz.unicodeText(random, 40),
        text -> {
          SpanData span =
              span(
                  Attributes.builder().put(text.isEmpty() ? "k" : text, text).build(),
                  StatusCode.ERROR,
                  text,
                  Resource.forService(text));

          assertThat(tagsOf(span))
              .containsEntry(text.isEmpty() ? "k" : text, text)
              .containsEntry("error", text.isEmpty() ? "true" : text);
        });
  }

  private static SpanData span(
      Attributes attributes, StatusCode status, String description, Resource resource) {
    ImmutableSpanData template = TestSpans.span("chat", attributes);
    return new ImmutableSpanData(
        template.name(),
        template.kind(),
        template.spanContext(),
        template.parentSpanContext(),
        template.startEpochNanos(),
        template.endEpochNanos(),
        template.durationNanos(),
        attributes,
        List.of(),
        List.of(),
        status,
        description,
        true,
        resource);
  }

  /** The tags of the one span, as Zipkin reads them from the encoded list. */
  @SuppressWarnings("unchecked")
  static Map<String, Object> tagsOf(SpanData span) {
    List<Map<String, Object>> list =
        (List<Map<String, Object>>) Json.parse(ZipkinJsonEncoder.encode(List.of(span)));
    return (Map<String, Object>) list.get(0).get("tags");
  }
}

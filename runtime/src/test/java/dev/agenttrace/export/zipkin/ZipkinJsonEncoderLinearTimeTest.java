package dev.agenttrace.export.zipkin;

import dev.agenttrace.Attributes;
import dev.agenttrace.spi.SpanData;
import dev.agenttrace.testing.LinearTime;
import dev.agenttrace.testing.TestSpans;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The Zipkin encoder writes what spans hold, whatever that is: linear time in its length. */
class ZipkinJsonEncoderLinearTimeTest {
  @Test
  void encodingAHostileAttributeTakesLinearTime() {
    LinearTime.assertLinear(
        "Zipkin JSON of control characters, quotes, backslashes and separators",
        LinearTime.repeat("\u0001\"\\\n\u2028\u00e9{}[],:"),
        text -> {
          SpanData span = TestSpans.span(text, Attributes.builder().put("value", text).build());
          ZipkinJsonEncoder.encode(List.of(span));
        });
  }
}

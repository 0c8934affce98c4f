package dev.agenttrace.export.json;

import dev.agenttrace.Attributes;
import dev.agenttrace.testing.LinearTime;
import dev.agenttrace.testing.TestSpans;
import org.junit.jupiter.api.Test;

/** The JSON Lines encoder and reader see whatever spans hold: linear time in its length. */
class SpanJsonLinearTimeTest {
  @Test
  void writingAndReadingAHostileAttributeTakesLinearTime() {
    LinearTime.assertLinear(
        "JSON Lines of control characters, quotes, backslashes and separators",
        LinearTime.repeat("\u0001\"\\\n\u2028\u00e9{}[],:"),
        text ->
            SpanJson.read(
                SpanJson.write(
                    TestSpans.span(text, Attributes.builder().put("value", text).build()))));
  }
}

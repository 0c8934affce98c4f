package dev.agenttrace.internal.json;

import dev.agenttrace.testing.LinearTime;
import java.util.Map;
import java.util.function.IntFunction;
import org.junit.jupiter.api.Test;

/** The JSON reader and writer see span files and HTTP bodies: linear time on hostile text. */
class JsonLinearTimeTest {
  private static final Map<String, IntFunction<String>> HOSTILE_TEXT =
      Map.ofEntries(
          Map.entry("opening brackets", LinearTime.repeat("[")),
          Map.entry("nested members", LinearTime.repeat("{\"a\":")),
          Map.entry("long array", LinearTime.around("[", "1,", "1]")),
          Map.entry("repeated member names", LinearTime.around("{", "\"k\":1,", "\"k\":1}")),
          Map.entry("long string", LinearTime.around("\"", "a", "\"")),
          Map.entry("escapes", LinearTime.around("\"", "\\u0041\\\"\\\\", "\"")),
          Map.entry("unterminated string", LinearTime.around("\"", "a", "")),
          Map.entry("long integer", LinearTime.repeat("7")),
          Map.entry("long fraction", LinearTime.around("-0.", "1", "")),
          Map.entry("long exponent", LinearTime.around("1e", "9", "")),
          Map.entry("white space", LinearTime.repeat(" \t\n")),
          Map.entry("garbage after a value", LinearTime.around("[1]", "x", "")));

  @Test
  void readingHostileTextTakesLinearTime() {
    HOSTILE_TEXT.forEach(
        (name, input) ->
            LinearTime.assertLinear(
                "Json.parse on " + name,
                input,
                text -> {
                  try {
                    Json.parse(text);
                  } catch (JsonException expected) {
                    // rejecting is fine; the cost is what is measured
                  }
                }));
  }

  @Test
  void writingStringsThatNeedEscapingTakesLinearTime() {
    LinearTime.assertLinear(
        "Json.write of control characters, quotes and separators",
        LinearTime.repeat("\u0001\"\\\n\u2028\u00e9"),
        text -> Json.write(text));
  }
}

package dev.agenttrace.processing;

import dev.agenttrace.Attributes;
import dev.agenttrace.testing.LinearTime;
import dev.agenttrace.testing.TestSpans;
import java.util.List;
import java.util.Map;
import java.util.function.IntFunction;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Redaction runs on the caller's thread on text a remote client may choose: each pattern must cost
 * time linear in it, for text shaped to make a regular expression backtrack.
 */
class RedactionLinearTimeTest {
  /** Hostile text: what a backtracking pattern would try again and again, and fail on. */
  static final Map<String, IntFunction<String>> HOSTILE =
      Map.ofEntries(
          Map.entry("local part without @", LinearTime.repeat("a")),
          Map.entry("mixed local part without @", LinearTime.repeat("john.doe_x%+-9")),
          Map.entry("@ without domain", LinearTime.repeat("a@")),
          Map.entry("domain without top-level part", LinearTime.around("a@", "b.", "")),
          Map.entry("repeated separators", LinearTime.repeat(".-_%+")),
          Map.entry("long digit run", LinearTime.repeat("0123456789")),
          Map.entry("api key prefixes", LinearTime.repeat("sk-")),
          Map.entry("api keys one short", LinearTime.repeat("sk-aaaaaaaaaaaaaaa ")),
          Map.entry("github tokens one short", LinearTime.repeat("ghp_" + "a".repeat(29) + "!")),
          Map.entry("bearer then white space", LinearTime.around("bearer", " ", "")),
          Map.entry("bearer then short tokens", LinearTime.repeat("Bearer abc ")),
          Map.entry("near-miss key words", LinearTime.repeat("passwor apike toke ")),
          Map.entry("one long line", LinearTime.repeat("x")),
          Map.entry("white space", LinearTime.repeat(" \t")),
          Map.entry("many lines", LinearTime.repeat("ab\n")));

  private static final List<Pattern> PATTERNS =
      List.of(
          RedactionPatterns.EMAIL,
          RedactionPatterns.API_KEY,
          RedactionPatterns.BEARER_TOKEN,
          RedactionPatterns.SECRET_KEY_NAMES);

  @Test
  void everyDefaultPatternSearchesHostileTextInLinearTime() {
    for (Pattern pattern : PATTERNS) {
      HOSTILE.forEach(
          (name, input) ->
              LinearTime.assertLinear(
                  pattern.pattern() + " on " + name,
                  input,
                  text -> pattern.matcher(text).replaceAll("#")));
    }
  }

  @Test
  void theRedactingProcessorEndsSpansWithHostileValuesInLinearTime() {
    RedactingSpanProcessor redactor =
        RedactingSpanProcessor.builder()
            .maskKeys(RedactionPatterns.SECRET_KEY_NAMES)
            .maskValues(PATTERNS.subList(0, 3).toArray(Pattern[]::new))
            .build(new InMemorySpanCollector());
    HOSTILE.forEach(
        (name, input) ->
            LinearTime.assertLinear(
                "redacting a span attribute of " + name,
                input,
                text ->
                    redactor.redact(
                        TestSpans.span("chat", Attributes.builder().put("value", text).build()))));
  }
}

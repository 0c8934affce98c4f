package dev.agenttrace.internal.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.agenttrace.testing.Fuzz;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Properties of the JSON reader and writer on random values and random text. */
class JsonPropertiesTest {
  private static final String JSON_CHARACTERS = "{}[]\",:0123456789.eE+-truefalsn \\/\t\n\r\u00e9";
  private static final List<String> JSON_FRAGMENTS =
      List.of("true", "false", "null", "\"a\"", "\\u00", "\\ud800", "1e5", "-0.5", "[", "{\"k\":");

  /** A random JSON value: maps, lists, strings of any UTF-16, longs, finite doubles, booleans. */
  private static Object value(Random random, int depth) {
    switch (random.nextInt(depth >= 4 ? 6 : 8)) {
      case 0:
        return null;
      case 1:
        return random.nextBoolean();
      case 2:
        return random.nextBoolean() ? random.nextLong() : (long) random.nextInt(100);
      case 3:
        return finiteDouble(random);
      case 4:
      case 5:
        return Fuzz.anyText(random, 16);
      case 6:
        List<Object> list = new ArrayList<>();
        for (int i = random.nextInt(5); i > 0; i--) {
          list.add(value(random, depth + 1));
        }
        return list;
      default:
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = random.nextInt(5); i > 0; i--) {
          map.put(Fuzz.anyText(random, 8), value(random, depth + 1));
        }
        return map;
    }
  }

  private static double finiteDouble(Random random) {
    return switch (random.nextInt(6)) {
      case 0 -> -0.0;
      case 1 -> Double.MIN_VALUE;
      case 2 -> -Double.MAX_VALUE;
      default -> (random.nextDouble() - 0.5) * Math.pow(10, random.nextInt(60) - 30);
    };
  }

  /** Parses {@code text}; fine if it is valid, fine if it throws {@link JsonException}. */
  private static void parseOrReject(String text) {
    try {
      Object parsed = Json.parse(text);
      assertThat(Json.parse(Json.write(parsed))).isEqualTo(parsed);
    } catch (JsonException expected) {
      assertThat(expected.offset()).isBetween(0, text.length());
    }
  }

  @Test
  void anyValueWrittenParsesBackEqual() {
    Fuzz.forAll(
        3_000,
        random -> value(random, 0),
        value -> assertThat(Json.parse(Json.write(value))).isEqualTo(value));
  }

  @Test
  void randomTextEitherParsesOrThrowsJsonExceptionOnly() {
    Fuzz.forAll(
        5_000,
        random -> Fuzz.mix(random, JSON_CHARACTERS, JSON_FRAGMENTS, 4, 60),
        JsonPropertiesTest::parseOrReject);
  }

  @Test
  void damagedValidTextEitherParsesOrThrowsJsonExceptionOnly() {
    Fuzz.forAll(
        5_000,
        random -> {
          StringBuilder text = new StringBuilder(Json.write(value(random, 0)));
          for (int edits = 1 + random.nextInt(3); edits > 0 && text.length() > 0; edits--) {
            int at = random.nextInt(text.length());
            char c = JSON_CHARACTERS.charAt(random.nextInt(JSON_CHARACTERS.length()));
            switch (random.nextInt(3)) {
              case 0 -> text.deleteCharAt(at);
              case 1 -> text.insert(at, c);
              default -> text.setCharAt(at, c);
            }
          }
          return text.toString();
        },
        JsonPropertiesTest::parseOrReject);
  }

  @Test
  void randomNestingIsReadUpToMaxDepthAndRejectedBeyond() {
    Fuzz.forAll(
        200,
        random -> 1 + random.nextInt(3 * Json.MAX_DEPTH),
        depth -> {
          String text = "[".repeat(depth) + "]".repeat(depth);
          if (depth <= Json.MAX_DEPTH) {
            assertThat(Json.parse(text)).isInstanceOf(List.class);
          } else {
            assertThatThrownBy(() -> Json.parse(text)).isInstanceOf(JsonException.class);
          }
        });
  }
}

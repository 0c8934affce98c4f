package dev.agenttrace.internal.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class JsonTest {
  @Test
  void parsesEveryKindOfValue() {
    Object value =
        Json.parse(
            " {\"s\":\"a\\u00e9\\n\",\"i\":-12,\"d\":1.5e2,\"t\":true,\"f\":false,\"n\":null,"
                + "\"a\":[1,{\"x\":[]}]} ");

    assertThat(value)
        .isEqualTo(
            new java.util.LinkedHashMap<>(
                Map.of(
                    "s",
                    "aé\n",
                    "i",
                    -12L,
                    "d",
                    150.0,
                    "t",
                    true,
                    "f",
                    false,
                    "a",
                    List.of(1L, Map.of("x", List.of())))) {
              {
                put("n", null);
              }
            });
  }

  @Test
  void writtenTextParsesBackToTheSameValue() {
    Map<String, Object> value = Map.of("quote", "\"\\\u0001", "list", List.of(1L, 2.5, "x"));

    assertThat(Json.parse(Json.write(value))).isEqualTo(value);
  }

  @Test
  void malformedInputSaysWhereItWentWrong() {
    assertThatThrownBy(() -> Json.parse("{\"a\": [1, 2,]}"))
        .isInstanceOf(JsonException.class)
        .hasMessage("unexpected character ']' at offset 12");
    assertThatThrownBy(() -> Json.parse("[1] x")).hasMessageContaining("after the value");
    assertThatThrownBy(() -> Json.parse("\"open")).hasMessageContaining("unterminated string");
  }

  @Test
  void nestingOfMaxDepthIsRead() {
    String nested = "[".repeat(Json.MAX_DEPTH) + "]".repeat(Json.MAX_DEPTH);

    assertThat(Json.parse(nested)).isInstanceOf(List.class);
  }

  @Test
  void nestingDeeperThanMaxDepthIsRejected() {
    String nested = "{\"a\":".repeat(Json.MAX_DEPTH) + "[1]" + "}".repeat(Json.MAX_DEPTH);

    assertThatThrownBy(() -> Json.parse(nested))
        .isInstanceOf(JsonException.class)
        .hasMessageContaining("nesting deeper than " + Json.MAX_DEPTH);
  }

  @Test
  void hugeNestingIsRejectedWithoutOverflowingASmallStack() throws InterruptedException {
    String nested = "[".repeat(1_000_000);
    Throwable[] thrown = new Throwable[1];
    Thread reader =
        new Thread(
            null,
            () -> {
              try {
                Json.parse(nested);
              } catch (Throwable t) {
                thrown[0] = t;
              }
            },
            "small-stack-reader",
            256 * 1024);
    reader.start();
    reader.join();

    assertThat(thrown[0]).isInstanceOf(JsonException.class);
  }

  @Test
  void unicodeEscapeTakesOnlyAsciiHexDigits() {
    assertThat(Json.parse("\"\\u00E9\"")).isEqualTo("\u00e9");
    assertThatThrownBy(() -> Json.parse("\"\\u\uff10\uff10\uff14\uff11\""))
        .isInstanceOf(JsonException.class)
        .hasMessageContaining("bad unicode escape");
  }

  @Test
  void numberBeyondTheRangeOfADoubleIsRejected() {
    assertThat(Json.parse("[1.7976931348623157E308]")).isEqualTo(List.of(Double.MAX_VALUE));
    assertThatThrownBy(() -> Json.parse("[-1e999]"))
        .isInstanceOf(JsonException.class)
        .hasMessage("number out of range at offset 1");
  }
}

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
}

package dev.agenttrace.propagation;

import static org.assertj.core.api.Assertions.assertThat;

import dev.agenttrace.Baggage;
import dev.agenttrace.testing.Fuzz;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Properties of {@code baggage} parsing and formatting on random entries and random text. */
class BaggagePropertiesTest {
  private static final String TOKEN = "abcXYZ019!#$%&'*+-.^_`|~";
  private static final List<String> FRAGMENTS =
      List.of(
          "k=v",
          ",",
          ";p=1",
          ";flag",
          " = ",
          "%FF",
          "%2",
          "%E2%82%AC",
          "=",
          "x".repeat(3000),
          "key".repeat(100) + "=1,");

  private static Baggage baggage(Random random) {
    Baggage.Builder builder = Baggage.builder();
    for (int i = random.nextInt(9); i > 0; i--) {
      String name = TOKEN.charAt(random.nextInt(TOKEN.length())) + Fuzz.string(random, TOKEN, 9);
      String metadata = random.nextInt(3) == 0 ? "ttl=60;internal" : "";
      builder.put(name, Fuzz.unicodeText(random, 20), metadata);
    }
    return builder.build();
  }

  @Test
  void baggageWithinTheLimitsSurvivesFormatThenParseWithPercentEncoding() {
    Fuzz.forAll(
        2_000,
        BaggagePropertiesTest::baggage,
        baggage -> {
          String header = BaggageCodec.format(baggage);

          assertThat(header).matches("[\\x21-\\x7e]*");
          assertThat(BaggageCodec.parse(header)).isEqualTo(baggage);
        });
  }

  @Test
  void anyTextGivesBaggageWithinTheW3cLimits() {
    Fuzz.forAll(
        3_000,
        random -> Fuzz.mix(random, TOKEN + "=,; \t\"\\%\u00e9", FRAGMENTS, 5, 12_000),
        header -> {
          Baggage parsed = BaggageCodec.parse(header);

          assertThat(parsed.size()).isLessThanOrEqualTo(Baggage.MAX_ENTRIES);
          int bytes = 0;
          for (Map.Entry<String, Baggage.Entry> entry : parsed.entries().entrySet()) {
            assertThat(Baggage.isValidName(entry.getKey())).isTrue();
            bytes += entry.getKey().length() + 1 + entry.getValue().value().length();
            bytes += entry.getValue().metadata().length();
          }
          assertThat(bytes).isLessThanOrEqualTo(Baggage.MAX_HEADER_BYTES);
        });
  }
}

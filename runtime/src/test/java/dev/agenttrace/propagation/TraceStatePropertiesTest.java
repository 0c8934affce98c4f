package dev.agenttrace.propagation;

import static org.assertj.core.api.Assertions.assertThat;

import dev.agenttrace.TraceState;
import dev.agenttrace.testing.Fuzz;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Properties of {@code tracestate} parsing and formatting on random members and random text. */
class TraceStatePropertiesTest {
  private static final String KEY_FIRST = "abcdefghijklmnopqrstuvwxyz0123456789";
  private static final String KEY_REST = KEY_FIRST + "_-*/@";
  private static final List<String> FRAGMENTS =
      List.of("foo=1", "foo@bar=2", ",", " , ", "=", "@", "k".repeat(256), "v".repeat(257), "\t");

  private static String key(Random random) {
    int length = random.nextInt(10) == 0 ? 256 : 1 + random.nextInt(12);
    StringBuilder key = new StringBuilder().append(KEY_FIRST.charAt(random.nextInt(36)));
    while (key.length() < length) {
      key.append(KEY_REST.charAt(random.nextInt(KEY_REST.length())));
    }
    return key.toString();
  }

  private static String value(Random random) {
    int length = random.nextInt(10) == 0 ? 256 : 1 + random.nextInt(16);
    StringBuilder value = new StringBuilder();
    while (value.length() < length) {
      char c = (char) (0x20 + random.nextInt(0x5f));
      if (c != ',' && c != '=') {
        value.append(c);
      }
    }
    if (value.charAt(length - 1) == ' ') {
      value.setCharAt(length - 1, '~');
    }
    return value.toString();
  }

  /** Up to 32 valid members with distinct keys. */
  private static TraceState validState(Random random) {
    List<Map.Entry<String, String>> members = new ArrayList<>();
    Set<String> keys = new HashSet<>();
    for (int i = random.nextInt(TraceState.MAX_MEMBERS + 1); i > 0; i--) {
      String key = key(random);
      if (keys.add(key)) {
        members.add(Map.entry(key, value(random)));
      }
    }
    return TraceState.of(members);
  }

  /** Members as anything may hold them: invalid keys and values, repeats, too many. */
  private static TraceState anyState(Random random) {
    List<Map.Entry<String, String>> members = new ArrayList<>();
    for (int i = random.nextInt(40); i > 0; i--) {
      boolean valid = random.nextBoolean();
      members.add(
          Map.entry(
              valid ? key(random) : Fuzz.anyText(random, 8),
              valid ? value(random) : Fuzz.anyText(random, 8)));
      if (random.nextInt(5) == 0) {
        members.add(members.get(random.nextInt(members.size())));
      }
    }
    return TraceState.of(members);
  }

  /** Valid per the grammar and the limits, with distinct keys. */
  private static void assertValid(TraceState state) {
    assertThat(state.size()).isLessThanOrEqualTo(TraceState.MAX_MEMBERS);
    Set<String> keys = new HashSet<>();
    for (Map.Entry<String, String> member : state.members()) {
      assertThat(TraceState.isValidKey(member.getKey())).as(member.getKey()).isTrue();
      assertThat(TraceState.isValidValue(member.getValue())).as(member.getValue()).isTrue();
      assertThat(keys.add(member.getKey())).as("unique " + member.getKey()).isTrue();
    }
  }

  @Test
  void validStateSurvivesFormatThenParseOrLosesWholeMembersToTheLengthLimit() {
    Fuzz.forAll(
        2_000,
        TraceStatePropertiesTest::validState,
        state -> {
          String header = TraceStateCodec.format(state);
          TraceState parsed = TraceStateCodec.parse(header);

          assertThat(header.length()).isLessThanOrEqualTo(TraceStateCodec.MAX_LENGTH);
          if (header.length() == formattedLength(state)) {
            assertThat(parsed).isEqualTo(state);
          } else if (!parsed.isEmpty()) {
            assertThat(state.members()).containsSubsequence(parsed.members());
          }
        });
  }

  private static int formattedLength(TraceState state) {
    int length = Math.max(0, state.size() - 1);
    for (Map.Entry<String, String> member : state.members()) {
      length += member.getKey().length() + 1 + member.getValue().length();
    }
    return length;
  }

  @Test
  void anyTextIsRejectedOrParsedToAValidState() {
    Fuzz.forAll(
        5_000,
        random -> Fuzz.mix(random, KEY_REST + "=, \tA.\u00e9", FRAGMENTS, 4, 200),
        header -> {
          TraceState parsed = TraceStateCodec.parse(header);
          if (parsed != null) {
            assertValid(parsed);
          }
        });
  }

  @Test
  void formattedHeaderIsAlwaysValidWhateverTheStateHolds() {
    Fuzz.forAll(
        3_000,
        TraceStatePropertiesTest::anyState,
        state -> {
          String header = TraceStateCodec.format(state);
          TraceState parsed = TraceStateCodec.parse(header);

          assertThat(header.length()).isLessThanOrEqualTo(TraceStateCodec.MAX_LENGTH);
          assertThat(parsed).isNotNull();
          assertValid(parsed);
          assertThat(state.members()).containsAll(parsed.members());
        });
  }
}

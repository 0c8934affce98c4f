package dev.agenttrace.propagation;

import static org.assertj.core.api.Assertions.assertThat;

import dev.agenttrace.TraceState;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class TraceStateCodecTest {

  private static String members(int from, int to) {
    List<String> members = new ArrayList<>();
    for (int i = from; i <= to; i++) {
      members.add(String.format("bar%02d=%02d", i, i));
    }
    return String.join(",", members);
  }

  @Test
  void specExampleKeepsMembersInOrder() {
    TraceState state = TraceStateCodec.parse("rojo=00f067aa0ba902b7,congo=t61rcWkgMzE");

    assertThat(state.members())
        .containsExactly(Map.entry("rojo", "00f067aa0ba902b7"), Map.entry("congo", "t61rcWkgMzE"));
  }

  @Test
  void whiteSpaceAroundMembersAndEmptyMembersAreIgnored() {
    TraceState state = TraceStateCodec.parse(" \tfoo=1 \t , \t bar=2,,\t \tbaz=3 ,");

    assertThat(state.members())
        .containsExactly(Map.entry("foo", "1"), Map.entry("bar", "2"), Map.entry("baz", "3"));
  }

  @Test
  void leadingSpacesOfAValueArePartOfIt() {
    assertThat(TraceStateCodec.parse("foo= 1").get("foo")).isEqualTo(" 1");
  }

  @Test
  void emptyHeaderIsAnEmptyState() {
    assertThat(TraceStateCodec.parse("").isEmpty()).isTrue();
    assertThat(TraceStateCodec.parse(" , ").isEmpty()).isTrue();
  }

  @Test
  void thirtyTwoMembersAreAccepted() {
    TraceState state = TraceStateCodec.parse(members(1, 32));

    assertThat(state.size()).isEqualTo(32);
    assertThat(state.get("bar01")).isEqualTo("01");
  }

  @Test
  void thirtyThreeMembersInvalidateTheHeader() {
    assertThat(TraceStateCodec.parse(members(1, 33))).isNull();
  }

  @Test
  void allAllowedCharactersAreAccepted() {
    String key = "abcdefghijklmnopqrstuvwxyz0123456789_-*/@";
    StringBuilder value = new StringBuilder();
    for (char c = 0x20; c <= 0x7e; c++) {
      if (c != ',' && c != '=') {
        value.append(c);
      }
    }

    assertThat(TraceStateCodec.parse(key + "=" + value).get(key)).isEqualTo(value.toString());
  }

  @Test
  void keyOf256CharactersIsAccepted() {
    String key = "z".repeat(256);

    assertThat(TraceStateCodec.parse("foo=1," + key + "=1").get(key)).isEqualTo("1");
  }

  @Test
  void keyOf257CharactersInvalidatesTheHeader() {
    assertThat(TraceStateCodec.parse("foo=1," + "z".repeat(257) + "=1")).isNull();
  }

  @ParameterizedTest
  @ValueSource(strings = {"0foo", "9", "a", "z0"})
  void keyMayStartWithALowercaseLetterOrADigit(String key) {
    assertThat(TraceStateCodec.parse(key + "=1").get(key)).isEqualTo("1");
  }

  @ParameterizedTest
  @ValueSource(strings = {"@foo=1,bar=2", "_foo=1", "-foo=1", "*foo=1", "/foo=1", "Foo=1"})
  void keyStartingWithAnythingElseInvalidatesTheHeader(String header) {
    assertThat(TraceStateCodec.parse(header)).isNull();
  }

  @ParameterizedTest
  @ValueSource(strings = {"foo@", "foo@@bar", "foo@bar@baz", "t@vvvvvvvvvvvvvvv", "0tenant@vendor"})
  void atSignMayAppearAnywhereAfterTheFirstCharacterAndMoreThanOnce(String key) {
    TraceState state = TraceStateCodec.parse(key + "=1,bar=2");

    assertThat(state.get(key)).isEqualTo("1");
    assertThat(state.get("bar")).isEqualTo("2");
  }

  @Test
  void keyWithAtSignsCountsTowardsTheSame256CharacterLimit() {
    String withinLimit = "t".repeat(242) + "@v";
    String overLimit = "t".repeat(250) + "@" + "v".repeat(6);

    assertThat(TraceStateCodec.parse(withinLimit + "=1").get(withinLimit)).isEqualTo("1");
    assertThat(TraceStateCodec.parse(overLimit + "=1")).isNull();
  }

  @ParameterizedTest
  @ValueSource(strings = {"foo =1", "FOO=1", "foo.bar=1", "fOo=1", "fooé=1", "foo:bar=1"})
  void keyCharacterOutsideTheGrammarInvalidatesTheHeader(String header) {
    assertThat(TraceStateCodec.parse(header)).isNull();
  }

  @Test
  void valueOf256CharactersIsAcceptedAnd257InvalidateTheHeader() {
    assertThat(TraceStateCodec.parse("foo=" + "x".repeat(256)).get("foo")).hasSize(256);
    assertThat(TraceStateCodec.parse("foo=" + "x".repeat(257))).isNull();
  }

  @ParameterizedTest
  @ValueSource(strings = {"foo=bar=baz", "foo=a,b=", "foo=1é", "foo=a	b", "foo=ab"})
  void valueCharacterOutsidePrintableAsciiOrCommaOrEqualsInvalidatesTheHeader(String header) {
    assertThat(TraceStateCodec.parse(header)).isNull();
  }

  @ParameterizedTest
  @ValueSource(strings = {"foo=,bar=3", "foo= ,bar=3", "foo", "=1"})
  void memberWithoutKeyOrValueInvalidatesTheHeader(String header) {
    assertThat(TraceStateCodec.parse(header)).isNull();
  }

  @Test
  void trailingSpacesOfAValueAreOptionalWhiteSpaceNotPartOfIt() {
    assertThat(TraceStateCodec.parse("foo=a b  ,bar=2").get("foo")).isEqualTo("a b");
  }

  @Test
  void repeatedKeyKeepsTheFirstOccurrenceAndTheRestOfTheHeader() {
    TraceState state = TraceStateCodec.parse("foo=1,bar=2,foo=3");

    assertThat(state.members()).containsExactly(Map.entry("foo", "1"), Map.entry("bar", "2"));
  }

  @Test
  void repeatedKeysAreCountedAsDroppedMembers() {
    TraceContextPropagator propagator = TraceContextPropagator.getInstance();
    long before = propagator.droppedTraceStateMembers();

    TraceStateCodec.parse("foo=1,foo=1,foo=2");

    assertThat(propagator.droppedTraceStateMembers() - before).isEqualTo(2);
  }

  @Test
  void invalidHeaderIsCountedAsDiscarded() {
    TraceContextPropagator propagator = TraceContextPropagator.getInstance();
    long before = propagator.discardedTraceStates();

    TraceStateCodec.parse("foo=1,FOO=2");

    assertThat(propagator.discardedTraceStates() - before).isEqualTo(1);
  }

  @Test
  void formatWritesMembersWithoutWhiteSpace() {
    TraceState state = TraceStateCodec.parse("rojo=00f067aa0ba902b7 , congo=t61rcWkgMzE");

    assertThat(TraceStateCodec.format(state)).isEqualTo("rojo=00f067aa0ba902b7,congo=t61rcWkgMzE");
  }

  @Test
  void overlongStateDropsMembersLongerThan128CharactersFirst() {
    String big = "big=" + "x".repeat(200);
    String header =
        "a=" + "1".repeat(120) + "," + big + ",c=" + "3".repeat(120) + ",d=" + "4".repeat(120);

    String formatted = TraceStateCodec.format(TraceStateCodec.parse(header));

    assertThat(formatted).doesNotContain("big=").contains("a=", "c=", "d=");
    assertThat(formatted.length()).isLessThanOrEqualTo(TraceStateCodec.MAX_LENGTH);
  }

  @Test
  void overlongStateThenDropsMembersFromTheEnd() {
    List<String> members = new ArrayList<>();
    for (int i = 0; i < 30; i++) {
      members.add(String.format("k%02d=%s", i, "v".repeat(20)));
    }

    String formatted = TraceStateCodec.format(TraceStateCodec.parse(String.join(",", members)));

    assertThat(formatted.length()).isLessThanOrEqualTo(TraceStateCodec.MAX_LENGTH);
    assertThat(formatted).startsWith("k00=").doesNotContain("k29=");
    assertThat(formatted.split(",")).hasSize(20);
  }

  @Test
  void updatedMemberMovesToTheFront() {
    TraceState state = TraceStateCodec.parse("rojo=00f067aa0ba902b7,congo=t61rcWkgMzE");

    TraceState updated = state.withMember("congo", "ucfJifl5GOE");

    assertThat(TraceStateCodec.format(updated))
        .isEqualTo("congo=ucfJifl5GOE,rojo=00f067aa0ba902b7");
  }

  @Test
  void addingTo32MembersDropsTheLastOne() {
    TraceState state = TraceStateCodec.parse(members(1, 32));

    TraceState updated = state.withMember("ours", "1");

    assertThat(updated.size()).isEqualTo(32);
    assertThat(updated.members().get(0)).isEqualTo(Map.entry("ours", "1"));
    assertThat(updated.get("bar32")).isNull();
    assertThat(updated.get("bar31")).isEqualTo("31");
  }

  @Test
  void formatLeavesOutMembersThatAreInvalidOrRepeatAKey() {
    TraceState state =
        TraceState.of(
            List.of(
                Map.entry("ok", "1"),
                Map.entry("Bad", "2"),
                Map.entry("ok", "3"),
                Map.entry("v", "a,b"),
                Map.entry("last", "4")));

    assertThat(TraceStateCodec.format(state)).isEqualTo("ok=1,last=4");
  }

  @Test
  void formatWritesAtMost32Members() {
    List<Map.Entry<String, String>> members = new ArrayList<>();
    for (int i = 0; i < 40; i++) {
      members.add(Map.entry("k" + i, "v"));
    }

    String formatted = TraceStateCodec.format(TraceState.of(members));

    assertThat(formatted.split(",")).hasSize(32);
    assertThat(formatted).startsWith("k0=v,").endsWith(",k31=v");
  }

  @Test
  void invalidMemberIsNotAdded() {
    TraceState state = TraceState.empty().withMember("Bad Key", "1").withMember("ok", "a=b");

    assertThat(state.isEmpty()).isTrue();
  }
}

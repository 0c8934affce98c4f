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
    String key = "abcdefghijklmnopqrstuvwxyz0123456789_-*/";
    StringBuilder value = new StringBuilder();
    for (char c = 0x20; c <= 0x7e; c++) {
      if (c != ',' && c != '=') {
        value.append(c);
      }
    }

    assertThat(TraceStateCodec.parse(key + "=" + value).get(key)).isEqualTo(value.toString());
    assertThat(TraceStateCodec.parse(key + "@a-z0-9_-*/=" + value).get(key + "@a-z0-9_-*/"))
        .isEqualTo(value.toString());
  }

  @Test
  void multiTenantKeysAtTheirLengthLimitsAreAccepted() {
    String longest = "t".repeat(241) + "@" + "v".repeat(14);

    assertThat(TraceStateCodec.parse("foo=1," + "z".repeat(256) + "=1").get("foo")).isEqualTo("1");
    assertThat(TraceStateCodec.parse("foo=1," + longest + "=1").get(longest)).isEqualTo("1");
    assertThat(TraceStateCodec.parse("0tenant@vendor=1").get("0tenant@vendor")).isEqualTo("1");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "foo=1,foo=1",
        "foo=1,foo=2",
        "foo =1",
        "FOO=1",
        "foo.bar=1",
        "0foo=1",
        "foo@=1,bar=2",
        "@foo=1,bar=2",
        "foo@@bar=1,bar=2",
        "foo@bar@baz=1,bar=2",
        "foo@0bar=1",
        "foo=bar=baz",
        "foo=,bar=3",
        "foo",
        "=1",
        "foo=1\u00e9",
        "foo=a\tb"
      })
  void headerWithAnInvalidMemberIsInvalidAsAWhole(String header) {
    assertThat(TraceStateCodec.parse(header)).isNull();
  }

  @Test
  void keysAndValuesOverTheirLengthLimitsInvalidateTheHeader() {
    assertThat(TraceStateCodec.parse("foo=1," + "z".repeat(257) + "=1")).isNull();
    assertThat(TraceStateCodec.parse("foo=1," + "t".repeat(242) + "@v=1")).isNull();
    assertThat(TraceStateCodec.parse("foo=1,t@" + "v".repeat(15) + "=1")).isNull();
    assertThat(TraceStateCodec.parse("foo=" + "x".repeat(257))).isNull();
    assertThat(TraceStateCodec.parse("foo=" + "x".repeat(256)).get("foo")).hasSize(256);
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
  void invalidMemberIsNotAdded() {
    TraceState state = TraceState.empty().withMember("Bad Key", "1").withMember("ok", "a=b");

    assertThat(state.isEmpty()).isTrue();
  }
}

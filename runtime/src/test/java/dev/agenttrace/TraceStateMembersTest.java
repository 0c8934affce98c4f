package dev.agenttrace;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TraceStateMembersTest {

  @Test
  void withoutMemberDeletesOnlyThatVendorsEntryAndKeepsTheOrder() {
    TraceState state =
        TraceState.empty().withMember("c", "3").withMember("b", "2").withMember("a", "1");

    TraceState without = state.withoutMember("b");

    assertThat(without.members()).extracting(e -> e.getKey()).containsExactly("a", "c");
    assertThat(state.size()).isEqualTo(3);
  }

  @Test
  void withoutAnAbsentMemberIsAnEqualState() {
    TraceState state = TraceState.empty().withMember("a", "1");

    assertThat(state.withoutMember("zz")).isEqualTo(state);
  }
}

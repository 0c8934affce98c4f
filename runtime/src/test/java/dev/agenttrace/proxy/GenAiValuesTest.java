package dev.agenttrace.proxy;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class GenAiValuesTest {
  enum FinishReason {
    STOP,
    TOOL_CALL
  }

  @Test
  void enumsBecomeTheirLowerCaseNames() {
    assertThat(GenAiValues.enumValue(FinishReason.TOOL_CALL)).isEqualTo("tool_call");
    assertThat(GenAiValues.enumValue(null)).isNull();
  }

  @Test
  void aSingleValueBecomesAOneElementArray() {
    assertThat(GenAiValues.strings(FinishReason.STOP)).containsExactly("stop");
    assertThat(GenAiValues.strings("length")).containsExactly("length");
  }

  @Test
  void listsAndArraysKeepTheirOrderWithoutNulls() {
    assertThat(GenAiValues.strings(Arrays.asList("a", null, "b"))).containsExactly("a", "b");
    assertThat(GenAiValues.strings(new String[] {"x", "y"})).containsExactly("x", "y");
    assertThat(GenAiValues.strings(null)).isNull();
  }

  @Test
  void aHugeListIsCutTo128ElementsWithoutReadingTheRest() {
    Iterable<Integer> endless = () -> IntStream.iterate(0, i -> i + 1).iterator();

    assertThat(GenAiValues.strings(endless)).hasSize(128).endsWith("127");
  }

  @Test
  void anElementWhoseToStringThrowsIsLeftOutAndCounted() {
    Object hostile =
        new Object() {
          @Override
          public String toString() {
            throw new IllegalStateException("no text");
          }
        };
    long before = GenAiValues.skippedCount();

    List<String> strings = GenAiValues.strings(List.of("stop", hostile));

    assertThat(strings).containsExactly("stop");
    assertThat(GenAiValues.skippedCount()).isEqualTo(before + 1);
  }
}

package dev.agenttrace.proxy;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class AttributeValuesTest {
  private static final class Broken {
    @Override
    public String toString() {
      throw new StackOverflowError();
    }
  }

  @Test
  void valueIsRenderedByItsToString() {
    assertThat(AttributeValues.toStringSafely(List.of("a", "b"))).isEqualTo("[a, b]");
    assertThat(AttributeValues.deepToStringSafely(new Object[] {"a", new int[] {1}}))
        .isEqualTo("[a, [1]]");
  }

  @Test
  void nullStaysNullSoItIsNotRecorded() {
    assertThat(AttributeValues.toStringSafely(null)).isNull();
    assertThat(AttributeValues.deepToStringSafely(null)).isNull();
  }

  @Test
  void failingToStringIsRenderedAsClassNameAndFailureInsteadOfThrowing() {
    assertThat(AttributeValues.toStringSafely(new Broken()))
        .isEqualTo(Broken.class.getName() + "(toString failed: java.lang.StackOverflowError)");
    assertThat(AttributeValues.deepToStringSafely(new Object[] {"ok", new Broken()}))
        .isEqualTo("[Ljava.lang.Object;(toString failed: java.lang.StackOverflowError)");
  }
}

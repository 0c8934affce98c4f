package dev.agenttrace;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class AttributesTest {
  @Test
  void keepsInsertionOrderAndReplacesValuesOfTheSameName() {
    Attributes attributes = Attributes.builder().put("b", "1").put("a", 2L).put("b", "3").build();

    assertThat(attributes.asMap())
        .containsExactly(
            org.assertj.core.api.Assertions.entry("b", "3"),
            org.assertj.core.api.Assertions.entry("a", 2L));
  }

  @Test
  void nullValueRemovesTheKey() {
    Attributes attributes =
        Attributes.builder().put("a", "1").put(AttributeKey.stringKey("a"), null).build();

    assertThat(attributes.isEmpty()).isTrue();
  }

  @Test
  void builtAttributesStayAsTheyWereWhenTheBuilderGoesOn() {
    Attributes.Builder builder = Attributes.builder(2).put("a", "1").put("b", "2");
    Attributes built = builder.build();

    builder.put("a", "changed").put(AttributeKey.stringKey("b"), null).put("c", "3");

    assertThat(built.asMap())
        .containsExactly(
            org.assertj.core.api.Assertions.entry("a", "1"),
            org.assertj.core.api.Assertions.entry("b", "2"));
    assertThat(builder.build().asMap())
        .containsExactly(
            org.assertj.core.api.Assertions.entry("a", "changed"),
            org.assertj.core.api.Assertions.entry("c", "3"));
  }

  @Test
  void removingAKeyKeepsTheOrderOfTheOthers() {
    Attributes attributes =
        Attributes.builder()
            .put("a", "1")
            .put("b", "2")
            .put("c", "3")
            .put(AttributeKey.stringKey("b"), null)
            .build();

    assertThat(attributes.keys()).extracting(AttributeKey::name).containsExactly("a", "c");
  }

  @Test
  void typedLookupNeedsTheSameType() {
    Attributes attributes = Attributes.builder().put("count", 3L).build();

    assertThat(attributes.get(AttributeKey.longKey("count"))).isEqualTo(3L);
    assertThat(attributes.get(AttributeKey.stringKey("count"))).isNull();
    assertThat(attributes.get("count")).isEqualTo(3L);
  }

  @Test
  void equalityAndHashCodeAreThoseOfTheMapWhateverTheOrder() {
    Attributes ab = Attributes.builder().put("a", "1").put("b", 2L).build();
    Attributes ba = Attributes.builder().put("b", 2L).put("a", "1").build();
    Attributes other = Attributes.builder().put("a", "1").put("b", 3L).build();

    assertThat(ab).isEqualTo(ba).hasSameHashCodeAs(ba).hasSameHashCodeAs(ab.asMap());
    assertThat(ab).isNotEqualTo(other);
    assertThat(ab).isNotEqualTo(Attributes.builder().put("a", "1").build());
  }
}

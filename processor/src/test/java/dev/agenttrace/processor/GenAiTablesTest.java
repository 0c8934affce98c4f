package dev.agenttrace.processor;

import static org.assertj.core.api.Assertions.assertThat;

import dev.agenttrace.AttributeKey;
import dev.agenttrace.SemanticAttributes;
import dev.agenttrace.testing.GenAiConventions;
import dev.agenttrace.testing.GenAiConventions.SpanDefinition;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * The processor repeats runtime names and the conventions' rules in tables (it never loads the
 * runtime); these tests keep the tables equal to their sources.
 */
class GenAiTablesTest {
  private static final GenAiConventions CONVENTIONS = GenAiConventions.load();

  @Test
  void everyKeyTheProcessorNamesIsTheRuntimeConstantOfThatName() throws Exception {
    List<String> problems = new ArrayList<>();
    for (String constant : SemanticKeys.constants()) {
      AttributeKey<?> key = (AttributeKey<?>) SemanticAttributes.class.getField(constant).get(null);
      if (!key.name().equals(SemanticKeys.key(constant))) {
        problems.add(constant + " is " + key.name() + ", not " + SemanticKeys.key(constant));
      }
    }
    assertThat(problems).isEmpty();
  }

  @Test
  void eachPathSettingIsAllowedExactlyOnTheSpansWhoseConventionsDefineItsAttribute() {
    List<String> problems = new ArrayList<>();
    for (GenAiSetting setting : GenAiSetting.values()) {
      Set<String> defined = new TreeSet<>();
      for (String spanType : GenAiSetting.Spans.ALL) {
        SpanDefinition span = CONVENTIONS.span(spanType);
        if (span.attributes().contains(setting.key())) {
          defined.add(spanType);
        }
      }
      if (!defined.equals(new TreeSet<>(setting.spans()))) {
        problems.add(
            setting + ": allowed on " + new TreeSet<>(setting.spans()) + ", defined on " + defined);
      }
    }
    assertThat(problems).isEmpty();
  }

  @Test
  void contentIsCapturedOnlyWhereTheConventionsDefineMessages() {
    Set<String> withMessages = new TreeSet<>();
    for (String spanType : GenAiSetting.Spans.ALL) {
      if (CONVENTIONS.span(spanType).attributes().contains("gen_ai.input.messages")) {
        withMessages.add(spanType);
      }
    }

    assertThat(withMessages)
        .containsExactlyInAnyOrder(
            GenAiSetting.Spans.INFERENCE,
            GenAiSetting.Spans.LOCAL_AGENT,
            GenAiSetting.Spans.REMOTE_AGENT);
  }
}

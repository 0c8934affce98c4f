package dev.agenttrace.proxy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

import dev.agenttrace.AttributeKey;
import dev.agenttrace.SpanKind;
import dev.agenttrace.SpanTemplate;
import org.junit.jupiter.api.Test;

class SpanTemplatesTest {
  @Test
  void agentRunFollowsTheGenAiConventions() {
    SpanTemplate template = SpanTemplates.agentRun("billing", "Refunds", "com.acme.Billing.handle");

    assertThat(template.name()).isEqualTo("invoke_agent billing");
    assertThat(template.kind()).isEqualTo(SpanKind.INTERNAL);
    assertThat(template.attributes().asMap())
        .containsExactly(
            entry("gen_ai.operation.name", "invoke_agent"),
            entry("gen_ai.agent.name", "billing"),
            entry("gen_ai.agent.description", "Refunds"),
            entry("code.function.name", "com.acme.Billing.handle"));
  }

  @Test
  void toolLeavesOutAnEmptyDescription() {
    SpanTemplate template = SpanTemplates.tool("lookup_order", "", "com.acme.Tools.lookup");

    assertThat(template.name()).isEqualTo("execute_tool lookup_order");
    assertThat(template.attributes().asMap())
        .containsExactly(
            entry("gen_ai.operation.name", "execute_tool"),
            entry("gen_ai.tool.name", "lookup_order"),
            entry("code.function.name", "com.acme.Tools.lookup"));
  }

  @Test
  void llmCallIsAClientSpanNamingModelAndProvider() {
    SpanTemplate template = SpanTemplates.llmCall("gpt-4o", "openai", "com.acme.Model.chat");

    assertThat(template.name()).isEqualTo("chat gpt-4o");
    assertThat(template.kind()).isEqualTo(SpanKind.CLIENT);
    assertThat(template.attributes().asMap())
        .containsEntry("gen_ai.request.model", "gpt-4o")
        .containsEntry("gen_ai.provider.name", "openai");
  }

  @Test
  void streamedEmbeddingsCallNamesItsOperationAndMarksTheStream() {
    SpanTemplate template =
        SpanTemplates.modelCall(
            "embeddings", "text-embedding-3-small", "openai", "com.acme.Embedder.embed", true);

    assertThat(template.name()).isEqualTo("embeddings text-embedding-3-small");
    assertThat(template.kind()).isEqualTo(SpanKind.CLIENT);
    assertThat(template.attributes().asMap())
        .containsEntry("gen_ai.operation.name", "embeddings")
        .containsEntry("gen_ai.request.stream", true);
  }

  @Test
  void modelCallThatDoesNotStreamLeavesTheStreamAttributeOut() {
    SpanTemplate template = SpanTemplates.modelCall("chat", "gpt-4o", "", "", false);

    assertThat(template.attributes().asMap()).doesNotContainKey("gen_ai.request.stream");
  }

  @Test
  void tracedCarriesOnlyTheCodeFunction() {
    SpanTemplate template = SpanTemplates.traced("Retriever.search", "com.acme.Retriever.search");

    assertThat(template.name()).isEqualTo("Retriever.search");
    assertThat(template.attributes().asMap())
        .containsExactly(entry("code.function.name", "com.acme.Retriever.search"));
  }

  @Test
  void withAttributeAddsToACopy() {
    SpanTemplate base = SpanTemplates.traced("plan", "");
    SpanTemplate extended = base.withAttribute(AttributeKey.stringKey("plan.kind"), "greedy");

    assertThat(base.attributes().isEmpty()).isTrue();
    assertThat(extended.attributes().asMap()).containsExactly(entry("plan.kind", "greedy"));
  }
}

package dev.agenttrace.proxy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

import dev.agenttrace.AttributeKey;
import dev.agenttrace.SemanticAttributes;
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
  void embeddingsIsAClientSpanNamedAfterOperationAndModel() {
    SpanTemplate template =
        SpanTemplates.modelCall("embeddings", "text-embedding-3-small", "openai", "")
            .withAttribute(SemanticAttributes.SERVER_ADDRESS, "api.openai.com")
            .withAttribute(SemanticAttributes.SERVER_PORT, 443L);

    assertThat(template.name()).isEqualTo("embeddings text-embedding-3-small");
    assertThat(template.kind()).isEqualTo(SpanKind.CLIENT);
    assertThat(template.attributes().asMap())
        .containsExactly(
            entry("gen_ai.operation.name", "embeddings"),
            entry("gen_ai.request.model", "text-embedding-3-small"),
            entry("gen_ai.provider.name", "openai"),
            entry("server.address", "api.openai.com"),
            entry("server.port", 443L));
  }

  @Test
  void remoteAgentRunIsAClientSpanWithItsProvider() {
    SpanTemplate template = SpanTemplates.remoteAgentRun("travel", "aws.bedrock", "");

    assertThat(template.name()).isEqualTo("invoke_agent travel");
    assertThat(template.kind()).isEqualTo(SpanKind.CLIENT);
    assertThat(template.attributes().asMap())
        .containsExactly(
            entry("gen_ai.operation.name", "invoke_agent"),
            entry("gen_ai.agent.name", "travel"),
            entry("gen_ai.provider.name", "aws.bedrock"));
  }

  @Test
  void createAgentWithoutANameIsNamedAfterTheOperation() {
    SpanTemplate template = SpanTemplates.createAgent("", "openai", "");

    assertThat(template.name()).isEqualTo("create_agent");
    assertThat(template.kind()).isEqualTo(SpanKind.CLIENT);
    assertThat(template.attributes().asMap())
        .containsExactly(
            entry("gen_ai.operation.name", "create_agent"),
            entry("gen_ai.provider.name", "openai"));
  }

  @Test
  void retrievalIsNamedAfterItsDataSource() {
    SpanTemplate template = SpanTemplates.retrieval("kb-products", "");

    assertThat(template.name()).isEqualTo("retrieval kb-products");
    assertThat(template.kind()).isEqualTo(SpanKind.CLIENT);
    assertThat(template.attributes().asMap())
        .containsExactly(
            entry("gen_ai.operation.name", "retrieval"),
            entry("gen_ai.data_source.id", "kb-products"));
  }

  @Test
  void aModelReadFromTheArgumentsRenamesACopyOfTheTemplate() {
    SpanTemplate base = SpanTemplates.modelCall("chat", "", "openai", "com.acme.Model.chat");

    SpanTemplate perCall = SpanTemplates.withRequestModel(base, "chat", "gpt-4o-mini");

    assertThat(base.name()).isEqualTo("chat");
    assertThat(perCall.name()).isEqualTo("chat gpt-4o-mini");
    assertThat(perCall.kind()).isEqualTo(SpanKind.CLIENT);
    assertThat(perCall.attributes().asMap())
        .containsEntry("gen_ai.provider.name", "openai")
        .containsEntry("gen_ai.request.model", "gpt-4o-mini");
    assertThat(SpanTemplates.withRequestModel(base, "chat", null)).isSameAs(base);
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

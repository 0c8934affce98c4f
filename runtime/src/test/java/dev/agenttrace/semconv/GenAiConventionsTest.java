package dev.agenttrace.semconv;

import static org.assertj.core.api.Assertions.assertThat;

import dev.agenttrace.AttributeKey;
import dev.agenttrace.AttributeType;
import dev.agenttrace.SemanticAttributes;
import dev.agenttrace.SpanKind;
import dev.agenttrace.SpanTemplate;
import dev.agenttrace.proxy.SpanTemplates;
import dev.agenttrace.testing.GenAiConventions;
import dev.agenttrace.testing.GenAiConventions.Attribute;
import dev.agenttrace.testing.GenAiConventions.SpanDefinition;
import java.io.IOException;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Every attribute name and type, operation name and span (name, kind, required and allowed
 * attributes) AgentTrace emits matches the GenAI semantic conventions copied into {@code
 * src/test/resources/semconv/gen-ai} (1.42.0-dev, commit fe5608e2). When the copy is updated to a
 * newer version, each difference fails here with its name.
 */
class GenAiConventionsTest {
  /**
   * Names from the core semantic conventions (v1.43.0, which the GenAI registry builds on and does
   * not copy): they are not in the GenAI registry, and that is expected.
   */
  private static final Set<String> CORE_ATTRIBUTES =
      Set.of(
          "code.function.name",
          "error.type",
          "exception.type",
          "exception.message",
          "exception.stacktrace",
          "server.address",
          "server.port",
          "service.name");

  private static final GenAiConventions CONVENTIONS = GenAiConventions.load();

  @Test
  void everyGenAiAttributeKeyIsInTheRegistryWithItsType() {
    List<String> problems = new ArrayList<>();
    for (AttributeKey<?> key : attributeKeys().values()) {
      if (!key.name().startsWith("gen_ai.")) {
        continue;
      }
      Attribute attribute = CONVENTIONS.attributes().get(key.name());
      if (attribute == null) {
        problems.add(key.name() + " is not in the registry");
      } else if (key.type() != expectedType(attribute.type())) {
        problems.add(
            key.name() + " is " + key.type() + " but the registry says " + attribute.type());
      }
    }
    assertThat(problems).isEmpty();
  }

  @Test
  void everyOtherAttributeKeyComesFromTheCoreConventions() {
    Set<String> others = new TreeSet<>();
    attributeKeys().values().stream()
        .map(AttributeKey::name)
        .filter(name -> !name.startsWith("gen_ai."))
        .forEach(others::add);

    assertThat(CORE_ATTRIBUTES).containsAll(others);
  }

  @Test
  void everyOperationNameIsAWellKnownValue() throws IllegalAccessException {
    List<String> operations = new ArrayList<>();
    for (Field field : SemanticAttributes.class.getFields()) {
      if (field.getName().startsWith("OPERATION_")) {
        operations.add((String) field.get(null));
      }
    }

    assertThat(operations).hasSizeGreaterThanOrEqualTo(8);
    assertThat(CONVENTIONS.attributes().get("gen_ai.operation.name").members())
        .containsAll(operations);
  }

  @Test
  void everySpanTemplateHasTheConventionsNameKindAndAttributes() {
    Map<String, List<SpanTemplate>> templates = new LinkedHashMap<>();
    templates.put(
        "gen_ai.inference.client",
        List.of(
            SpanTemplates.modelCall("chat", "gpt-4o", "openai", "f.F.chat"),
            SpanTemplates.modelCall("text_completion", "davinci-002", "openai", "f.F.complete"),
            SpanTemplates.modelCall("generate_content", "gemini-2.5", "gcp.gemini", "f.F.gen"),
            SpanTemplates.llmCall("gpt-4o", "openai", "f.F.chat")
                .withAttribute(SemanticAttributes.SERVER_ADDRESS, "api.openai.com")
                .withAttribute(SemanticAttributes.SERVER_PORT, 443L),
            SpanTemplates.withRequestModel(
                SpanTemplates.modelCall("chat", "", "openai", ""), "chat", "gpt-4o-mini")));
    templates.put(
        "gen_ai.embeddings.client",
        List.of(SpanTemplates.modelCall("embeddings", "text-embedding-3", "openai", "f.F.embed")));
    templates.put(
        "gen_ai.retrieval.client",
        List.of(
            SpanTemplates.retrieval("kb-products", "f.F.search")
                .withAttribute(SemanticAttributes.GEN_AI_PROVIDER_NAME, "openai")));
    templates.put(
        "gen_ai.create_agent.client",
        List.of(
            SpanTemplates.createAgent("travel", "openai", "f.F.create")
                .withAttribute(SemanticAttributes.GEN_AI_AGENT_DESCRIPTION, "Books trips")
                .withAttribute(SemanticAttributes.GEN_AI_AGENT_VERSION, "2")
                .withAttribute(SemanticAttributes.GEN_AI_REQUEST_MODEL, "gpt-4o")));
    templates.put(
        "gen_ai.invoke_agent.client",
        List.of(
            SpanTemplates.remoteAgentRun("travel", "aws.bedrock", "f.F.run")
                .withAttribute(SemanticAttributes.GEN_AI_AGENT_DESCRIPTION, "Books trips")
                .withAttribute(SemanticAttributes.GEN_AI_AGENT_ID, "arn:agent/1")
                .withAttribute(SemanticAttributes.GEN_AI_AGENT_VERSION, "3")
                .withAttribute(SemanticAttributes.SERVER_ADDRESS, "bedrock.example")
                .withAttribute(SemanticAttributes.SERVER_PORT, 443L)));
    templates.put(
        "gen_ai.invoke_agent.internal",
        List.of(
            SpanTemplates.agentRun("billing", "Refunds", "f.F.run")
                .withAttribute(SemanticAttributes.GEN_AI_REQUEST_MODEL, "gpt-4o")));
    templates.put(
        "gen_ai.execute_tool.internal",
        List.of(
            SpanTemplates.tool("lookup_order", "Finds an order", "f.F.lookup")
                .withAttribute(SemanticAttributes.GEN_AI_TOOL_TYPE, "function")));

    List<String> problems = new ArrayList<>();
    templates.forEach(
        (type, list) ->
            list.forEach(template -> check(CONVENTIONS.span(type), template, problems)));
    assertThat(problems).isEmpty();
  }

  @Test
  void attributeNamesSpanTypesAndMetricNamesWrittenAsTextInTheSourcesAreInTheConventions()
      throws IOException {
    Pattern literal = Pattern.compile("\"(gen_ai\\.[a-z0-9_.]+)\"");
    Set<String> unknown = new TreeSet<>();
    int found = 0;
    for (Path root :
        List.of(
            Path.of("src/main/java"),
            Path.of("../processor/src/main/java"),
            Path.of("../annotations/src/main/java"))) {
      List<Path> files;
      try (Stream<Path> walk = Files.walk(root)) {
        files = walk.filter(p -> p.toString().endsWith(".java")).toList();
      }
      for (Path file : files) {
        Matcher matcher = literal.matcher(Files.readString(file));
        while (matcher.find()) {
          found++;
          String name = matcher.group(1);
          if (!CONVENTIONS.attributes().containsKey(name)
              && !CONVENTIONS.spans().containsKey(name)
              && !CONVENTIONS.metrics().containsKey(name)) {
            unknown.add(name + " in " + file);
          }
        }
      }
    }
    assertThat(found).isGreaterThan(10);
    assertThat(unknown).isEmpty();
  }

  private static void check(SpanDefinition span, SpanTemplate template, List<String> problems) {
    String where = span.type() + " (" + template.name() + ")";
    Map<String, Object> attributes = template.attributes().asMap();
    SpanKind kind = SpanKind.valueOf(span.kind().toUpperCase(java.util.Locale.ROOT));
    if (template.kind() != kind) {
      problems.add(where + ": kind " + template.kind() + ", conventions " + kind);
    }
    String name = expectedName(span.namePattern(), attributes);
    if (!template.name().equals(name)) {
      problems.add(where + ": name \"" + template.name() + "\", conventions \"" + name + "\"");
    }
    for (String required : span.required()) {
      if (!attributes.containsKey(required)) {
        problems.add(where + ": misses the required " + required);
      }
    }
    for (String key : attributes.keySet()) {
      if (!span.attributes().contains(key) && !key.equals("code.function.name")) {
        problems.add(where + ": carries " + key + ", which the span does not define");
      }
    }
  }

  /** The pattern with each {attribute} replaced; a trailing one that is absent is left out. */
  private static String expectedName(String pattern, Map<String, Object> attributes) {
    Matcher placeholder = Pattern.compile(" ?\\{([a-z0-9_.]+)}").matcher(pattern);
    StringBuilder name = new StringBuilder();
    while (placeholder.find()) {
      Object value = attributes.get(placeholder.group(1));
      String replacement =
          value == null ? "" : placeholder.group().startsWith(" ") ? " " + value : "" + value;
      placeholder.appendReplacement(name, Matcher.quoteReplacement(replacement));
    }
    placeholder.appendTail(name);
    return name.toString();
  }

  private static AttributeType expectedType(String registryType) {
    return switch (registryType) {
      case "string", "enum", "any" -> AttributeType.STRING; // any: JSON text
      case "int" -> AttributeType.LONG;
      case "double" -> AttributeType.DOUBLE;
      case "boolean" -> AttributeType.BOOLEAN;
      case "string[]" -> AttributeType.STRING_ARRAY;
      default -> throw new IllegalStateException("unexpected registry type " + registryType);
    };
  }

  private static Map<String, AttributeKey<?>> attributeKeys() {
    Map<String, AttributeKey<?>> keys = new LinkedHashMap<>();
    for (Field field : SemanticAttributes.class.getFields()) {
      if (Modifier.isStatic(field.getModifiers()) && field.getType() == AttributeKey.class) {
        try {
          keys.put(field.getName(), (AttributeKey<?>) field.get(null));
        } catch (IllegalAccessException e) {
          throw new IllegalStateException(e);
        }
      }
    }
    return keys;
  }
}

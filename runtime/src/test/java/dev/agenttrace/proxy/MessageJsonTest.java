package dev.agenttrace.proxy;

import static org.assertj.core.api.Assertions.assertThat;

import dev.agenttrace.GenAiMessage;
import dev.agenttrace.MessagePart;
import dev.agenttrace.ModelInput;
import dev.agenttrace.ModelOutput;
import dev.agenttrace.SemanticAttributes;
import dev.agenttrace.Span;
import dev.agenttrace.ToolDefinition;
import dev.agenttrace.internal.json.Json;
import dev.agenttrace.processing.InMemorySpanCollector;
import dev.agenttrace.sdk.TracerSdk;
import dev.agenttrace.spi.SpanData;
import dev.agenttrace.testing.ContentSchema;
import java.util.AbstractList;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** Captured content has the conventions' JSON shape, stays valid JSON and is bounded. */
class MessageJsonTest {
  private static final ContentSchema INPUT = ContentSchema.load("gen-ai-input-messages.json");
  private static final ContentSchema OUTPUT = ContentSchema.load("gen-ai-output-messages.json");
  private static final ContentSchema INSTRUCTIONS =
      ContentSchema.load("gen-ai-system-instructions.json");
  private static final ContentSchema TOOLS = ContentSchema.load("gen-ai-tool-definitions.json");

  private final InMemorySpanCollector collector = new InMemorySpanCollector();
  private final TracerSdk tracer = TracerSdk.builder().addSpanProcessor(collector).build();

  private SpanData record(Consumer<Span> recording) {
    Span span = tracer.spanBuilder("chat").startSpan();
    recording.accept(span);
    span.end();
    return collector.finishedSpans().get(collector.finishedSpans().size() - 1);
  }

  private static String input(SpanData span) {
    return span.attributes().get(SemanticAttributes.GEN_AI_INPUT_MESSAGES);
  }

  private static String output(SpanData span) {
    return span.attributes().get(SemanticAttributes.GEN_AI_OUTPUT_MESSAGES);
  }

  record Turn(String role, String text) implements GenAiMessage {
    @Override
    public List<MessagePart> parts() {
      return List.of(MessagePart.text(text));
    }
  }

  record Request(List<GenAiMessage> inputMessages) implements ModelInput {
    @Override
    public List<MessagePart> systemInstructions() {
      return List.of(MessagePart.text("You are a support agent."));
    }

    @Override
    public List<ToolDefinition> toolDefinitions() {
      return List.of(
          ToolDefinition.function(
              "lookup_order",
              "Finds an order",
              "{\"type\":\"object\",\"properties\":{\"id\":{\"type\":\"integer\"}}}"));
    }
  }

  @Test
  void aStringPromptAndAnswerBecomeUserAndAssistantTextMessages() {
    SpanData span =
        record(
            s -> {
              MessageJson.recordInput(s, new Object[] {"Where is order 42?"});
              MessageJson.recordOutput(s, "It shipped.");
            });

    assertThat(input(span))
        .isEqualTo(
            "[{\"role\":\"user\",\"parts\":[{\"type\":\"text\",\"content\":\"Where is order 42?\"}]}]");
    assertThat(output(span))
        .isEqualTo(
            "[{\"role\":\"assistant\",\"parts\":[{\"type\":\"text\",\"content\":\"It shipped.\"}],"
                + "\"finish_reason\":\"stop\"}]");
    assertThat(INPUT.problems(input(span))).isEmpty();
    assertThat(OUTPUT.problems(output(span))).isEmpty();
  }

  @Test
  void toolCallsKeepTheirIdsAndJsonArguments() {
    GenAiMessage call =
        GenAiMessage.of(
            "assistant", MessagePart.toolCall("call_1", "lookup_order", "{\"id\": 42}"));
    GenAiMessage answer =
        GenAiMessage.of("tool", MessagePart.toolCallResponse("call_1", "shipped"));

    SpanData span = record(s -> MessageJson.recordInput(s, new Object[] {List.of(call, answer)}));

    assertThat(INPUT.problems(input(span))).isEmpty();
    assertThat(Json.parse(input(span)))
        .isEqualTo(
            List.of(
                Map.of(
                    "role",
                    "assistant",
                    "parts",
                    List.of(
                        Map.of(
                            "type",
                            "tool_call",
                            "id",
                            "call_1",
                            "name",
                            "lookup_order",
                            "arguments",
                            Map.of("id", 42L)))),
                Map.of(
                    "role",
                    "tool",
                    "parts",
                    List.of(
                        Map.of(
                            "type",
                            "tool_call_response",
                            "id",
                            "call_1",
                            "response",
                            "shipped")))));
  }

  @Test
  void argumentsThatAreNotJsonAreRecordedAsAString() {
    GenAiMessage call =
        GenAiMessage.of("assistant", MessagePart.toolCall("c", "search", "{not json"));

    SpanData span = record(s -> MessageJson.recordOutput(s, List.of(call)));

    assertThat(output(span)).contains("\"arguments\":\"{not json\"");
    assertThat(OUTPUT.problems(output(span))).isEmpty();
  }

  @Test
  void aModelInputRecordsItsSystemInstructionsAndToolDefinitions() {
    Request request = new Request(List.of(new Turn("user", "Hello")));

    SpanData span = record(s -> MessageJson.recordInput(s, new Object[] {request}));

    String instructions = span.attributes().get(SemanticAttributes.GEN_AI_SYSTEM_INSTRUCTIONS);
    String tools = span.attributes().get(SemanticAttributes.GEN_AI_TOOL_DEFINITIONS);
    assertThat(instructions)
        .isEqualTo("[{\"type\":\"text\",\"content\":\"You are a support agent.\"}]");
    assertThat(tools)
        .startsWith("[{\"type\":\"function\",\"name\":\"lookup_order\"")
        .contains("\"parameters\":{\"type\":\"object\"");
    assertThat(INPUT.problems(input(span))).isEmpty();
    assertThat(INSTRUCTIONS.problems(instructions)).isEmpty();
    assertThat(TOOLS.problems(tools)).isEmpty();
  }

  @Test
  void aModelOutputRecordsOneMessagePerChoiceWithItsFinishReason() {
    GenAiMessage truncated =
        new GenAiMessage() {
          @Override
          public String role() {
            return "assistant";
          }

          @Override
          public List<MessagePart> parts() {
            return List.of(MessagePart.text("Once upon"));
          }

          @Override
          public String finishReason() {
            return "length";
          }
        };
    ModelOutput response = () -> List.of(truncated, GenAiMessage.assistant("Done."));

    SpanData span = record(s -> MessageJson.recordOutput(s, response));

    assertThat(OUTPUT.problems(output(span))).isEmpty();
    assertThat(output(span))
        .contains("\"finish_reason\":\"length\"")
        .contains("\"finish_reason\":\"stop\"");
  }

  @Test
  void anAbsurdlyLongMessageListIsCutToValidJsonWithAMarkerAndCounted() {
    List<GenAiMessage> million =
        new AbstractList<>() {
          @Override
          public GenAiMessage get(int index) {
            return new Turn("user", "message " + index);
          }

          @Override
          public int size() {
            return 1_000_000;
          }
        };
    long truncatedBefore = GenAiValues.truncatedCount();

    SpanData span = record(s -> MessageJson.recordInput(s, new Object[] {million}));

    String json = input(span);
    assertThat(json.length()).isLessThanOrEqualTo(8192);
    assertThat(INPUT.problems(json)).isEmpty();
    List<?> messages = (List<?>) Json.parse(json);
    Map<?, ?> marker = (Map<?, ?>) messages.get(messages.size() - 1);
    assertThat(marker.get("role")).isEqualTo("truncated");
    assertThat(((Map<?, ?>) ((List<?>) marker.get("parts")).get(0)).get("omitted_messages"))
        .isEqualTo(1_000_000L - (messages.size() - 1));
    assertThat(GenAiValues.truncatedCount()).isEqualTo(truncatedBefore + 1);
  }

  @Test
  void anEndlessHistoryIsReadOnlyAsFarAsTheBudgetGoes() {
    Iterable<GenAiMessage> endless =
        () ->
            IntStream.iterate(0, i -> i + 1)
                .mapToObj(i -> (GenAiMessage) new Turn("user", "m" + i))
                .iterator();

    SpanData span = record(s -> MessageJson.recordInput(s, new Object[] {endless}));

    assertThat(input(span).length()).isLessThanOrEqualTo(8192);
    assertThat(input(span))
        .endsWith("{\"role\":\"truncated\",\"parts\":[{\"type\":\"truncated\"}]}]");
  }

  @Test
  void aHugeTextIsCutWithTheMarker() {
    SpanData span = record(s -> MessageJson.recordInput(s, new Object[] {"x".repeat(100_000)}));

    String json = input(span);
    assertThat(json.length()).isLessThanOrEqualTo(8192);
    assertThat(INPUT.problems(json)).isEmpty();
    assertThat(json).contains("xxx...[truncated]\"}]}]");
  }

  @Test
  void manyLongPartsNamesAndReasonsStillFitTheLimit() {
    List<MessagePart> parts = new ArrayList<>();
    for (int i = 0; i < 100; i++) {
      parts.add(
          MessagePart.toolCall(
              "id".repeat(500), "n".repeat(500), "{\"a\":\"" + "v".repeat(5000) + "\"}"));
    }
    GenAiMessage huge =
        new GenAiMessage() {
          @Override
          public String role() {
            return "r".repeat(10_000);
          }

          @Override
          public List<MessagePart> parts() {
            return parts;
          }

          @Override
          public String name() {
            return "n".repeat(10_000);
          }

          @Override
          public String finishReason() {
            return "f".repeat(10_000);
          }
        };

    SpanData span = record(s -> MessageJson.recordOutput(s, Collections.nCopies(50, huge)));

    assertThat(output(span).length()).isLessThanOrEqualTo(8192);
    assertThat(OUTPUT.problems(output(span))).isEmpty();
  }

  @Test
  void stringsThatAreNotJsonSafeAreEscapedAndLoneSurrogatesReplaced() {
    String hostile =
        "quote\" backslash\\ newline\n nul\u0000 line\u2028 lone\uD800 pair\uD83D\uDE00";

    SpanData span = record(s -> MessageJson.recordInput(s, new Object[] {hostile}));

    List<?> messages = (List<?>) Json.parse(input(span));
    Map<?, ?> part = (Map<?, ?>) ((List<?>) ((Map<?, ?>) messages.get(0)).get("parts")).get(0);
    assertThat(part.get("content"))
        .isEqualTo(
            "quote\" backslash\\ newline\n nul\u0000 line\u2028 lone\uFFFD pair\uD83D\uDE00");
  }

  @Test
  void aMessageWhoseMethodsThrowIsLeftOutAndCounted() {
    GenAiMessage broken =
        new GenAiMessage() {
          @Override
          public String role() {
            throw new IllegalStateException("no role");
          }

          @Override
          public List<MessagePart> parts() {
            return List.of();
          }
        };
    long skippedBefore = GenAiValues.skippedCount();

    SpanData span =
        record(
            s ->
                MessageJson.recordInput(s, new Object[] {List.of(broken, new Turn("user", "ok"))}));

    assertThat(input(span))
        .isEqualTo("[{\"role\":\"user\",\"parts\":[{\"type\":\"text\",\"content\":\"ok\"}]}]");
    assertThat(GenAiValues.skippedCount()).isEqualTo(skippedBefore + 1);
  }

  @Test
  void valuesThatAreNotContentRecordNothing() {
    SpanData span =
        record(
            s -> {
              MessageJson.recordInput(s, new Object[] {42, null});
              MessageJson.recordOutput(s, null);
            });

    assertThat(span.attributes().asMap()).isEmpty();
  }
}

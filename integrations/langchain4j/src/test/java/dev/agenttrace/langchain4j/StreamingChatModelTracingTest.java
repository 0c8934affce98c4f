package dev.agenttrace.langchain4j;

import static dev.agenttrace.SemanticAttributes.GEN_AI_REQUEST_STREAM;
import static dev.agenttrace.SemanticAttributes.GEN_AI_RESPONSE_TIME_TO_FIRST_CHUNK;
import static dev.agenttrace.SemanticAttributes.GEN_AI_USAGE_INPUT_TOKENS;
import static dev.agenttrace.SemanticAttributes.GEN_AI_USAGE_OUTPUT_TOKENS;
import static dev.agenttrace.langchain4j.ScriptedChatModel.answer;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.agenttrace.StatusCode;
import dev.agenttrace.spi.SpanData;
import dev.langchain4j.model.chat.StreamingChatModel;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.response.ChatResponse;
import dev.langchain4j.model.chat.response.PartialResponse;
import dev.langchain4j.model.chat.response.PartialResponseContext;
import dev.langchain4j.model.chat.response.StreamingChatResponseHandler;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class StreamingChatModelTracingTest {
  private final RecordedSpans spans = RecordedSpans.install();

  @AfterEach
  void uninstall() {
    spans.close();
  }

  @Test
  void streamedChatSpanLastsUntilTheFinalResponse() throws Exception {
    ScriptedStreamingChatModel scripted = ScriptedStreamingChatModel.answering(answer("Hello!"));
    StreamingChatModel model = AgentTraceLangChain4j.streamingChatModel(scripted);
    Handler handler = new Handler();

    model.chat("Hi", handler);
    assertThat(handler.partials.await(10, TimeUnit.SECONDS)).isTrue();
    Thread.sleep(50);
    List<SpanData> endedWhileStreaming = spans.ended();
    scripted.finish();
    handler.result.get(10, TimeUnit.SECONDS);

    assertThat(endedWhileStreaming).isEmpty();
    SpanData span = spans.named("chat gpt-4o-mini");
    assertThat(span.durationNanos()).isGreaterThanOrEqualTo(TimeUnit.MILLISECONDS.toNanos(50));
    assertThat(span.attributes().get(GEN_AI_REQUEST_STREAM)).isTrue();
  }

  @Test
  void streamedChatSpanRecordsTheTimeToTheFirstChunkAndTheFinalTokenCounts() throws Exception {
    ScriptedStreamingChatModel scripted = ScriptedStreamingChatModel.answering(answer("Hello!"));
    Handler handler = new Handler();

    AgentTraceLangChain4j.streamingChatModel(scripted).chat("Hi", handler);
    scripted.finish();
    handler.result.get(10, TimeUnit.SECONDS);

    SpanData span = spans.named("chat gpt-4o-mini");
    assertThat(span.events()).extracting(e -> e.name()).containsExactly("first_chunk");
    assertThat(span.attributes().get(GEN_AI_RESPONSE_TIME_TO_FIRST_CHUNK))
        .isPositive()
        .isLessThanOrEqualTo(span.durationNanos() / 1e9);
    assertThat(span.attributes().get(GEN_AI_USAGE_INPUT_TOKENS)).isEqualTo(12L);
    assertThat(span.attributes().get(GEN_AI_USAGE_OUTPUT_TOKENS)).isEqualTo(5L);
  }

  @Test
  void streamedErrorEndsTheSpanWithErrorAndReachesTheHandlerUnchanged() throws Exception {
    IllegalStateException failure = new IllegalStateException("rate limited");
    ScriptedStreamingChatModel scripted = ScriptedStreamingChatModel.failingWith(failure);
    Handler handler = new Handler();

    AgentTraceLangChain4j.streamingChatModel(scripted).chat("Hi", handler);
    scripted.finish();

    assertThat(handler.result).failsWithin(10, TimeUnit.SECONDS);
    assertThat(handler.error).isSameAs(failure);
    SpanData span = spans.named("chat gpt-4o-mini");
    assertThat(span.statusCode()).isEqualTo(StatusCode.ERROR);
    assertThat(span.statusDescription()).contains("rate limited");
  }

  @Test
  void callersHandlerGetsEachCallbackOnTheModelsThreadWithItsContext() throws Exception {
    ScriptedStreamingChatModel scripted = ScriptedStreamingChatModel.answering(answer("Hello!"));
    Handler handler = new Handler();

    AgentTraceLangChain4j.streamingChatModel(scripted).chat("Hi", handler);
    scripted.finish();
    ChatResponse response = handler.result.get(10, TimeUnit.SECONDS);

    assertThat(response.aiMessage().text()).isEqualTo("Hello!");
    assertThat(handler.texts).containsExactly("Hel", "lo!");
    assertThat(handler.contexts).hasSize(2).doesNotContainNull();
    assertThat(handler.threads).containsOnly(scripted.streamingThread);
  }

  @Test
  void failingCallbackOfTheCallersHandlerPassesThroughAndTheSpanEndsOnce() {
    IllegalStateException callersBug = new IllegalStateException("the caller's bug");
    StreamingChatModel answersAtOnce =
        new StreamingChatModel() {
          @Override
          public void doChat(ChatRequest request, StreamingChatResponseHandler handler) {
            handler.onPartialResponse("Hello!");
            handler.onCompleteResponse(answer("Hello!"));
          }
        };
    StreamingChatResponseHandler failing =
        new StreamingChatResponseHandler() {
          @Override
          public void onCompleteResponse(ChatResponse response) {
            throw callersBug;
          }

          @Override
          public void onError(Throwable error) {}
        };

    assertThatThrownBy(
            () -> AgentTraceLangChain4j.streamingChatModel(answersAtOnce).chat("Hi", failing))
        .isSameAs(callersBug);
    assertThat(spans.ended()).hasSize(1);
    assertThat(spans.ended().get(0).statusCode()).isEqualTo(StatusCode.UNSET);
  }

  /** A caller's handler that keeps what it was told and where. */
  private static final class Handler implements StreamingChatResponseHandler {
    final CountDownLatch partials = new CountDownLatch(2);
    final List<String> texts = new CopyOnWriteArrayList<>();
    final List<PartialResponseContext> contexts = new CopyOnWriteArrayList<>();
    final List<Thread> threads = new CopyOnWriteArrayList<>();
    final CompletableFuture<ChatResponse> result = new CompletableFuture<>();
    volatile Throwable error;

    @Override
    public void onPartialResponse(PartialResponse partial, PartialResponseContext context) {
      texts.add(partial.text());
      contexts.add(context);
      threads.add(Thread.currentThread());
      partials.countDown();
    }

    @Override
    public void onCompleteResponse(ChatResponse completeResponse) {
      threads.add(Thread.currentThread());
      result.complete(completeResponse);
    }

    @Override
    public void onError(Throwable failure) {
      threads.add(Thread.currentThread());
      error = failure;
      result.completeExceptionally(failure);
    }
  }
}

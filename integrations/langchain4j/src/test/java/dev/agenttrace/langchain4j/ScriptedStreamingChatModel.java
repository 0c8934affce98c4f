package dev.agenttrace.langchain4j;

import dev.langchain4j.model.ModelProvider;
import dev.langchain4j.model.chat.StreamingChatModel;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.request.ChatRequestParameters;
import dev.langchain4j.model.chat.request.DefaultChatRequestParameters;
import dev.langchain4j.model.chat.response.ChatResponse;
import dev.langchain4j.model.chat.response.PartialResponse;
import dev.langchain4j.model.chat.response.PartialResponseContext;
import dev.langchain4j.model.chat.response.StreamingChatResponseHandler;
import dev.langchain4j.model.chat.response.StreamingHandle;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * An in-process streaming model as LangChain4j providers are written: {@code doChat} returns at
 * once and a thread of its own streams two partial responses, then waits until the test {@link
 * #finish() lets it finish}, then sends the complete response (or the scripted error).
 */
final class ScriptedStreamingChatModel implements StreamingChatModel {
  private final ChatResponse response;
  private final RuntimeException error;
  private final CountDownLatch finish = new CountDownLatch(1);
  volatile Thread streamingThread;

  private ScriptedStreamingChatModel(ChatResponse response, RuntimeException error) {
    this.response = response;
    this.error = error;
  }

  static ScriptedStreamingChatModel answering(ChatResponse response) {
    return new ScriptedStreamingChatModel(response, null);
  }

  static ScriptedStreamingChatModel failingWith(RuntimeException error) {
    return new ScriptedStreamingChatModel(null, error);
  }

  /** Lets the stream send its end. */
  void finish() {
    finish.countDown();
  }

  @Override
  public void doChat(ChatRequest request, StreamingChatResponseHandler handler) {
    Thread thread =
        new Thread(
            () -> {
              PartialResponseContext context = new PartialResponseContext(new Handle());
              handler.onPartialResponse(new PartialResponse("Hel"), context);
              handler.onPartialResponse(new PartialResponse("lo!"), context);
              try {
                if (!finish.await(10, TimeUnit.SECONDS)) {
                  throw new IllegalStateException("the test never let the stream finish");
                }
              } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
              }
              if (error != null) {
                handler.onError(error);
              } else {
                handler.onCompleteResponse(response);
              }
            },
            "scripted-stream");
    streamingThread = thread;
    thread.start();
  }

  @Override
  public ChatRequestParameters defaultRequestParameters() {
    return DefaultChatRequestParameters.builder()
        .modelName(ScriptedChatModel.DEFAULT_MODEL)
        .build();
  }

  @Override
  public ModelProvider provider() {
    return ModelProvider.OPEN_AI;
  }

  private static final class Handle implements StreamingHandle {
    private volatile boolean cancelled;

    @Override
    public void cancel() {
      cancelled = true;
    }

    @Override
    public boolean isCancelled() {
      return cancelled;
    }
  }
}

package dev.agenttrace.langchain4j;

import dev.agenttrace.proxy.StreamingCall;
import dev.langchain4j.model.chat.response.ChatResponse;
import dev.langchain4j.model.chat.response.CompleteToolCall;
import dev.langchain4j.model.chat.response.PartialResponse;
import dev.langchain4j.model.chat.response.PartialResponseContext;
import dev.langchain4j.model.chat.response.PartialThinking;
import dev.langchain4j.model.chat.response.PartialThinkingContext;
import dev.langchain4j.model.chat.response.PartialToolCall;
import dev.langchain4j.model.chat.response.PartialToolCallContext;
import dev.langchain4j.model.chat.response.StreamingChatResponseHandler;

/**
 * The caller's handler, seen by the model: each callback notes what it says about the stream on the
 * {@link StreamingCall} (a partial response, thinking or tool call is a chunk; the complete
 * response's token counts; an error), then passes it on to the same method of the caller's handler,
 * on the same thread, with the same arguments. The span ends before the caller's completion or
 * error callback runs, so it measures the model, not the caller's handling; an exception the
 * caller's callback throws is the caller's and passes through.
 */
final class TracedStreamingHandler implements StreamingChatResponseHandler {
  private final StreamingChatResponseHandler handler;
  private final StreamingCall call;

  TracedStreamingHandler(StreamingChatResponseHandler handler, StreamingCall call) {
    this.handler = handler;
    this.call = call;
  }

  @Override
  public void onPartialResponse(String partialResponse) {
    call.chunk();
    handler.onPartialResponse(partialResponse);
  }

  @Override
  public void onPartialResponse(PartialResponse partialResponse, PartialResponseContext context) {
    call.chunk();
    handler.onPartialResponse(partialResponse, context);
  }

  @Override
  public void onPartialThinking(PartialThinking partialThinking) {
    call.chunk();
    handler.onPartialThinking(partialThinking);
  }

  @Override
  public void onPartialThinking(PartialThinking partialThinking, PartialThinkingContext context) {
    call.chunk();
    handler.onPartialThinking(partialThinking, context);
  }

  @Override
  public void onPartialToolCall(PartialToolCall partialToolCall) {
    call.chunk();
    handler.onPartialToolCall(partialToolCall);
  }

  @Override
  public void onPartialToolCall(PartialToolCall partialToolCall, PartialToolCallContext context) {
    call.chunk();
    handler.onPartialToolCall(partialToolCall, context);
  }

  @Override
  public void onCompleteToolCall(CompleteToolCall completeToolCall) {
    handler.onCompleteToolCall(completeToolCall);
  }

  @Override
  public void onUnmappedRawEvent(Object rawEvent) {
    handler.onUnmappedRawEvent(rawEvent);
  }

  @Override
  public void onCompleteResponse(ChatResponse completeResponse) {
    ChatSpans.recordResponse(call.span(), completeResponse);
    call.complete();
    handler.onCompleteResponse(completeResponse);
  }

  @Override
  public void onError(Throwable error) {
    call.fail(error);
    handler.onError(error);
  }
}

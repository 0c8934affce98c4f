package dev.agenttrace.springai;

import dev.agenttrace.AgentTrace;
import dev.agenttrace.Context;
import dev.agenttrace.Scope;
import dev.agenttrace.Span;
import dev.agenttrace.Tracer;
import dev.agenttrace.proxy.IntegrationSpans;
import dev.agenttrace.proxy.StreamingCall;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import java.util.function.Supplier;
import org.springframework.ai.chat.metadata.EmptyUsage;
import org.springframework.ai.chat.metadata.Usage;
import org.springframework.ai.chat.model.ChatResponse;
import org.springframework.ai.chat.prompt.ChatOptions;
import org.springframework.ai.chat.prompt.Prompt;
import reactor.core.publisher.Flux;

/**
 * A streamed chat as a {@code chat {model}} span. Spring AI's streams are cold: the request is made
 * when the Flux is subscribed, so each subscription is one span, started then, as a child of the
 * span that was current when {@code stream} was called. It records {@code gen_ai.request.stream},
 * the time to the first chunk, what the last chunk says (id, model, finish reasons) and the token
 * counts of the last chunk that carries any; it ends exactly once, when the stream completes (OK),
 * fails (ERROR, the same exception passing on) or is cancelled (event {@code cancelled}).
 */
final class TracedStreams {
  private TracedStreams() {}

  static Flux<ChatResponse> chat(
      Prompt prompt,
      Function<Prompt, Flux<ChatResponse>> stream,
      Supplier<ChatOptions> defaults,
      String provider) {
    Tracer tracer = AgentTrace.tracer();
    if (!tracer.isEnabled()) {
      return stream.apply(prompt);
    }
    Context parent = Context.current();
    return Flux.defer(
        () -> {
          Span span = ChatSpans.start(tracer, parent, prompt, defaults, provider, true);
          StreamingCall call = StreamingCall.start(span);
          AtomicReference<ChatResponse> last = new AtomicReference<>();
          AtomicReference<ChatResponse> lastWithUsage = new AtomicReference<>();
          Flux<ChatResponse> chunks;
          try (Scope scope = span.makeCurrent()) {
            chunks = stream.apply(prompt);
          } catch (Throwable error) {
            call.fail(error);
            throw error;
          }
          return chunks
              .doOnNext(
                  chunk -> {
                    call.chunk();
                    last.set(chunk);
                    if (hasUsage(chunk)) {
                      lastWithUsage.set(chunk);
                    }
                  })
              .doOnError(call::fail)
              .doOnComplete(
                  () -> {
                    ChatSpans.recordResponse(span, last.get());
                    if (lastWithUsage.get() != last.get()) {
                      ChatSpans.recordResponse(span, lastWithUsage.get());
                    }
                    call.complete();
                  })
              .doOnCancel(call::cancel);
        });
  }

  /** Whether {@code chunk} reports usage (Spring AI's {@link EmptyUsage} means it does not). */
  private static boolean hasUsage(ChatResponse chunk) {
    Usage usage = IntegrationSpans.read(() -> chunk.getMetadata().getUsage());
    return usage != null && !(usage instanceof EmptyUsage);
  }
}

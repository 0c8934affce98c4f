package dev.agenttrace.processor;

import static dev.agenttrace.processor.ProxyTester.assertSingleError;
import static dev.agenttrace.processor.ProxyTester.source;

import org.junit.jupiter.api.Test;

/**
 * A streamed call the proxy cannot follow to its end is a compile error naming the method and the
 * fix, never a span that ends before the response does.
 */
class StreamingErrorsTest {

  /** A handler interface and a model taking it, with {@code %s} for the model's method. */
  private static final String MODEL =
      """
      package test;

      import dev.agenttrace.annotations.LlmCall;
      import dev.agenttrace.annotations.StreamingHandler;

      @LlmCall(model = "m", provider = "openai")
      interface Model {
        %s

        @StreamingHandler(complete = "onComplete", error = "onError")
        interface Handler<T> {
          void onComplete(T reply);

          void onError(Throwable error);
        }
      }
      """;

  @Test
  void handlerOfATypeVariableIsAnError() {
    assertSingleError(
        source("test.Model", MODEL.formatted("<H extends Handler<String>> void chat(H handler);")),
        String.format(Messages.HANDLER_NOT_NAMEABLE, "handler", "chat()", "H", "chat()"),
        "void chat(H handler)");
  }

  @Test
  void handlerWithAWildcardArgumentIsAnError() {
    assertSingleError(
        source("test.Model", MODEL.formatted("void chat(Handler<? super String> handler);")),
        String.format(
            Messages.HANDLER_NOT_NAMEABLE,
            "handler",
            "chat()",
            "test.Model.Handler<? super java.lang.String>",
            "chat()"),
        "void chat(Handler<? super String> handler)");
  }

  @Test
  void twoHandlersAreAnError() {
    assertSingleError(
        source(
            "test.Model",
            MODEL.formatted("void chat(Handler<String> first, Handler<String> second);")),
        String.format(Messages.TWO_HANDLERS, "chat()", "first", "second"),
        "void chat(Handler<String> first");
  }

  @Test
  void returnedPublisherThatIsNotTheInterfaceIsAnError() {
    assertSingleError(
        source(
            "test.Model",
            MODEL.formatted(
                "java.util.concurrent.SubmissionPublisher<String> chat(String prompt);")),
        String.format(
            Messages.UNFOLLOWABLE_STREAM,
            "chat()",
            "java.util.concurrent.SubmissionPublisher<java.lang.String>",
            "chat()"),
        "SubmissionPublisher<String> chat(");
  }

  @Test
  void handlerMethodThatDoesNotExistIsAnErrorOnTheAnnotation() {
    assertSingleError(
        source(
            "test.Handler",
            """
            package test;

            import dev.agenttrace.annotations.StreamingHandler;

            @StreamingHandler(complete = "onDone", error = "onError")
            interface Handler {
              void onComplete(String reply);

              void onError(Throwable error);
            }
            """),
        String.format(
            Messages.HANDLER_UNKNOWN_METHOD,
            "complete",
            "onDone",
            "test.Handler",
            "onComplete, onError"),
        "@StreamingHandler");
  }

  @Test
  void errorMethodWithoutAThrowableIsAnError() {
    assertSingleError(
        source(
            "test.Handler",
            """
            package test;

            import dev.agenttrace.annotations.StreamingHandler;

            @StreamingHandler(complete = "onComplete", error = "onError")
            interface Handler {
              void onComplete(String reply);

              void onError(String message);
            }
            """),
        String.format(Messages.HANDLER_ERROR_METHOD, "onError", "test.Handler"),
        "@StreamingHandler");
  }

  @Test
  void handlerThatIsAClassIsAnError() {
    assertSingleError(
        source(
            "test.Model",
            """
            package test;

            import dev.agenttrace.annotations.StreamingHandler;
            import dev.agenttrace.annotations.Traced;

            @Traced
            interface Model {
              void chat(@StreamingHandler(complete = "done", error = "failed") Handler handler);

              abstract class Handler {
                abstract void done();

                abstract void failed(Throwable error);
              }
            }
            """),
        String.format(Messages.HANDLER_NOT_INTERFACE, "test.Model.Handler", "chat()"),
        "void chat(");
  }

  @Test
  void handlerOnAParameterOfAnUntracedMethodIsAnError() {
    assertSingleError(
        source(
            "test.Model",
            """
            package test;

            import dev.agenttrace.annotations.StreamingHandler;
            import dev.agenttrace.annotations.Traced;

            interface Model {
              @Traced
              String name();

              void chat(@StreamingHandler(complete = "run", error = "run") Runnable handler);
            }
            """),
        String.format(Messages.HANDLER_ON_UNTRACED_METHOD, "handler", "chat()"),
        "void chat(");
  }

  @Test
  void typeNamedOutsideATraceInterfaceIsAnError() {
    assertSingleError(
        source(
            "test.Handler",
            """
            package test;

            import dev.agenttrace.annotations.StreamingHandler;

            @StreamingHandler(type = Runnable.class, complete = "onComplete", error = "onError")
            interface Handler {
              void onComplete(String reply);

              void onError(Throwable error);
            }
            """),
        Messages.STREAMING_HANDLER_TYPE,
        "@StreamingHandler");
  }

  @Test
  void requestedHandlerWithoutItsTypeIsAnError() {
    assertSingleError(
        source(
            "test.Tracing",
            """
            package test;

            import dev.agenttrace.annotations.StreamingHandler;
            import dev.agenttrace.annotations.TraceInterface;

            @TraceInterface(
                value = Runnable.class,
                streamingHandlers = @StreamingHandler(complete = "run", error = "run"))
            final class Tracing {}
            """),
        Messages.STREAMING_HANDLER_WITHOUT_TYPE,
        "@TraceInterface(");
  }
}

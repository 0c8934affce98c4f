package dev.agenttrace.processor;

import static dev.agenttrace.processor.ProxyTester.run;
import static org.assertj.core.api.Assertions.assertThat;

import dev.agenttrace.AttributeKey;
import dev.agenttrace.SemanticAttributes;
import dev.agenttrace.StatusCode;
import dev.agenttrace.spi.SpanData;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * User values whose {@code toString()}, accessors, {@code getMessage()} or {@code printStackTrace}
 * throw never change what the traced call does: the delegate runs, the caller gets its result or
 * its own exception instance, and the span ends.
 */
class FailingUserValuesTest {
  @RegisterExtension final ProxyTester tester = new ProxyTester();

  /** A value whose text fails, and a tool recording it as {@code @SpanAttribute}s. */
  private static final String BROKEN_VALUE =
      """
      package test;

      public class Broken {
        @Override public String toString() {
          throw new IllegalStateException("no text");
        }
      }

      package test;

      import dev.agenttrace.annotations.SpanAttribute;
      import dev.agenttrace.annotations.Tool;

      @Tool
      public interface Lookup {
        String find(@SpanAttribute("lookup.key") Broken key);

        String findAll(@SpanAttribute("lookup.keys") Broken[] keys);
      }
      """;

  /** Calls {@code Lookup} with the given call on a proxy of a delegate that never fails. */
  private static final String LOOKUP_DRIVER =
      """
      package test;

      import java.util.concurrent.Callable;

      public class Driver implements Callable<Object> {
        @Override
        public Object call() {
          Lookup lookup = LookupTraced.wrap(new Lookup() {
            @Override public String find(Broken key) { return "found"; }
            @Override public String findAll(Broken[] keys) { return "all"; }
          });
          return lookup.%s;
        }
      }
      """;

  @Test
  void spanAttributeWhoseToStringThrowsStillRunsTheCallAndEndsTheSpan() throws Exception {
    Object result = run(BROKEN_VALUE + LOOKUP_DRIVER.formatted("find(new Broken())"));

    assertThat(result).isEqualTo("found");
    SpanData span = tester.span("execute_tool find");
    assertThat(span.statusCode()).isEqualTo(StatusCode.UNSET);
    assertThat(span.attributes().get(AttributeKey.stringKey("lookup.key")))
        .isEqualTo("test.Broken(toString failed: java.lang.IllegalStateException)");
  }

  @Test
  void arrayAttributeWithAnElementWhoseToStringThrowsStillRunsTheCall() throws Exception {
    Object result =
        run(BROKEN_VALUE + LOOKUP_DRIVER.formatted("findAll(new Broken[] {new Broken()})"));

    assertThat(result).isEqualTo("all");
    SpanData span = tester.span("execute_tool findAll");
    assertThat(span.statusCode()).isEqualTo(StatusCode.UNSET);
    assertThat(span.attributes().get(AttributeKey.stringKey("lookup.keys")))
        .isEqualTo("[Ltest.Broken;(toString failed: java.lang.IllegalStateException)");
  }

  @Test
  void capturedResultWhoseToStringOverflowsTheStackIsReturnedUnchanged() throws Exception {
    Object result =
        run(
            """
            package test;

            public class Endless {
              @Override public String toString() {
                return "again " + this.toString();
              }
            }

            package test;

            import dev.agenttrace.annotations.Tool;

            @Tool(captureArguments = true, captureResult = true)
            public interface Loop {
              Endless spin(Endless seed);
            }

            package test;

            import java.util.concurrent.Callable;

            public class Driver implements Callable<Object> {
              @Override
              public Object call() {
                Loop loop = LoopTraced.wrap(seed -> seed);
                Endless seed = new Endless();
                return loop.spin(seed) == seed;
              }
            }
            """);

    assertThat(result).isEqualTo(true);
    SpanData span = tester.span("execute_tool spin");
    assertThat(span.statusCode()).isEqualTo(StatusCode.UNSET);
    assertThat(span.attributes().get(SemanticAttributes.GEN_AI_TOOL_CALL_RESULT))
        .isEqualTo("test.Endless(toString failed: java.lang.StackOverflowError)");
    assertThat(span.attributes().get(SemanticAttributes.GEN_AI_TOOL_CALL_ARGUMENTS))
        .isEqualTo("{\"seed\":\"test.Endless(toString failed: java.lang.StackOverflowError)\"}");
  }

  @Test
  void tokenUsageAccessorThrowingAnErrorDoesNotReplaceTheResult() throws Exception {
    Object result =
        run(
            """
            package test;

            import dev.agenttrace.TokenUsage;

            public record Completion(String text) implements TokenUsage {
              @Override public long inputTokens() {
                throw new AssertionError("usage unavailable");
              }

              @Override public long outputTokens() {
                return 1;
              }
            }

            package test;

            import dev.agenttrace.annotations.LlmCall;

            @LlmCall(provider = "openai", model = "gpt-4o")
            public interface Model {
              Completion complete(String prompt);
            }

            package test;

            import java.util.concurrent.Callable;

            public class Driver implements Callable<Object> {
              @Override
              public Object call() {
                return ModelTraced.wrap(prompt -> new Completion("hi")).complete("hello").text();
              }
            }
            """);

    assertThat(result).isEqualTo("hi");
    assertThat(tester.spans())
        .singleElement()
        .satisfies(span -> assertThat(span.statusCode()).isEqualTo(StatusCode.UNSET));
  }

  @Test
  void userExceptionWhoseMessageAndStackTraceThrowReachesTheCallerAsTheSameInstance()
      throws Exception {
    Object result =
        run(
            """
            package test;

            import java.io.PrintWriter;
            import java.io.PrintStream;

            public class Hostile extends RuntimeException {
              private static final long serialVersionUID = 1L;

              @Override public String getMessage() {
                throw new IllegalStateException("no message");
              }

              @Override public void printStackTrace(PrintWriter writer) {
                throw new IllegalStateException("no stack trace");
              }

              @Override public void printStackTrace(PrintStream stream) {
                throw new IllegalStateException("no stack trace");
              }
            }

            package test;

            import dev.agenttrace.annotations.Tool;
            import java.util.concurrent.CompletionStage;

            @Tool
            public interface Payments {
              String charge(String account);

              CompletionStage<String> chargeLater(String account);
            }

            package test;

            import java.util.List;
            import java.util.concurrent.Callable;
            import java.util.concurrent.CompletableFuture;
            import java.util.concurrent.CompletionStage;

            public class Driver implements Callable<Object> {
              @Override
              public Object call() {
                Hostile thrown = new Hostile();
                Payments payments = PaymentsTraced.wrap(new Payments() {
                  @Override public String charge(String account) { throw thrown; }
                  @Override public CompletionStage<String> chargeLater(String account) {
                    return CompletableFuture.failedFuture(thrown);
                  }
                });
                Object caught;
                try {
                  payments.charge("acct-1");
                  caught = "nothing";
                } catch (RuntimeException e) {
                  caught = e;
                }
                // handle(), not join(): join() wraps the failure, which calls its toString().
                Object failedWith = payments.chargeLater("acct-1")
                    .handle((value, failure) -> failure == null ? "nothing" : failure)
                    .toCompletableFuture()
                    .getNow("pending");
                return List.of(thrown, caught, failedWith);
              }
            }
            """);

    List<?> outcome = (List<?>) result;
    assertThat(outcome.get(1)).as("caught by the caller").isSameAs(outcome.get(0));
    assertThat(outcome.get(2)).as("failure of the returned stage").isSameAs(outcome.get(0));
    for (String name : List.of("execute_tool charge", "execute_tool chargeLater")) {
      SpanData span = tester.span(name);
      assertThat(span.statusCode()).isEqualTo(StatusCode.ERROR);
      assertThat(span.statusDescription()).isEqualTo("test.Hostile");
      assertThat(span.events())
          .singleElement()
          .satisfies(
              event ->
                  assertThat(event.attributes().get(SemanticAttributes.EXCEPTION_STACKTRACE))
                      .isEqualTo(
                          "test.Hostile (stack trace unavailable: printStackTrace threw"
                              + " java.lang.IllegalStateException)"));
    }
  }
}

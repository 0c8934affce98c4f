package dev.agenttrace.processor;

import static dev.agenttrace.processor.ProxyTester.assertSingleError;
import static dev.agenttrace.processor.ProxyTester.compile;
import static dev.agenttrace.processor.ProxyTester.source;

import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;

/** Each misuse of {@code @TraceInterface} is one compile error on the setting concerned. */
class TraceInterfaceErrorsTest {
  private static final String TRACING =
      """
      package test;

      import dev.agenttrace.annotations.Operation;
      import dev.agenttrace.annotations.TraceInterface;
      import java.util.concurrent.Callable;

      @TraceInterface(
          value = Callable.class,
          kind = Operation.%s,
          %s)
      final class Tracing {}
      """;

  @Test
  void traceInterfaceSettingOfAnotherKindIsAnError() {
    assertSingleError(
        source("test.Tracing", TRACING.formatted("TOOL", "model = \"m\"")),
        String.format(
            Messages.SETTING_NOT_FOR_KIND,
            "model",
            "TOOL",
            "Callable",
            "AGENT_RUN, LLM_CALL, RETRIEVAL, CREATE_AGENT"),
        "model = ");
  }

  @Test
  void traceInterfaceLlmCallWithoutModelIsAnError() {
    assertSingleError(
        source("test.Tracing", TRACING.formatted("LLM_CALL", "provider = \"p\"")),
        String.format(Messages.TRACE_INTERFACE_WITHOUT_MODEL, "Callable"),
        "@TraceInterface(");
  }

  @Test
  void traceInterfaceUnknownMethodIsAnError() {
    assertSingleError(
        source("test.Tracing", TRACING.formatted("TRACED", "methods = \"run\"")),
        String.format(Messages.TRACE_INTERFACE_UNKNOWN_METHOD, "Callable", "run", "call"),
        "methods = ");
  }

  @Test
  void traceInterfaceInvalidProxyNameIsAnError() {
    assertSingleError(
        source("test.Tracing", TRACING.formatted("TRACED", "proxyName = \"my.Proxy\"")),
        String.format(Messages.INVALID_PROXY_NAME, "my.Proxy", "Callable"),
        "proxyName = ");
  }

  @Test
  void traceInterfaceOfClassIsAnError() {
    assertSingleError(
        source(
            "test.Tracing",
            """
            package test;

            import dev.agenttrace.annotations.TraceInterface;

            @TraceInterface(
                Thread.class)
            final class Tracing {}
            """),
        String.format(Messages.TRACE_INTERFACE_NOT_AN_INTERFACE, "java.lang.Thread", "a class"),
        "Thread.class");
  }

  @Test
  void traceInterfaceOfInterfaceTheProxyCannotSeeIsAnError() {
    JavaFileObject base =
        source(
            "other.Base",
            """
            package other;

            public class Base {
              protected interface Callback {
                void done();
              }
            }
            """);
    JavaFileObject tracing =
        source(
            "test.Tracing",
            """
            package test;

            import dev.agenttrace.annotations.TraceInterface;

            final class Tracing extends other.Base {
              @TraceInterface(
                  Callback.class)
              static final class Requests {}
            }
            """);

    assertSingleError(
        compile(base, tracing),
        tracing,
        String.format(Messages.TRACE_INTERFACE_NOT_ACCESSIBLE, "other.Base.Callback", "test"),
        "Callback.class");
  }

  @Test
  void twoProxiesWithTheSameNameAreAnErrorOnTheSecondRequest() {
    JavaFileObject first =
        source("a.Client", "package a;\n\npublic interface Client {\n  void call();\n}\n");
    JavaFileObject second =
        source("b.Client", "package b;\n\npublic interface Client {\n  void call();\n}\n");
    JavaFileObject tracing =
        source(
            "test.Tracing",
            """
            package test;

            import dev.agenttrace.annotations.TraceInterface;

            @TraceInterface(a.Client.class)
            @TraceInterface(b.Client.class)
            final class Tracing {}
            """);

    assertSingleError(
        compile(first, second, tracing),
        tracing,
        String.format(Messages.DUPLICATE_PROXY, "test.ClientTraced", "test.Tracing"),
        "@TraceInterface(b.Client.class)");
  }

  @Test
  void withSeveralRequestsTheErrorPointsAtTheSettingOfTheRequestConcerned() {
    JavaFileObject tracing =
        source(
            "test.Tracing",
            """
            package test;

            import dev.agenttrace.annotations.Operation;
            import dev.agenttrace.annotations.TraceInterface;
            import java.util.concurrent.Callable;

            @TraceInterface(value = Runnable.class, kind = Operation.TOOL, name = "run")
            @TraceInterface(
                value = Callable.class,
                kind = Operation.TOOL,
                model = "gpt-4o")
            final class Tracing {}
            """);

    assertSingleError(
        compile(tracing),
        tracing,
        String.format(
            Messages.SETTING_NOT_FOR_KIND,
            "model",
            "TOOL",
            "Callable",
            "AGENT_RUN, LLM_CALL, RETRIEVAL, CREATE_AGENT"),
        "model = ");
  }

  @Test
  void withSeveralRequestsAClassIsAnErrorOnItsOwnValue() {
    JavaFileObject tracing =
        source(
            "test.Tracing",
            """
            package test;

            import dev.agenttrace.annotations.TraceInterface;

            @TraceInterface(Runnable.class)
            @TraceInterface(
                Thread.class)
            final class Tracing {}
            """);

    assertSingleError(
        compile(tracing),
        tracing,
        String.format(Messages.TRACE_INTERFACE_NOT_AN_INTERFACE, "java.lang.Thread", "a class"),
        "Thread.class");
  }
}

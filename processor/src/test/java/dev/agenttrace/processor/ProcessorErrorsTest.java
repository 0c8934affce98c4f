package dev.agenttrace.processor;

import static dev.agenttrace.processor.ProxyTester.assertSingleError;
import static com.google.testing.compile.CompilationSubject.assertThat;
import static dev.agenttrace.processor.ProxyTester.compile;
import static dev.agenttrace.processor.ProxyTester.source;

import com.google.testing.compile.Compilation;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;

/**
 * Each misuse is one compile error, with the message from {@link Messages}, on the line of the
 * element it concerns.
 */
class ProcessorErrorsTest {

  @Test
  void operationOnEnumIsAnError() {
    assertSingleError(
        source(
            "test.Mode",
            """
            package test;

            import dev.agenttrace.annotations.Tool;

            @Tool
            enum Mode { ON }
            """),
        String.format(Messages.NOT_PROXYABLE_TYPE, "Tool", "Mode", "an enum"),
        "@Tool");
  }

  @Test
  void privateNestedInterfaceIsAnError() {
    assertSingleError(
        source(
            "test.Outer",
            """
            package test;

            import dev.agenttrace.annotations.Traced;

            class Outer {
              @Traced
              private interface Hidden {
                void run();
              }
            }
            """),
        String.format(Messages.PRIVATE_TYPE, "test.Outer.Hidden"),
        "private interface Hidden");
  }

  @Test
  void twoOperationsOnOneMethodIsAnError() {
    assertSingleError(
        source(
            "test.Confused",
            """
            package test;

            import dev.agenttrace.annotations.LlmCall;
            import dev.agenttrace.annotations.Tool;

            interface Confused {
              @Tool
              @LlmCall(model = "m")
              String both(String input);
            }
            """),
        String.format(Messages.TWO_OPERATIONS, "both()", "AgentRun", "Tool")
            .replace("AgentRun", "Tool")
            .replace("@Tool and @Tool", "@Tool and @LlmCall"),
        "@LlmCall(model");
  }

  @Test
  void operationOnStaticMethodIsAnError() {
    assertSingleError(
        source(
            "test.Helpers",
            """
            package test;

            import dev.agenttrace.annotations.Tool;

            interface Helpers {
              void run();

              @Tool
              static void help() {}
            }
            """),
        String.format(Messages.NOT_PROXYABLE_METHOD, "Tool", "help()", "static"),
        "@Tool");
  }

  @Test
  void llmCallWithoutModelIsAnError() {
    assertSingleError(
        source(
            "test.Chat",
            """
            package test;

            import dev.agenttrace.annotations.LlmCall;

            interface Chat {
              @LlmCall(provider = "openai")
              String complete(String prompt);
            }
            """),
        String.format(Messages.LLM_CALL_WITHOUT_MODEL, "complete()"),
        "@LlmCall(provider");
  }

  @Test
  void toolNameOnTypeWithSeveralMethodsIsAnError() {
    assertSingleError(
        source(
            "test.Tools",
            """
            package test;

            import dev.agenttrace.annotations.Tool;

            @Tool(name = "everything")
            interface Tools {
              void first();
              void second();
            }
            """),
        String.format(Messages.TOOL_NAME_ON_TYPE, "everything", "Tools", 2),
        "@Tool(name");
  }

  @Test
  void spanAttributeOnUntracedMethodIsAnError() {
    assertSingleError(
        source(
            "test.Tools",
            """
            package test;

            import dev.agenttrace.annotations.SpanAttribute;
            import dev.agenttrace.annotations.Tool;

            interface Tools {
              @Tool
              void traced();

              void untraced(@SpanAttribute("order.id") String orderId);
            }
            """),
        String.format(Messages.SPAN_ATTRIBUTE_ON_UNTRACED_METHOD, "orderId", "untraced()"),
        "void untraced(");
  }

  @Test
  void malformedAttributeKeyIsAnError() {
    assertSingleError(
        source(
            "test.Tools",
            """
            package test;

            import dev.agenttrace.annotations.SpanAttribute;
            import dev.agenttrace.annotations.Tool;

            @Tool
            interface Tools {
              void lookup(
                  @SpanAttribute("order id") String orderId);
            }
            """),
        String.format(Messages.MALFORMED_ATTRIBUTE_KEY, "order id"),
        "@SpanAttribute(\"order id\")");
  }

  @Test
  void duplicateAttributeKeyIsAnError() {
    assertSingleError(
        source(
            "test.Tools",
            """
            package test;

            import dev.agenttrace.annotations.SpanAttribute;
            import dev.agenttrace.annotations.Tool;

            @Tool
            interface Tools {
              void move(
                  @SpanAttribute("order.id") String from,
                  @SpanAttribute("order.id") String to);
            }
            """),
        String.format(Messages.DUPLICATE_ATTRIBUTE_KEY, "order.id", "from"),
        "String to");
  }

  @Test
  void existingTypeWithProxyNameIsAnError() {
    assertSingleError(
        source(
            "test.Tools",
            """
            package test;

            import dev.agenttrace.annotations.Tool;

            @Tool
            interface Tools {
              void run();
            }

            class ToolsTraced {}
            """),
        String.format(Messages.PROXY_NAME_CLASH, "test.ToolsTraced", "test.Tools"),
        "interface Tools");
  }

  @Test
  void typeReferringToMissingTypeIsReportedOnceProcessingEnds() {
    JavaFileObject source =
        source(
            "test.Tools",
            """
            package test;

            import dev.agenttrace.annotations.Tool;

            @Tool
            interface Tools {
              Missing run();
            }
            """);

    Compilation compilation = compile(source);

    assertThat(compilation).hadErrorCount(2);
    assertThat(compilation).hadErrorContaining("cannot find symbol").inFile(source).onLineContaining("Missing run()");
    assertThat(compilation)
        .hadErrorContaining(String.format(Messages.UNRESOLVED_TYPES, "test.Tools"))
        .inFile(source)
        .onLineContaining("interface Tools");
  }
}

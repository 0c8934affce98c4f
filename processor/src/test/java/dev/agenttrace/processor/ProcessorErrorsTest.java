package dev.agenttrace.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static dev.agenttrace.processor.ProxyTester.assertSingleError;
import static dev.agenttrace.processor.ProxyTester.compile;
import static dev.agenttrace.processor.ProxyTester.source;

import com.google.testing.compile.Compilation;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;

/**
 * Each misuse of the annotations on a type or method is one compile error, with the message from
 * {@link Messages}, on the line of the element it concerns.
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
              @LlmCall(provider = "openai", model = "m")
              String both(String input);
            }
            """),
        String.format(Messages.TWO_OPERATIONS, "both()", "Tool", "LlmCall"),
        "@LlmCall(provider");
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
    assertThat(compilation)
        .hadErrorContaining("cannot find symbol")
        .inFile(source)
        .onLineContaining("Missing run()");
    assertThat(compilation)
        .hadErrorContaining(String.format(Messages.UNRESOLVED_TYPES, "test.Tools"))
        .inFile(source)
        .onLineContaining("interface Tools");
  }

  @Test
  void recordIsNotProxyable() {
    assertSingleError(
        source(
            "test.Point",
            """
            package test;

            import dev.agenttrace.annotations.Traced;

            @Traced
            record Point(int x, int y) {}
            """),
        String.format(Messages.NOT_PROXYABLE_TYPE, "Traced", "Point", "a record"),
        "@Traced");
  }

  @Test
  void finalClassIsAnError() {
    assertSingleError(
        source(
            "test.Worker",
            """
            package test;

            import dev.agenttrace.annotations.Traced;

            @Traced
            final class Worker {
              String work() { return "done"; }
            }
            """),
        String.format(Messages.FINAL_TYPE, "Traced", "Worker", "final", "subclass", "final"),
        "@Traced");
  }

  @Test
  void sealedInterfaceIsAnError() {
    assertSingleError(
        source(
            "test.Shape",
            """
            package test;

            import dev.agenttrace.annotations.Traced;

            @Traced
            sealed interface Shape permits Circle {
              double area();
            }

            final class Circle implements Shape {
              public double area() { return 1; }
            }
            """),
        String.format(Messages.FINAL_TYPE, "Traced", "Shape", "sealed", "proxy", "sealed"),
        "@Traced");
  }

  @Test
  void innerClassIsAnError() {
    assertSingleError(
        source(
            "test.Outer",
            """
            package test;

            import dev.agenttrace.annotations.Traced;

            class Outer {
              @Traced
              class Inner {
                String run() { return ""; }
              }
            }
            """),
        String.format(Messages.INNER_CLASS, "Traced", "Inner"),
        "@Traced");
  }

  @Test
  void classWithOnlyPrivateConstructorsIsAnError() {
    assertSingleError(
        source(
            "test.Singleton",
            """
            package test;

            import dev.agenttrace.annotations.Traced;

            @Traced
            class Singleton {
              private Singleton() {}

              String run() { return ""; }
            }
            """),
        String.format(Messages.NO_ACCESSIBLE_CONSTRUCTOR, "Singleton"),
        "@Traced");
  }

  @Test
  void operationOnFinalMethodIsAnError() {
    assertSingleError(
        source(
            "test.Worker",
            """
            package test;

            import dev.agenttrace.annotations.Tool;

            class Worker {
              @Tool
              final String work() { return "done"; }
            }
            """),
        String.format(Messages.NOT_PROXYABLE_METHOD, "Tool", "work()", "final"),
        "@Tool");
  }

  @Test
  void operationOnAbstractMethodOfClassIsAnError() {
    assertSingleError(
        source(
            "test.Worker",
            """
            package test;

            import dev.agenttrace.annotations.Tool;

            abstract class Worker {
              @Tool
              abstract String work();
            }
            """),
        String.format(Messages.ABSTRACT_METHOD_IN_CLASS, "Tool", "work()"),
        "@Tool");
  }

  @Test
  void typeLevelAnnotationThatTracesNothingIsAnError() {
    assertSingleError(
        source(
            "test.Constants",
            """
            package test;

            import dev.agenttrace.annotations.Traced;

            @Traced
            class Constants {
              final String value() { return "v"; }
            }
            """),
        String.format(Messages.NOTHING_TRACED, "Traced", "test.Constants"),
        "@Traced");
  }

  @Test
  void attributeKeyOfTheSpanItselfIsAnError() {
    assertSingleError(
        source(
            "test.Tools",
            """
            package test;

            import dev.agenttrace.annotations.SpanAttribute;
            import dev.agenttrace.annotations.Tool;

            @Tool
            interface Tools {
              void run(
                  @SpanAttribute("gen_ai.tool.name") String name);
            }
            """),
        String.format(Messages.RESERVED_ATTRIBUTE_KEY, "gen_ai.tool.name", "run()", "name"),
        "@SpanAttribute(\"gen_ai.tool.name\")");
  }

  @Test
  void methodClashingWithTheWrapFactoryIsAnError() {
    assertSingleError(
        source(
            "test.Decorator",
            """
            package test;

            import dev.agenttrace.annotations.Traced;

            @Traced
            interface Decorator {
              Decorator wrap(Decorator inner);
            }
            """),
        String.format(Messages.WRAP_CLASH, "wrap", "Decorator", "Decorator"),
        "Decorator wrap(");
  }
}

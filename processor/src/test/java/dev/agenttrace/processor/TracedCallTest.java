package dev.agenttrace.processor;

import static dev.agenttrace.processor.ProxyTester.attribute;
import static dev.agenttrace.processor.ProxyTester.call;
import static dev.agenttrace.processor.ProxyTester.compiled;
import static dev.agenttrace.processor.ProxyTester.run;
import static dev.agenttrace.processor.ProxyTester.sources;
import static dev.agenttrace.processor.ProxyTester.staticField;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.testing.compile.Compilation;
import dev.agenttrace.AgentTrace;
import dev.agenttrace.SemanticAttributes;
import dev.agenttrace.SpanKind;
import dev.agenttrace.StatusCode;
import dev.agenttrace.spi.SpanData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** What a user sees when calling the generated proxies: spans, results and exceptions. */
class TracedCallTest {
  @RegisterExtension final ProxyTester tester = new ProxyTester();

  private static final String SUPPORT_AGENT =
      """
      package test;

      import dev.agenttrace.annotations.AgentRun;

      @AgentRun(name = "support", description = "Answers customer questions")
      interface SupportAgent {
        String answer(String question);
      }

      package test;

      import dev.agenttrace.annotations.Tool;

      @Tool
      interface OrderTools {
        @Tool(name = "lookup_order", description = "Find an order by id")
        String lookupOrder(String orderId);
      }

      package test;

      import java.util.concurrent.Callable;

      public class Driver implements Callable<Object> {
        @Override
        public Object call() {
          OrderTools tools = OrderToolsTraced.wrap(id -> "order " + id + " shipped");
          SupportAgent agent = SupportAgentTraced.wrap(q -> tools.lookupOrder("42"));
          return agent.answer("Where is order 42?");
        }
      }
      """;

  @Test
  void agentRunSpanCarriesGenAiAgentAttributes() throws Exception {
    run(SUPPORT_AGENT);

    SpanData agent = tester.span("invoke_agent support");
    assertThat(agent.kind()).isEqualTo(SpanKind.INTERNAL);
    assertThat(attribute(agent, SemanticAttributes.GEN_AI_OPERATION_NAME))
        .isEqualTo("invoke_agent");
    assertThat(attribute(agent, SemanticAttributes.GEN_AI_AGENT_NAME)).isEqualTo("support");
    assertThat(attribute(agent, SemanticAttributes.GEN_AI_AGENT_DESCRIPTION))
        .isEqualTo("Answers customer questions");
    assertThat(attribute(agent, SemanticAttributes.CODE_FUNCTION_NAME))
        .isEqualTo("test.SupportAgent.answer");
  }

  @Test
  void toolSpanCarriesGenAiToolAttributes() throws Exception {
    run(SUPPORT_AGENT);

    SpanData tool = tester.span("execute_tool lookup_order");
    assertThat(tool.kind()).isEqualTo(SpanKind.INTERNAL);
    assertThat(attribute(tool, SemanticAttributes.GEN_AI_OPERATION_NAME)).isEqualTo("execute_tool");
    assertThat(attribute(tool, SemanticAttributes.GEN_AI_TOOL_NAME)).isEqualTo("lookup_order");
    assertThat(attribute(tool, SemanticAttributes.GEN_AI_TOOL_DESCRIPTION))
        .isEqualTo("Find an order by id");
    assertThat(attribute(tool, SemanticAttributes.CODE_FUNCTION_NAME))
        .isEqualTo("test.OrderTools.lookupOrder");
  }

  @Test
  void toolCalledDuringAgentRunIsChildOfAgentSpan() throws Exception {
    run(SUPPORT_AGENT);

    SpanData agent = tester.span("invoke_agent support");
    SpanData tool = tester.span("execute_tool lookup_order");
    assertThat(tool.traceId()).isEqualTo(agent.traceId());
    assertThat(tool.parentSpanId()).isEqualTo(agent.spanId());
    assertThat(agent.parentSpanId()).isNull();
  }

  @Test
  void resultPassesThroughAndSpanStatusIsLeftUnset() throws Exception {
    Object answer = run(SUPPORT_AGENT);

    assertThat(answer).isEqualTo("order 42 shipped");
    // OpenTelemetry's guidance: instrumentation leaves the status unset on success.
    assertThat(tester.spans())
        .extracting(SpanData::statusCode)
        .containsExactly(StatusCode.UNSET, StatusCode.UNSET);
    assertThat(tester.spans()).allSatisfy(span -> assertThat(span.hasEnded()).isTrue());
  }

  @Test
  void llmCallSpanIsClientKindWithModelAndProvider() throws Exception {
    run(
        """
        package test;

        import dev.agenttrace.annotations.LlmCall;

        @LlmCall(model = "gpt-4o", provider = "openai")
        interface ChatModel {
          String complete(String prompt);

          @LlmCall(provider = "openai", model = "gpt-4o-mini")
          String summarize(String text);
        }

        package test;

        import java.util.concurrent.Callable;

        public class Driver implements Callable<Object> {
          @Override
          public Object call() {
            ChatModel model = ChatModelTraced.wrap(new ChatModel() {
              @Override public String complete(String prompt) { return "hi"; }
              @Override public String summarize(String text) { return "short"; }
            });
            return model.complete("hello") + model.summarize("long");
          }
        }
        """);

    SpanData chat = tester.span("chat gpt-4o");
    assertThat(chat.kind()).isEqualTo(SpanKind.CLIENT);
    assertThat(attribute(chat, SemanticAttributes.GEN_AI_OPERATION_NAME)).isEqualTo("chat");
    assertThat(attribute(chat, SemanticAttributes.GEN_AI_REQUEST_MODEL)).isEqualTo("gpt-4o");
    assertThat(attribute(chat, SemanticAttributes.GEN_AI_PROVIDER_NAME)).isEqualTo("openai");
    SpanData summary = tester.span("chat gpt-4o-mini");
    assertThat(attribute(summary, SemanticAttributes.GEN_AI_PROVIDER_NAME)).isEqualTo("openai");
    assertThat(attribute(summary, SemanticAttributes.CODE_FUNCTION_NAME))
        .isEqualTo("test.ChatModel.summarize");
  }

  @Test
  void tracedSpanIsNamedAfterTypeAndMethodUnlessNamed() throws Exception {
    run(
        """
        package test;

        import dev.agenttrace.annotations.Traced;

        @Traced
        interface Retriever {
          String search(String query);

          @Traced(name = "rerank results")
          String rerank(String results);
        }

        package test;

        import java.util.concurrent.Callable;

        public class Driver implements Callable<Object> {
          @Override
          public Object call() {
            Retriever retriever = RetrieverTraced.wrap(new Retriever() {
              @Override public String search(String query) { return "docs"; }
              @Override public String rerank(String results) { return results; }
            });
            return retriever.rerank(retriever.search("q"));
          }
        }
        """);

    assertThat(tester.spans())
        .extracting(SpanData::name)
        .containsExactly("Retriever.search", "rerank results");
    SpanData search = tester.span("Retriever.search");
    assertThat(search.kind()).isEqualTo(SpanKind.INTERNAL);
    assertThat(attribute(search, SemanticAttributes.GEN_AI_OPERATION_NAME)).isNull();
    assertThat(attribute(search, SemanticAttributes.CODE_FUNCTION_NAME))
        .isEqualTo("test.Retriever.search");
  }

  private static final String FAILING_TOOLS =
      """
      package test;

      import dev.agenttrace.annotations.Tool;
      import java.io.IOException;

      @Tool
      interface Files {
        String read(String path) throws IOException;
      }

      package test;

      import java.io.IOException;
      import java.util.concurrent.Callable;

      public class Driver implements Callable<Object> {
        public static final IOException CHECKED = new IOException("disk gone");
        public static final IllegalStateException UNCHECKED = new IllegalStateException("bad path");

        @Override
        public Object call() throws IOException {
          Files files = FilesTraced.wrap(path -> {
            if (path.equals("checked")) {
              throw CHECKED;
            }
            throw UNCHECKED;
          });
          return files.read("%s");
        }
      }
      """;

  @Test
  void checkedExceptionMarksSpanErrorAndPassesThroughUnchanged() throws Exception {
    Compilation compilation = compiled(sources(FAILING_TOOLS.formatted("checked")));

    Object thrown = staticField(compilation, "test.Driver", "CHECKED");
    assertThatThrownBy(() -> call(compilation)).isSameAs(thrown);
    SpanData span = tester.span("execute_tool read");
    assertThat(span.statusCode()).isEqualTo(StatusCode.ERROR);
    assertThat(span.statusDescription()).isEqualTo("java.io.IOException: disk gone");
    assertThat(attribute(span, SemanticAttributes.ERROR_TYPE)).isEqualTo("java.io.IOException");
    assertThat(span.events())
        .singleElement()
        .satisfies(
            event -> {
              assertThat(event.name()).isEqualTo(SemanticAttributes.EXCEPTION_EVENT_NAME);
              assertThat(event.attributes().get(SemanticAttributes.EXCEPTION_MESSAGE))
                  .isEqualTo("disk gone");
            });
  }

  @Test
  void uncheckedExceptionMarksSpanErrorAndPassesThroughUnchanged() throws Exception {
    Compilation compilation = compiled(sources(FAILING_TOOLS.formatted("unchecked")));

    Object thrown = staticField(compilation, "test.Driver", "UNCHECKED");
    assertThatThrownBy(() -> call(compilation)).isSameAs(thrown);
    SpanData span = tester.span("execute_tool read");
    assertThat(span.statusCode()).isEqualTo(StatusCode.ERROR);
    assertThat(span.hasEnded()).isTrue();
    assertThat(span.events())
        .singleElement()
        .satisfies(
            e ->
                assertThat(e.attributes().get(SemanticAttributes.EXCEPTION_TYPE))
                    .isEqualTo("java.lang.IllegalStateException"));
  }

  @Test
  void voidAndPrimitiveMethodsAreTracedAndReturnTheirValues() throws Exception {
    Object result =
        run(
            """
            package test;

            import dev.agenttrace.annotations.Traced;

            @Traced
            interface Counter {
              void add(String item);
              int count();
              boolean isEmpty();
            }

            package test;

            import java.util.ArrayList;
            import java.util.List;
            import java.util.concurrent.Callable;

            public class Driver implements Callable<Object> {
              @Override
              public Object call() {
                List<String> items = new ArrayList<>();
                Counter counter = CounterTraced.wrap(new Counter() {
                  @Override public void add(String item) { items.add(item); }
                  @Override public int count() { return items.size(); }
                  @Override public boolean isEmpty() { return items.isEmpty(); }
                });
                counter.add("a");
                counter.add("b");
                return counter.count() + ":" + counter.isEmpty();
              }
            }
            """);

    assertThat(result).isEqualTo("2:false");
    assertThat(tester.spans())
        .extracting(SpanData::name)
        .containsExactly("Counter.add", "Counter.add", "Counter.count", "Counter.isEmpty");
    assertThat(tester.spans()).extracting(SpanData::statusCode).containsOnly(StatusCode.UNSET);
  }

  @Test
  void errorStatusSetByTheTracedCodeSurvivesTheProxy() throws Exception {
    Object result =
        run(
            """
            package test;

            import dev.agenttrace.annotations.Tool;

            @Tool
            interface Refunds {
              @Tool(name = "refund")
              String refund(String orderId);
            }

            package test;

            import dev.agenttrace.Span;
            import dev.agenttrace.StatusCode;
            import java.util.concurrent.Callable;

            public class Driver implements Callable<Object> {
              @Override
              public Object call() {
                Refunds refunds = RefundsTraced.wrap(orderId -> {
                  Span.current().setStatus(StatusCode.ERROR, "card declined");
                  return "declined";
                });
                return refunds.refund("42");
              }
            }
            """);

    assertThat(result).isEqualTo("declined");
    SpanData refund = tester.span("execute_tool refund");
    assertThat(refund.statusCode()).isEqualTo(StatusCode.ERROR);
    assertThat(refund.statusDescription()).isEqualTo("card declined");
  }

  private static final String PARTLY_TRACED =
      """
      package test;

      import dev.agenttrace.annotations.Tool;

      interface Calculator {
        @Tool
        int add(int a, int b);

        int subtract(int a, int b);

        default int twice(int a) {
          return add(a, a);
        }
      }

      package test;

      import java.util.concurrent.Callable;

      public class Driver implements Callable<Object> {
        @Override
        public Object call() {
          Calculator calculator = CalculatorTraced.wrap(new Calculator() {
            @Override public int add(int a, int b) { return a + b; }
            @Override public int subtract(int a, int b) { return a - b; }
          });
          return calculator.subtract(10, calculator.add(1, 2)) + calculator.twice(5);
        }
      }
      """;

  @Test
  void unannotatedAndDefaultMethodsAreForwardedToTheDelegateWithoutSpans() throws Exception {
    Object result = run(PARTLY_TRACED);

    // twice() runs on the delegate, so its call to add() does not pass through the proxy.
    assertThat(result).isEqualTo(17);
    assertThat(tester.spans()).extracting(SpanData::name).containsExactly("execute_tool add");
  }

  @Test
  void withoutInstalledTracerProxiesCallStraightThrough() throws Exception {
    AgentTrace.uninstall();

    Object result = run(PARTLY_TRACED);

    assertThat(result).isEqualTo(17);
    assertThat(tester.spans()).isEmpty();
  }
}

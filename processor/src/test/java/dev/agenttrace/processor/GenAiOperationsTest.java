package dev.agenttrace.processor;

import static dev.agenttrace.processor.ProxyTester.attribute;
import static dev.agenttrace.processor.ProxyTester.call;
import static dev.agenttrace.processor.ProxyTester.compiled;
import static dev.agenttrace.processor.ProxyTester.run;
import static dev.agenttrace.processor.ProxyTester.source;
import static dev.agenttrace.processor.ProxyTester.sources;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

import dev.agenttrace.SemanticAttributes;
import dev.agenttrace.SpanKind;
import dev.agenttrace.spi.SpanData;
import java.util.ArrayList;
import java.util.List;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Every operation of the GenAI conventions can be declared, and its span has the conventions' name,
 * kind and required attributes.
 */
class GenAiOperationsTest {
  @RegisterExtension final ProxyTester tester = new ProxyTester();

  @Test
  void embeddingsIsAClientSpanNamedAfterOperationAndModelWithItsServer() throws Exception {
    run(
        """
        package test;

        import dev.agenttrace.annotations.LlmCall;
        import dev.agenttrace.annotations.LlmOperation;

        @LlmCall(operation = LlmOperation.EMBEDDINGS, model = "text-embedding-3-small",
            provider = "openai", serverAddress = "api.openai.com", serverPort = 443)
        public interface Embedder {
          float[] embed(String text);
        }

        package test;

        import java.util.concurrent.Callable;

        public class Driver implements Callable<Object> {
          @Override
          public Object call() {
            return EmbedderTraced.wrap(text -> new float[] {0.5f}).embed("hello").length;
          }
        }
        """);

    SpanData span = tester.span("embeddings text-embedding-3-small");
    assertThat(span.kind()).isEqualTo(SpanKind.CLIENT);
    assertThat(span.attributes().asMap())
        .contains(
            entry("gen_ai.operation.name", "embeddings"),
            entry("gen_ai.request.model", "text-embedding-3-small"),
            entry("gen_ai.provider.name", "openai"),
            entry("server.address", "api.openai.com"),
            entry("server.port", 443L));
  }

  @Test
  void aMethodChoosesItsOwnModelOperation() throws Exception {
    run(
        """
        package test;

        import dev.agenttrace.annotations.LlmCall;
        import dev.agenttrace.annotations.LlmOperation;

        @LlmCall(model = "gemini-2.5-flash", provider = "gcp.gemini")
        public interface Gemini {
          String chat(String prompt);

          @LlmCall(operation = LlmOperation.GENERATE_CONTENT)
          String generate(String prompt);

          @LlmCall(operation = LlmOperation.TEXT_COMPLETION, model = "davinci-002",
              provider = "openai")
          String complete(String prompt);
        }

        package test;

        import java.util.concurrent.Callable;

        public class Driver implements Callable<Object> {
          @Override
          public Object call() {
            Gemini gemini = GeminiTraced.wrap(new Gemini() {
              @Override public String chat(String prompt) { return "a"; }
              @Override public String generate(String prompt) { return "b"; }
              @Override public String complete(String prompt) { return "c"; }
            });
            return gemini.chat("x") + gemini.generate("y") + gemini.complete("z");
          }
        }
        """);

    assertThat(tester.spans())
        .extracting(SpanData::name)
        .containsExactly(
            "chat gemini-2.5-flash",
            "generate_content gemini-2.5-flash",
            "text_completion davinci-002");
    assertThat(attribute(tester.span("generate_content gemini-2.5-flash"), "gen_ai.provider.name"))
        .isEqualTo("gcp.gemini");
    assertThat(tester.spans()).allSatisfy(s -> assertThat(s.kind()).isEqualTo(SpanKind.CLIENT));
  }

  @Test
  void retrievalIsAClientSpanNamedAfterItsDataSourceWithTheTypesDefaultProvider() throws Exception {
    run(
        """
        package test;

        import dev.agenttrace.annotations.GenAiProvider;
        import dev.agenttrace.annotations.Retrieval;
        import java.util.List;

        @GenAiProvider("openai")
        @Retrieval(dataSource = "vs_products")
        public interface ProductSearch {
          List<String> search(String query);
        }

        package test;

        import java.util.List;
        import java.util.concurrent.Callable;

        public class Driver implements Callable<Object> {
          @Override
          public Object call() {
            return ProductSearchTraced.wrap(query -> List.of("lamp")).search("light");
          }
        }
        """);

    SpanData span = tester.span("retrieval vs_products");
    assertThat(span.kind()).isEqualTo(SpanKind.CLIENT);
    assertThat(span.attributes().asMap())
        .contains(
            entry("gen_ai.operation.name", "retrieval"),
            entry("gen_ai.data_source.id", "vs_products"),
            entry("gen_ai.provider.name", "openai"));
  }

  @Test
  void createAgentIsAClientSpanWithItsProviderAndTheCreatedAgentsId() throws Exception {
    run(
        """
        package test;

        public record Assistant(String id) {}

        package test;

        import dev.agenttrace.annotations.CreateAgent;
        import dev.agenttrace.annotations.ResponsePaths;

        public interface Assistants {
          @CreateAgent(name = "travel", description = "Books trips", provider = "openai",
              model = "gpt-4o", version = "2", response = @ResponsePaths(agentId = "id"))
          Assistant create(String instructions);
        }

        package test;

        import java.util.concurrent.Callable;

        public class Driver implements Callable<Object> {
          @Override
          public Object call() {
            return AssistantsTraced.wrap(i -> new Assistant("asst_42")).create("Be helpful").id();
          }
        }
        """);

    SpanData span = tester.span("create_agent travel");
    assertThat(span.kind()).isEqualTo(SpanKind.CLIENT);
    assertThat(span.attributes().asMap())
        .contains(
            entry("gen_ai.operation.name", "create_agent"),
            entry("gen_ai.agent.name", "travel"),
            entry("gen_ai.agent.description", "Books trips"),
            entry("gen_ai.agent.version", "2"),
            entry("gen_ai.provider.name", "openai"),
            entry("gen_ai.request.model", "gpt-4o"),
            entry("gen_ai.agent.id", "asst_42"));
  }

  @Test
  void aRemoteAgentIsAClientSpanWithProviderIdVersionAndServer() throws Exception {
    run(
        """
        package test;

        import dev.agenttrace.annotations.AgentRun;

        @AgentRun(name = "travel", remote = true, provider = "aws.bedrock", agentId = "AGENT123",
            version = "7", serverAddress = "bedrock-agent-runtime.example", serverPort = 443)
        public interface TravelAgent {
          String plan(String request);
        }

        package test;

        import java.util.concurrent.Callable;

        public class Driver implements Callable<Object> {
          @Override
          public Object call() {
            return TravelAgentTraced.wrap(request -> "Lisbon").plan("somewhere warm");
          }
        }
        """);

    SpanData span = tester.span("invoke_agent travel");
    assertThat(span.kind()).isEqualTo(SpanKind.CLIENT);
    assertThat(span.attributes().asMap())
        .contains(
            entry("gen_ai.operation.name", "invoke_agent"),
            entry("gen_ai.provider.name", "aws.bedrock"),
            entry("gen_ai.agent.id", "AGENT123"),
            entry("gen_ai.agent.version", "7"),
            entry("server.address", "bedrock-agent-runtime.example"),
            entry("server.port", 443L));
  }

  @Test
  void anInProcessAgentIsInternalWithoutAProviderEvenWhenThePackageNamesOne() throws Exception {
    List<JavaFileObject> files = new ArrayList<>(List.of(packageProvider("anthropic")));
    files.addAll(
        List.of(
            sources(
                """
                package test;

                import dev.agenttrace.annotations.AgentRun;
                import dev.agenttrace.annotations.LlmCall;

                public interface Agent {
                  @AgentRun(name = "support", model = "claude-sonnet-4")
                  String answer(String question);

                  @LlmCall(model = "claude-sonnet-4")
                  String complete(String prompt);
                }

                package test;

                import java.util.concurrent.Callable;

                public class Driver implements Callable<Object> {
                  @Override
                  public Object call() {
                    Agent agent = AgentTraced.wrap(new Agent() {
                      @Override public String answer(String question) { return "yes"; }
                      @Override public String complete(String prompt) { return "ok"; }
                    });
                    return agent.answer("?") + agent.complete("!");
                  }
                }
                """)));

    call(compiled(files.toArray(new JavaFileObject[0])));

    SpanData agent = tester.span("invoke_agent support");
    assertThat(agent.kind()).isEqualTo(SpanKind.INTERNAL);
    assertThat(agent.attributes().asMap())
        .contains(entry("gen_ai.request.model", "claude-sonnet-4"))
        .doesNotContainKey("gen_ai.provider.name");
    assertThat(
            attribute(tester.span("chat claude-sonnet-4"), SemanticAttributes.GEN_AI_PROVIDER_NAME))
        .as("the package default applies to the model call")
        .isEqualTo("anthropic");
  }

  @Test
  void toolSpansCarryTheirToolType() throws Exception {
    run(
        """
        package test;

        import dev.agenttrace.annotations.Tool;

        @Tool
        public interface Tools {
          String lookup(String id);

          @Tool(type = "extension")
          String weather(String city);

          @Tool(type = "")
          String untyped(String x);
        }

        package test;

        import java.util.concurrent.Callable;

        public class Driver implements Callable<Object> {
          @Override
          public Object call() {
            Tools tools = ToolsTraced.wrap(new Tools() {
              @Override public String lookup(String id) { return "a"; }
              @Override public String weather(String city) { return "b"; }
              @Override public String untyped(String x) { return "c"; }
            });
            return tools.lookup("1") + tools.weather("Oslo") + tools.untyped("x");
          }
        }
        """);

    assertThat(attribute(tester.span("execute_tool lookup"), SemanticAttributes.GEN_AI_TOOL_TYPE))
        .isEqualTo("function");
    assertThat(attribute(tester.span("execute_tool weather"), SemanticAttributes.GEN_AI_TOOL_TYPE))
        .isEqualTo("extension");
    assertThat(tester.span("execute_tool untyped").attributes().asMap())
        .doesNotContainKey("gen_ai.tool.type");
  }

  @Test
  void traceInterfaceDeclaresRetrievalsAndRemoteAgentsWithTheOwnersDefaultProvider()
      throws Exception {
    run(
        """
        package test;

        import dev.agenttrace.annotations.GenAiProvider;
        import dev.agenttrace.annotations.LlmOperation;
        import dev.agenttrace.annotations.Operation;
        import dev.agenttrace.annotations.RequestPaths;
        import dev.agenttrace.annotations.TraceInterface;
        import java.io.FilenameFilter;
        import java.util.concurrent.Callable;
        import java.util.function.Function;
        import java.util.function.Supplier;

        @GenAiProvider("aws.bedrock")
        @TraceInterface(value = Function.class, kind = Operation.RETRIEVAL, dataSource = "kb-1")
        @TraceInterface(value = Supplier.class, kind = Operation.AGENT_RUN, name = "travel",
            remote = true, agentId = "AGENT9")
        @TraceInterface(value = Callable.class, kind = Operation.CREATE_AGENT, name = "planner")
        @TraceInterface(value = FilenameFilter.class, kind = Operation.LLM_CALL,
            operation = LlmOperation.EMBEDDINGS, model = "titan-embed",
            request = @RequestPaths(model = "arg1"))
        public final class Tracing {}

        package test;

        import java.io.FilenameFilter;
        import java.util.concurrent.Callable;
        import java.util.function.Function;
        import java.util.function.Supplier;

        public class Driver implements Callable<Object> {
          @Override
          public Object call() throws Exception {
            Function<String, String> search = FunctionTraced.wrap(q -> "doc");
            Supplier<String> travel = SupplierTraced.wrap(() -> "Lisbon");
            Callable<String> create = CallableTraced.wrap(() -> "created");
            FilenameFilter embed = FilenameFilterTraced.wrap((dir, name) -> true);
            return search.apply("q") + travel.get() + create.call() + embed.accept(null, "titan-v2");
          }
        }
        """);

    assertThat(tester.span("retrieval kb-1").attributes().asMap())
        .containsEntry("gen_ai.provider.name", "aws.bedrock");
    SpanData agent = tester.span("invoke_agent travel");
    assertThat(agent.kind()).isEqualTo(SpanKind.CLIENT);
    assertThat(agent.attributes().asMap())
        .contains(entry("gen_ai.provider.name", "aws.bedrock"), entry("gen_ai.agent.id", "AGENT9"));
    assertThat(tester.span("create_agent planner").attributes().asMap())
        .containsEntry("gen_ai.provider.name", "aws.bedrock");
    assertThat(tester.span("embeddings titan-v2").attributes().asMap())
        .contains(
            entry("gen_ai.operation.name", "embeddings"),
            entry("gen_ai.request.model", "titan-v2"));
  }

  @Test
  void anAgentRecordsTheRequestParametersAndFinishReasonItIsGiven() throws Exception {
    run(
        """
        package test;

        public record Task(String goal, int budget, double temperature) {}

        package test;

        public record Outcome(String text, String stopReason) {}

        package test;

        import dev.agenttrace.annotations.AgentRun;
        import dev.agenttrace.annotations.RequestPaths;
        import dev.agenttrace.annotations.ResponsePaths;

        @AgentRun(name = "planner",
            request = @RequestPaths(maxTokens = "task.budget", temperature = "task.temperature"),
            response = @ResponsePaths(finishReasons = "stopReason"))
        public interface Planner {
          Outcome plan(Task task);
        }

        package test;

        import java.util.concurrent.Callable;

        public class Driver implements Callable<Object> {
          @Override
          public Object call() {
            return PlannerTraced.wrap(task -> new Outcome("done", "end_turn"))
                .plan(new Task("trip", 2000, 0.3)).text();
          }
        }
        """);

    assertThat(tester.span("invoke_agent planner").attributes().asMap())
        .contains(
            entry("gen_ai.request.max_tokens", 2000L),
            entry("gen_ai.request.temperature", 0.3),
            entry("gen_ai.response.finish_reasons", List.of("end_turn")));
  }

  @Test
  void retrievalsAndEmbeddingsRecordTheirModelServerAndEncodingFormats() throws Exception {
    run(
        """
        package test;

        import dev.agenttrace.annotations.LlmCall;
        import dev.agenttrace.annotations.LlmOperation;
        import dev.agenttrace.annotations.RequestPaths;
        import dev.agenttrace.annotations.Retrieval;
        import java.util.List;

        public interface Search {
          @Retrieval(dataSource = "kb", provider = "cohere", model = "embed-v4",
              serverAddress = "api.cohere.com", serverPort = 443)
          List<String> find(String query);

          @LlmCall(operation = LlmOperation.EMBEDDINGS, model = "embed-v4", provider = "cohere",
              request = @RequestPaths(encodingFormats = "formats"))
          float[] embed(String text, List<String> formats);
        }

        package test;

        import java.util.List;
        import java.util.concurrent.Callable;

        public class Driver implements Callable<Object> {
          @Override
          public Object call() {
            Search search = SearchTraced.wrap(new Search() {
              @Override public List<String> find(String query) { return List.of("doc"); }
              @Override public float[] embed(String text, List<String> formats) {
                return new float[0];
              }
            });
            search.embed("hello", List.of("float", "int8"));
            return search.find("hello");
          }
        }
        """);

    assertThat(tester.span("retrieval kb").attributes().asMap())
        .contains(
            entry("gen_ai.provider.name", "cohere"),
            entry("gen_ai.request.model", "embed-v4"),
            entry("server.address", "api.cohere.com"),
            entry("server.port", 443L));
    assertThat(tester.span("embeddings embed-v4").attributes().asMap())
        .containsEntry("gen_ai.request.encoding_formats", List.of("float", "int8"));
  }

  @Test
  void traceInterfaceToolsTakeATypeAndACallIdPath() throws Exception {
    run(
        """
        package test;

        import dev.agenttrace.annotations.Operation;
        import dev.agenttrace.annotations.TraceInterface;
        import java.io.FilenameFilter;

        @TraceInterface(value = FilenameFilter.class, kind = Operation.TOOL, name = "accept_file",
            type = "datastore", callId = "arg1")
        public final class Tracing {}

        package test;

        import java.io.FilenameFilter;
        import java.util.concurrent.Callable;

        public class Driver implements Callable<Object> {
          @Override
          public Object call() {
            FilenameFilter filter = FilenameFilterTraced.wrap((dir, name) -> true);
            return filter.accept(null, "call_3");
          }
        }
        """);

    assertThat(tester.span("execute_tool accept_file").attributes().asMap())
        .contains(entry("gen_ai.tool.type", "datastore"), entry("gen_ai.tool.call.id", "call_3"));
  }

  /** {@code package-info.java} of package {@code test} with {@code @GenAiProvider(provider)}. */
  static JavaFileObject packageProvider(String provider) {
    return source(
        "test.package-info",
        """
        @GenAiProvider("%s")
        package test;

        import dev.agenttrace.annotations.GenAiProvider;
        """
            .formatted(provider));
  }
}

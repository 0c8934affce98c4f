package dev.agenttrace.processor;

import static dev.agenttrace.processor.ProxyTester.compiled;
import static dev.agenttrace.processor.ProxyTester.generatedSource;
import static dev.agenttrace.processor.ProxyTester.sources;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * The generated source of a representative proxy, compared line for line with a reviewed golden
 * file, so that any change to the generated code shows up in review.
 *
 * <p>To accept a deliberate change, regenerate the file and review its diff:
 *
 * <pre>
 * mvn -B -q -pl processor -am verify -Dtest=GoldenFileTest -Dsurefire.failIfNoSpecifiedTests=false \
 *     -Dagenttrace.regenerateGolden=true
 * </pre>
 */
class GoldenFileTest {
  /** Set to {@code true} to rewrite the golden files instead of comparing with them. */
  static final String REGENERATE = "agenttrace.regenerateGolden";

  private static final Path GOLDEN = Path.of("src/test/resources/golden/OrderToolsTraced.java");

  @Test
  void generatedToolProxyMatchesGoldenFile() throws IOException {
    String generated =
        generatedSource(
            compiled(
                sources(
                    """
                    package test;

                    import dev.agenttrace.annotations.Sensitive;
                    import dev.agenttrace.annotations.SpanAttribute;
                    import dev.agenttrace.annotations.Tool;
                    import java.io.IOException;
                    import java.util.List;
                    import java.util.concurrent.CompletionStage;

                    /** Tools on the order database. */
                    @Tool(captureArguments = true)
                    public interface OrderTools {
                      @Tool(name = "lookup_order", description = "Find an order by id")
                      String lookupOrder(@SpanAttribute("order.id") String orderId)
                          throws IOException;

                      @Tool(name = "refund", captureResult = true)
                      CompletionStage<String> refund(
                          @SpanAttribute("order.id") String orderId,
                          @Sensitive String cardNumber,
                          long cents);

                      void audit(String note, @SpanAttribute("audit.tags") List<String> tags);

                      default String describe() {
                        return "orders";
                      }
                    }
                    """)),
            "test.OrderToolsTraced");

    if (Boolean.getBoolean(REGENERATE)) {
      Files.createDirectories(GOLDEN.getParent());
      Files.writeString(GOLDEN, generated, StandardCharsets.UTF_8);
    }
    assertThat(generated).isEqualTo(Files.readString(GOLDEN, StandardCharsets.UTF_8));
  }
}

package dev.agenttrace.proxy;

import static org.assertj.core.api.Assertions.assertThat;

import dev.agenttrace.internal.json.Json;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class ToolCallJsonTest {

  @Test
  void argumentsAreAJsonObjectKeepingScalarTypes() {
    String json =
        ToolCallJson.arguments(
            new String[] {"query", "limit", "exact", "price", "unit", "none"},
            new Object[] {"say \"hi\"", 3, true, new BigDecimal("9.50"), TimeUnit.SECONDS, null});

    assertThat(json)
        .isEqualTo(
            "{\"query\":\"say \\\"hi\\\"\",\"limit\":3,\"exact\":true,\"price\":9.50,"
                + "\"unit\":\"SECONDS\",\"none\":null}");
    assertThat(Json.parse(json)).isInstanceOf(Map.class);
  }

  @Test
  void arraysAndOtherObjectsAreRenderedAsText() {
    String json =
        ToolCallJson.arguments(
            new String[] {"ids", "tags", "list"},
            new Object[] {new int[] {1, 2}, new String[] {"a"}, List.of("x")});

    assertThat(json).isEqualTo("{\"ids\":\"[1, 2]\",\"tags\":\"[a]\",\"list\":\"[x]\"}");
  }

  @Test
  void valueWhoseToStringThrowsIsRenderedAsItsClassNameAndTheFailure() {
    Object broken =
        new Object() {
          @Override
          public String toString() {
            throw new IllegalStateException("no");
          }
        };

    String rendered =
        broken.getClass().getName() + "(toString failed: java.lang.IllegalStateException)";
    assertThat(ToolCallJson.arguments(new String[] {"x"}, new Object[] {broken}))
        .isEqualTo("{\"x\":\"" + rendered + "\"}");
    assertThat(ToolCallJson.result(broken)).isEqualTo(rendered);
  }

  @Test
  void stringResultIsKeptAsItIs() {
    assertThat(ToolCallJson.result("{\"ok\":true}")).isEqualTo("{\"ok\":true}");
    assertThat(ToolCallJson.result(42)).isEqualTo("42");
    assertThat(ToolCallJson.result(null)).isEqualTo("null");
  }
}

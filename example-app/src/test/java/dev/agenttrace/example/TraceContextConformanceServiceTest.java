package dev.agenttrace.example;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpServer;
import dev.agenttrace.Tracer;
import dev.agenttrace.sdk.TracerSdk;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Drives the conformance service as the W3C suite's harness does: {@code POST /test} with trace
 * headers and a JSON array of callbacks, then reads the headers the callbacks arrive with.
 */
class TraceContextConformanceServiceTest {
  private static final String TRACE_ID = "12345678901234567890123456789012";
  private static final String VALID = "00-" + TRACE_ID + "-1234567890123456-01";

  private static final Tracer tracer = TracerSdk.builder().serviceName("conformance").build();
  private static final HttpClient client = HttpClient.newHttpClient();
  private static final Map<String, Headers> callbacks = new ConcurrentHashMap<>();
  private static final Map<String, String> bodies = new ConcurrentHashMap<>();
  private static LoopbackService service;
  private static HttpServer harness;

  @BeforeAll
  static void start() throws IOException {
    service = TraceContextConformanceService.start(0, tracer);
    harness = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    harness.createContext(
        "/",
        exchange -> {
          String id = exchange.getRequestURI().getPath().substring(1);
          callbacks.put(id, exchange.getRequestHeaders());
          bodies.put(
              id, new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
          exchange.sendResponseHeaders(200, -1);
          exchange.close();
        });
    harness.start();
  }

  @BeforeEach
  void forgetCallbacks() {
    callbacks.clear();
    bodies.clear();
  }

  @AfterAll
  static void stop() {
    service.close();
    harness.stop(0);
  }

  /**
   * Sends the harness request with {@code headers} (name, value pairs) and {@code count} callbacks.
   */
  private List<Headers> request(int count, String... headers) throws Exception {
    StringBuilder body = new StringBuilder("[");
    for (int i = 0; i < count; i++) {
      body.append(i == 0 ? "" : ",")
          .append("{\"url\": \"http://127.0.0.1:")
          .append(harness.getAddress().getPort())
          .append('/')
          .append(i)
          .append("\", \"arguments\": [{\"n\": ")
          .append(i)
          .append("}]}");
    }
    HttpRequest.Builder builder =
        HttpRequest.newBuilder(service.uri())
            .POST(HttpRequest.BodyPublishers.ofString(body.append(']').toString()));
    for (int i = 0; i < headers.length; i += 2) {
      builder.header(headers[i], headers[i + 1]);
    }
    HttpResponse<String> response =
        client.send(builder.build(), HttpResponse.BodyHandlers.ofString());
    assertThat(response.statusCode()).isEqualTo(200);
    List<Headers> received = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      assertThat(callbacks).containsKey(String.valueOf(i));
      received.add(callbacks.get(String.valueOf(i)));
    }
    return received;
  }

  private Headers single(String... headers) throws Exception {
    return request(1, headers).get(0);
  }

  private static String traceparent(Headers headers) {
    List<String> values = headers.get("traceparent");
    assertThat(values).hasSize(1);
    assertThat(values.get(0)).matches("00-[0-9a-f]{32}-[0-9a-f]{16}-0[0-3]");
    return values.get(0);
  }

  private static String traceId(Headers headers) {
    return traceparent(headers).substring(3, 35);
  }

  @Test
  void withoutHeadersTheCallbackStartsAValidTrace() throws Exception {
    Headers callback = single();

    assertThat(traceId(callback)).isNotEqualTo("0".repeat(32));
    assertThat(callback.get("tracestate")).isNull();
    assertThat(bodies.get("0")).isEqualTo("[{\"n\":0}]");
  }

  @Test
  void validTraceparentIsContinuedWithANewParentId() throws Exception {
    String traceparent = traceparent(single("traceparent", VALID));

    assertThat(traceparent).startsWith("00-" + TRACE_ID + "-");
    assertThat(traceparent.substring(36, 52)).isNotEqualTo("1234567890123456");
  }

  @Test
  void headerNamesInAnyCaseAreAccepted() throws Exception {
    assertThat(traceId(single("TrAcEpArEnT", VALID))).isEqualTo(TRACE_ID);
  }

  @Test
  void higherVersionIsContinuedAndSentAsVersion00() throws Exception {
    String future = "cc-" + TRACE_ID + "-1234567890123456-01-what-the-future-will-be-like";

    assertThat(traceId(single("traceparent", future))).isEqualTo(TRACE_ID);
  }

  @Test
  void invalidTraceparentsRestartTheTrace() throws Exception {
    for (String invalid :
        List.of(
            "ff-" + TRACE_ID + "-1234567890123456-01",
            "00-" + TRACE_ID + "-1234567890123456-01.",
            "00-00000000000000000000000000000000-1234567890123456-01",
            "00-" + TRACE_ID + "-0000000000000000-01",
            "00-" + TRACE_ID + "-ABCDEF7890123456-01")) {
      assertThat(traceId(single("traceparent", invalid))).as(invalid).isNotEqualTo(TRACE_ID);
    }
  }

  @Test
  void duplicatedTraceparentRestartsTheTrace() throws Exception {
    String other = "00-12345678901234567890123456789011-1234567890123456-01";

    String traceId = traceId(single("traceparent", other, "traceparent", VALID));

    assertThat(traceId).isNotEqualTo(TRACE_ID).isNotEqualTo("12345678901234567890123456789011");
  }

  @Test
  void tracestateIsInheritedAndRepeatedFieldsCombinedInOrder() throws Exception {
    Headers callback =
        single(
            "traceparent", VALID,
            "tracestate", "foo=1,bar=2",
            "tracestate", "rojo=1,congo=2",
            "TraceState", "baz=3");

    assertThat(callback.get("tracestate")).containsExactly("foo=1,bar=2,rojo=1,congo=2,baz=3");
  }

  @Test
  void invalidTracestateIsDiscardedButTheTraceContinues() throws Exception {
    Headers callback = single("traceparent", VALID, "tracestate", "foo=1,FOO=2");

    assertThat(traceId(callback)).isEqualTo(TRACE_ID);
    assertThat(callback.get("tracestate")).isNull();
  }

  @Test
  void tracestateWithARepeatedKeyPassesOnItsFirstOccurrence() throws Exception {
    Headers callback =
        single("traceparent", VALID, "tracestate", "foo=1,foo=2", "tracestate", "foo@bar@baz=3");

    assertThat(callback.get("tracestate")).containsExactly("foo=1,foo@bar@baz=3");
  }

  @Test
  void tracestateWithoutTraceparentIsDiscarded() throws Exception {
    assertThat(single("tracestate", "foo=1").get("tracestate")).isNull();
  }

  @Test
  void multipleCallbacksShareTheTraceIdWithDistinctParentIds() throws Exception {
    List<Headers> received = request(3, "traceparent", VALID);

    Set<String> traceIds = new HashSet<>();
    Set<String> parentIds = new HashSet<>();
    for (Headers callback : received) {
      traceIds.add(traceId(callback));
      parentIds.add(traceparent(callback).substring(36, 52));
    }
    assertThat(traceIds).containsExactly(TRACE_ID);
    assertThat(parentIds).hasSize(3);
  }

  @Test
  void nonLoopbackCallbackUrlsAreRefused() throws Exception {
    HttpRequest request =
        HttpRequest.newBuilder(service.uri())
            .POST(
                HttpRequest.BodyPublishers.ofString(
                    "[{\"url\": \"http://example.com/\", \"arguments\": []}]"))
            .build();

    HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());

    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(response.body()).contains("only loopback");
  }
}

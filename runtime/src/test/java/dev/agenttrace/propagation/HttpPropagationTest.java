package dev.agenttrace.propagation;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import dev.agenttrace.Baggage;
import dev.agenttrace.Context;
import dev.agenttrace.Scope;
import dev.agenttrace.Span;
import dev.agenttrace.SpanKind;
import dev.agenttrace.context.Conversation;
import dev.agenttrace.processing.InMemorySpanCollector;
import dev.agenttrace.sdk.TracerSdk;
import dev.agenttrace.spi.SpanData;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The JDK client and server adapters, over real HTTP on the loopback interface. */
// Scopes are closed by try-with-resources without being read: that is their use.
@SuppressWarnings("try")
class HttpPropagationTest {
  private final InMemorySpanCollector collector = new InMemorySpanCollector();
  private final TracerSdk tracer =
      TracerSdk.builder()
          .addSpanProcessor(Conversation.spanProcessor())
          .addSpanProcessor(collector)
          .build();
  private final AtomicReference<Context> seenByHandler = new AtomicReference<>();
  private HttpServer server;
  private final HttpClient client = HttpClient.newHttpClient();

  @BeforeEach
  void startServer() throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server
        .createContext(
            "/plain",
            exchange -> {
              seenByHandler.set(Context.current());
              tracer.spanBuilder("work").startSpan().end();
              respond(exchange, 200);
            })
        .getFilters()
        .add(HttpServerPropagation.filter());
    server
        .createContext(
            "/traced",
            exchange -> {
              seenByHandler.set(Context.current());
              respond(exchange, 503);
            })
        .getFilters()
        .add(HttpServerPropagation.serverSpanFilter(tracer));
    server
        .createContext(
            "/orders",
            exchange -> {
              exchange.sendResponseHeaders(204, -1);
              exchange.close();
            })
        .getFilters()
        .add(HttpServerPropagation.serverSpanFilter(tracer));
    server.start();
  }

  @AfterEach
  void stopServer() {
    server.stop(0);
  }

  private static void respond(com.sun.net.httpserver.HttpExchange exchange, int status)
      throws IOException {
    byte[] body = "ok".getBytes(StandardCharsets.UTF_8);
    exchange.sendResponseHeaders(status, body.length);
    exchange.getResponseBody().write(body);
    exchange.close();
  }

  private URI uri(String path) {
    return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + path);
  }

  private void send(HttpRequest.Builder builder) throws IOException, InterruptedException {
    client.send(builder.build(), HttpResponse.BodyHandlers.ofString());
  }

  @Test
  void handlerSpanIsAChildOfTheClientSpanInTheSameTrace() throws Exception {
    Span caller = tracer.spanBuilder("caller").startSpan();
    try (Scope scope = caller.makeCurrent();
        Scope baggage = Baggage.builder().put("tenant", "acme").build().makeCurrent()) {
      send(HttpClientPropagation.inject(HttpRequest.newBuilder(uri("/plain"))));
    }
    caller.end();

    SpanData work = collector.finishedSpans().get(0);
    assertThat(work.name()).isEqualTo("work");
    assertThat(work.spanContext().traceId()).isEqualTo(caller.spanContext().traceId());
    assertThat(work.parentSpanContext().spanId()).isEqualTo(caller.spanContext().spanId());
    assertThat(work.parentSpanContext().isRemote()).isTrue();
    assertThat(seenByHandler.get().baggage().get("tenant")).isEqualTo("acme");
  }

  @Test
  void handlerThreadKeepsNoContextAfterTheRequest() throws Exception {
    Span caller = tracer.spanBuilder("caller").startSpan();
    send(
        HttpClientPropagation.inject(
            Context.root().with(caller), HttpRequest.newBuilder(uri("/plain"))));

    assertThat(seenByHandler.get().span().spanContext().spanId())
        .isEqualTo(caller.spanContext().spanId());
    assertThat(Span.current().spanContext().isValid()).isFalse();
  }

  @Test
  void requestWithMalformedTraceparentStartsANewTrace() throws Exception {
    send(
        HttpRequest.newBuilder(uri("/plain"))
            .header("traceparent", "00-0af7651916cd43dd8448eb211c80319c-0000000000000000-01")
            .header("tracestate", "foo=1"));

    SpanData work = collector.finishedSpans().get(0);
    assertThat(work.parentSpanContext().isValid()).isFalse();
    assertThat(work.spanContext().traceId()).isNotEqualTo("0af7651916cd43dd8448eb211c80319c");
    assertThat(work.spanContext().traceState().isEmpty()).isTrue();
  }

  @Test
  void serverSpanFilterRecordsAServerSpanUnderTheRemoteParent() throws Exception {
    SpanData server =
        onlyServerSpanFor(
            HttpRequest.newBuilder(uri("/traced"))
                .header("TraceParent", "00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01"));

    assertThat(server.name()).isEqualTo("GET /traced");
    assertThat(server.kind()).isEqualTo(SpanKind.SERVER);
    assertThat(server.parentSpanContext().spanId()).isEqualTo("b7ad6b7169203331");
    assertThat(server.attributes().get("http.response.status_code")).isEqualTo(503L);
    assertThat(server.statusCode()).isEqualTo(dev.agenttrace.StatusCode.ERROR);
    assertThat(seenByHandler.get().span().spanContext()).isEqualTo(server.spanContext());
  }

  private SpanData onlyServerSpanFor(HttpRequest.Builder request) throws Exception {
    send(request);
    // The server span ends after the handler has sent the response: wait for it.
    List<SpanData> spans = collector.awaitSpans(1, Duration.ofSeconds(5));
    assertThat(spans).hasSize(1);
    return spans.get(0);
  }

  @Test
  void conversationIdFromTheCallersBaggageIsOnTheServerSpan() throws Exception {
    HttpRequest.Builder request;
    try (Scope scope = Conversation.makeCurrent("conv-42")) {
      request = HttpClientPropagation.inject(HttpRequest.newBuilder(uri("/orders")));
    }

    SpanData server = onlyServerSpanFor(request);

    assertThat(server.attributes().get(Conversation.BAGGAGE_KEY)).isEqualTo("conv-42");
    assertThat(Context.current().baggage().isEmpty()).isTrue();
  }

  @Test
  void serverSpanIsNamedByTheRegisteredRouteNotTheRequestPath() throws Exception {
    SpanData server = onlyServerSpanFor(HttpRequest.newBuilder(uri("/orders/12345?expand=items")));

    assertThat(server.name()).isEqualTo("GET /orders");
    assertThat(server.attributes().get("http.route")).isEqualTo("/orders");
    assertThat(server.attributes().get("http.request.method")).isEqualTo("GET");
    assertThat(server.attributes().get("url.path")).isEqualTo("/orders/12345");
    assertThat(server.attributes().get("http.response.status_code")).isEqualTo(204L);
  }
}

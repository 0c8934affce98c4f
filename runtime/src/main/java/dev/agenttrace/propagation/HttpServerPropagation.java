package dev.agenttrace.propagation;

import com.sun.net.httpserver.Filter;
import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;
import dev.agenttrace.AgentTrace;
import dev.agenttrace.AttributeKey;
import dev.agenttrace.Context;
import dev.agenttrace.Scope;
import dev.agenttrace.Span;
import dev.agenttrace.SpanKind;
import dev.agenttrace.StatusCode;
import dev.agenttrace.Tracer;
import java.io.IOException;
import java.util.List;

/**
 * Reads the context from requests received by the JDK {@link com.sun.net.httpserver.HttpServer}.
 *
 * <pre>{@code
 * HttpContext billing = server.createContext("/billing", handler);
 * billing.getFilters().add(HttpServerPropagation.filter());   // handler runs in the caller's trace
 * }</pre>
 *
 * <p>Header names match in any case and repeated fields are combined (the JDK keeps each field).
 * Extraction starts from {@link Context#root()}: a request is a new entry point, whatever a pooled
 * thread may have left behind. Never throws: a malformed header restarts the trace.
 */
// Scopes are closed by try-with-resources without being read: that is their use.
@SuppressWarnings("try")
public final class HttpServerPropagation {
  private static final AttributeKey<String> HTTP_REQUEST_METHOD =
      AttributeKey.stringKey("http.request.method");
  private static final AttributeKey<String> URL_PATH = AttributeKey.stringKey("url.path");
  private static final AttributeKey<String> HTTP_ROUTE = AttributeKey.stringKey("http.route");
  private static final AttributeKey<Long> HTTP_RESPONSE_STATUS_CODE =
      AttributeKey.longKey("http.response.status_code");

  private static final TextMapGetter<Headers> GETTER =
      new TextMapGetter<>() {
        @Override
        public Iterable<String> keys(Headers carrier) {
          return carrier.keySet();
        }

        @Override
        public String get(Headers carrier, String key) {
          return carrier.getFirst(key);
        }

        @Override
        public List<String> getAll(Headers carrier, String key) {
          List<String> values = carrier.get(key);
          return values == null ? List.of() : values;
        }
      };

  private HttpServerPropagation() {}

  /** The context the request's headers carry (W3C trace context and baggage). */
  public static Context extract(HttpExchange exchange) {
    return extract(exchange.getRequestHeaders());
  }

  /** The context {@code headers} carry (W3C trace context and baggage). */
  public static Context extract(Headers headers) {
    return extract(TextMapPropagator.w3c(), headers);
  }

  /** The context {@code headers} carry, read by {@code propagator}. */
  public static Context extract(TextMapPropagator propagator, Headers headers) {
    return propagator.extract(Context.root(), headers, GETTER);
  }

  /** The getter reading server request headers, for use with any propagator. */
  public static TextMapGetter<Headers> getter() {
    return GETTER;
  }

  /**
   * A filter that makes the request's context current while the handler runs: spans the handler
   * starts are children of the caller's span, and the caller's baggage is readable.
   */
  public static Filter filter() {
    return new Filter() {
      @Override
      public void doFilter(HttpExchange exchange, Chain chain) throws IOException {
        try (Scope scope = extract(exchange).makeCurrent()) {
          chain.doFilter(exchange);
        }
      }

      @Override
      public String description() {
        return "Makes the W3C trace context and baggage of the request current";
      }
    };
  }

  /**
   * A filter that, in the request's context, records a {@link SpanKind#SERVER} span named {@code
   * "METHOD route"} around the handler, using the tracer installed in {@link AgentTrace} when the
   * request arrives. The route is the path the {@code HttpContext} was registered with ({@code GET
   * /orders} for a request to {@code /orders/42}), so span names stay few whatever the URLs, as the
   * OpenTelemetry HTTP conventions ask. Attributes: {@code http.request.method}, {@code
   * http.route}, {@code url.path} (the request's path) and {@code http.response.status_code}.
   */
  public static Filter serverSpanFilter() {
    return serverSpanFilter(null);
  }

  /** As {@link #serverSpanFilter()}, recording with {@code tracer}. */
  public static Filter serverSpanFilter(Tracer tracer) {
    return new Filter() {
      @Override
      public void doFilter(HttpExchange exchange, Chain chain) throws IOException {
        Tracer current = tracer == null ? AgentTrace.tracer() : tracer;
        String method = exchange.getRequestMethod();
        String path = exchange.getRequestURI().getPath();
        String route = exchange.getHttpContext().getPath();
        Context remote = extract(exchange);
        Span span =
            current
                .spanBuilder(method + ' ' + route)
                .setParent(remote)
                .setSpanKind(SpanKind.SERVER)
                .setAttribute(HTTP_REQUEST_METHOD, method)
                .setAttribute(HTTP_ROUTE, route)
                .setAttribute(URL_PATH, path)
                .startSpan();
        try (Scope scope = remote.with(span).makeCurrent()) {
          chain.doFilter(exchange);
          int status = exchange.getResponseCode();
          if (status > 0) {
            span.setAttribute(HTTP_RESPONSE_STATUS_CODE, (long) status);
            if (status >= 500) {
              span.setStatus(StatusCode.ERROR, "HTTP " + status);
            }
          }
        } catch (IOException | RuntimeException | Error e) {
          span.recordError(e);
          throw e;
        } finally {
          span.end();
        }
      }

      @Override
      public String description() {
        return "Records a server span in the W3C trace context of the request";
      }
    };
  }
}

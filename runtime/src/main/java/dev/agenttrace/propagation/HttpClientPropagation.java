package dev.agenttrace.propagation;

import dev.agenttrace.Context;
import java.net.http.HttpRequest;

/**
 * Puts the context into requests sent with the JDK {@link java.net.http.HttpClient}.
 *
 * <pre>{@code
 * HttpRequest request = HttpClientPropagation.inject(HttpRequest.newBuilder(uri))
 *     .POST(BodyPublishers.ofString(body))
 *     .build();
 * }</pre>
 *
 * <p>The request then carries {@code traceparent}, {@code tracestate} and {@code baggage} of the
 * current context, so the receiving service continues the same trace. Never throws: a failure is
 * logged and the request goes out without context.
 */
public final class HttpClientPropagation {
  private static final TextMapSetter<HttpRequest.Builder> SETTER = HttpRequest.Builder::setHeader;

  private HttpClientPropagation() {}

  /** Injects the current context with the W3C propagators; returns {@code builder}. */
  public static HttpRequest.Builder inject(HttpRequest.Builder builder) {
    return inject(Context.current(), builder);
  }

  /** Injects {@code context} with the W3C propagators; returns {@code builder}. */
  public static HttpRequest.Builder inject(Context context, HttpRequest.Builder builder) {
    return inject(TextMapPropagator.w3c(), context, builder);
  }

  /** Injects {@code context} with {@code propagator}; returns {@code builder}. */
  public static HttpRequest.Builder inject(
      TextMapPropagator propagator, Context context, HttpRequest.Builder builder) {
    propagator.inject(context, builder, SETTER);
    return builder;
  }

  /** The setter writing request headers, for use with any propagator. */
  public static TextMapSetter<HttpRequest.Builder> setter() {
    return SETTER;
  }
}

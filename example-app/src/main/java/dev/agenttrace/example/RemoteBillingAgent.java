package dev.agenttrace.example;

import dev.agenttrace.internal.json.Json;
import dev.agenttrace.propagation.HttpClientPropagation;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The orchestrator's view of the billing service: a {@link BillingAgent} that hands the request
 * over HTTP, carrying the current trace context and baggage in W3C headers.
 */
final class RemoteBillingAgent implements BillingAgent {
  private final HttpClient client;
  private final URI uri;

  RemoteBillingAgent(HttpClient client, URI uri) {
    this.client = client;
    this.uri = uri;
  }

  @Override
  public String handle(String orderId, String request) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("orderId", orderId);
    body.put("request", request);
    HttpRequest httpRequest =
        HttpClientPropagation.inject(HttpRequest.newBuilder(uri))
            .timeout(Duration.ofSeconds(30))
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(Json.write(body)))
            .build();
    try {
      HttpResponse<String> response =
          client.send(httpRequest, HttpResponse.BodyHandlers.ofString());
      if (response.statusCode() != 200) {
        throw new IllegalStateException(
            "billing service answered " + response.statusCode() + ": " + response.body());
      }
      return (String) ((Map<?, ?>) Json.parse(response.body())).get("outcome");
    } catch (IOException e) {
      throw new UncheckedIOException("billing service unreachable at " + uri, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while waiting for the billing service", e);
    }
  }
}

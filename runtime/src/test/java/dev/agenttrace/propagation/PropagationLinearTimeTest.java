package dev.agenttrace.propagation;

import dev.agenttrace.Context;
import dev.agenttrace.TraceState;
import dev.agenttrace.testing.LinearTime;
import java.util.List;
import java.util.Map;
import java.util.function.IntFunction;
import org.junit.jupiter.api.Test;

/** Header parsing runs on the server thread for any client: linear time on hostile headers. */
class PropagationLinearTimeTest {
  private static final String VALID = "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01";

  private static final Map<String, IntFunction<String>> HOSTILE_TRACEPARENT =
      Map.of(
          "white space", LinearTime.around(" \t", " \t", VALID),
          "zeros", LinearTime.repeat("0"),
          "dashes", LinearTime.repeat("-"),
          "hex after the version", LinearTime.around("00-", "a", ""),
          "long future version", LinearTime.around(VALID.replace("00-", "cc-"), "-ab", ""));

  private static final Map<String, IntFunction<String>> HOSTILE_TRACESTATE =
      Map.of(
          "commas", LinearTime.repeat(","),
          "empty members", LinearTime.repeat(" \t, "),
          "too many members", LinearTime.repeat("a=1,"),
          "repeated key", LinearTime.repeat("foo=1,"),
          "one long key", LinearTime.repeat("a@"),
          "one long value", LinearTime.around("a=", "b", ""),
          "equals signs", LinearTime.repeat("="));

  private static final Map<String, IntFunction<String>> HOSTILE_BAGGAGE =
      Map.of(
          "commas", LinearTime.repeat(","),
          "small members", LinearTime.repeat("k=v,"),
          "semicolons", LinearTime.repeat(";"),
          "many properties", LinearTime.around("k=v", ";p=1", ""),
          "percent signs", LinearTime.around("k=", "%", ""),
          "encoded bytes", LinearTime.around("k=", "%FF", ""),
          "white space", LinearTime.around("k", " \t", "=v"),
          "equals signs", LinearTime.repeat("="));

  @Test
  void traceparentParsingTakesLinearTime() {
    HOSTILE_TRACEPARENT.forEach(
        (name, input) ->
            LinearTime.assertLinear(
                "traceparent of " + name,
                input,
                header -> TraceParentCodec.parse(header, TraceState.empty())));
  }

  @Test
  void tracestateParsingTakesLinearTime() {
    HOSTILE_TRACESTATE.forEach(
        (name, input) ->
            LinearTime.assertLinear("tracestate of " + name, input, TraceStateCodec::parse));
  }

  @Test
  void baggageParsingTakesLinearTime() {
    HOSTILE_BAGGAGE.forEach(
        (name, input) -> LinearTime.assertLinear("baggage of " + name, input, BaggageCodec::parse));
  }

  @Test
  void extractingAllThreeHeadersTakesLinearTime() {
    TextMapPropagator w3c = TextMapPropagator.w3c();
    LinearTime.assertLinear(
        "extracting traceparent, tracestate and baggage",
        LinearTime.repeat("k=v,"),
        text ->
            w3c.extract(
                Context.root(),
                Map.of(
                    "traceparent", List.of(VALID),
                    "tracestate", List.of(text, text),
                    "baggage", List.of(text, text)),
                TextMapGetter.forMultiMap()));
  }
}

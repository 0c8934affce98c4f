package dev.agenttrace.benchmarks;

import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Scope;
import java.util.concurrent.TimeUnit;
import java.util.function.IntUnaryOperator;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Agent -> tool -> model: three nested spans a call, with AgentTrace proxies and by hand with the
 * OpenTelemetry SDK. Compared with {@link ToolCallBenchmark}'s one-span cases, this shows whether
 * cost grows linearly with spans.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
// Ten seconds of warm-up: on two cores the export worker keeps one core busy, so the JIT compiler
// gets little time; after three seconds some forks had not finished compiling (the nested case's
// iterations still fell from 1.3 us to 0.56 us during measurement).
@Warmup(iterations = 10, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(
    value = 2,
    jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
public class NestedCallBenchmark {

  @State(org.openjdk.jmh.annotations.Scope.Benchmark)
  public static class Direct {
    final NestedAgent agent = NestedCallChain.direct();
  }

  @State(org.openjdk.jmh.annotations.Scope.Benchmark)
  public static class Recording {
    AgentTraceSetup tracing;
    NestedAgent agent;

    @Setup(Level.Trial)
    public void setUp() {
      tracing = AgentTraceSetup.recording();
      agent = NestedCallChain.traced();
    }

    @TearDown(Level.Trial)
    public void tearDown() {
      tracing.close();
    }
  }

  @State(org.openjdk.jmh.annotations.Scope.Benchmark)
  public static class Otel {
    OtelSetup otel;
    IntUnaryOperator agent;

    @Setup(Level.Trial)
    public void setUp() {
      otel = new OtelSetup();
      Tracer tracer = otel.tracer;
      IntUnaryOperator model =
          id ->
              traced(
                  tracer,
                  "chat bench-model",
                  SpanKind.CLIENT,
                  OtelSetup.MODEL,
                  "bench-model",
                  () -> id + 7);
      IntUnaryOperator tool =
          id ->
              traced(
                  tracer,
                  "execute_tool lookup_order",
                  SpanKind.INTERNAL,
                  OtelSetup.TOOL_NAME,
                  "lookup_order",
                  () -> model.applyAsInt(id) * 31);
      agent =
          id ->
              traced(
                  tracer,
                  "invoke_agent bench-agent",
                  SpanKind.INTERNAL,
                  OtelSetup.AGENT_NAME,
                  "bench-agent",
                  () -> tool.applyAsInt(id) + 1);
    }

    @TearDown(Level.Trial)
    public void tearDown() {
      otel.close();
    }

    private static int traced(
        Tracer tracer,
        String name,
        SpanKind kind,
        AttributeKey<String> key,
        String value,
        java.util.function.IntSupplier body) {
      Span span = tracer.spanBuilder(name).setSpanKind(kind).setAttribute(key, value).startSpan();
      try (Scope scope = span.makeCurrent()) {
        int result = body.getAsInt();
        span.setStatus(StatusCode.OK);
        return result;
      } catch (RuntimeException e) {
        span.recordException(e);
        span.setStatus(StatusCode.ERROR);
        throw e;
      } finally {
        span.end();
      }
    }
  }

  /** The floor: three plain calls. */
  @Benchmark
  public int nestedDirect(Direct state, CallIds ids) {
    return state.agent.run(ids.nextId());
  }

  /** Three generated proxies, three recorded spans. */
  @Benchmark
  public int nestedProxyRecording(Recording state, CallIds ids) {
    return state.agent.run(ids.nextId());
  }

  /** Three spans by hand with the OpenTelemetry SDK. */
  @Benchmark
  public int nestedOtelHandWritten(Otel state, CallIds ids) {
    return state.agent.applyAsInt(ids.nextId());
  }
}

package dev.agenttrace.benchmarks;

import dev.agenttrace.AgentTrace;
import java.util.concurrent.TimeUnit;
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
 * One call of {@code int lookup(int orderId)}, made every way the README compares: directly,
 * through the generated proxy with tracing off, sampled out and recording, by hand with the
 * OpenTelemetry SDK, and through a reflection proxy. Each benchmark runs in its own fork, so each
 * installs the tracer it needs.
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
public class ToolCallBenchmark {

  @State(org.openjdk.jmh.annotations.Scope.Benchmark)
  public static class Direct {
    final OrderLookup tool = new DirectOrderLookup();
  }

  @State(org.openjdk.jmh.annotations.Scope.Benchmark)
  public static class TracingOff {
    OrderLookup tool;

    @Setup(Level.Trial)
    public void setUp() {
      AgentTrace.uninstall();
      tool = OrderLookupTraced.wrap(new DirectOrderLookup());
    }
  }

  @State(org.openjdk.jmh.annotations.Scope.Benchmark)
  public static class SampledOut {
    AgentTraceSetup tracing;
    OrderLookup tool;

    @Setup(Level.Trial)
    public void setUp() {
      tracing = AgentTraceSetup.sampledOut();
      tool = OrderLookupTraced.wrap(new DirectOrderLookup());
    }

    @TearDown(Level.Trial)
    public void tearDown() {
      tracing.close();
    }
  }

  /**
   * A sampled-out trace made current on the benchmark thread, as when an agent run was sampled out
   * and calls its tools: the state JMH sets up on each benchmark thread.
   */
  @State(org.openjdk.jmh.annotations.Scope.Thread)
  public static class InsideSampledOutTrace {
    private dev.agenttrace.Span root;
    private dev.agenttrace.Scope scope;

    @Setup(Level.Trial)
    public void enter(SampledOut sampledOut) {
      root =
          sampledOut.tracing.tracer.startSpan(
              dev.agenttrace.proxy.SpanTemplates.agentRun("bench", "", ""));
      scope = root.makeCurrent();
    }

    @TearDown(Level.Trial)
    public void leave() {
      scope.close();
      root.end();
    }
  }

  @State(org.openjdk.jmh.annotations.Scope.Benchmark)
  public static class Recording {
    AgentTraceSetup tracing;
    OrderLookup tool;

    @Setup(Level.Trial)
    public void setUp() {
      tracing = AgentTraceSetup.recording();
      tool = OrderLookupTraced.wrap(new DirectOrderLookup());
    }

    @TearDown(Level.Trial)
    public void tearDown() {
      tracing.close();
    }
  }

  @State(org.openjdk.jmh.annotations.Scope.Benchmark)
  public static class Reflection {
    AgentTraceSetup tracing;
    ReflectiveOrderLookup tool;

    @Setup(Level.Trial)
    public void setUp() {
      tracing = AgentTraceSetup.recording();
      tool = ReflectionTracingHandler.wrap(new DirectOrderLookup());
    }

    @TearDown(Level.Trial)
    public void tearDown() {
      tracing.close();
    }
  }

  @State(org.openjdk.jmh.annotations.Scope.Benchmark)
  public static class Otel {
    OtelSetup otel;
    final OrderLookup tool = new DirectOrderLookup();

    @Setup(Level.Trial)
    public void setUp() {
      otel = new OtelSetup();
    }

    @TearDown(Level.Trial)
    public void tearDown() {
      otel.close();
    }
  }

  /** The floor: the call itself. */
  @Benchmark
  public int direct(Direct state, CallIds ids) {
    return state.tool.lookup(ids.nextId());
  }

  /**
   * One monotonic clock read. A recording span reads the clock when it starts and when it ends, on
   * either side of the comparison, so twice this is a floor no span design removes; on virtual
   * machines it is tens of nanoseconds.
   */
  @Benchmark
  public long clockRead() {
    return System.nanoTime();
  }

  /** The generated proxy with no tracer installed. */
  @Benchmark
  public int proxyTracingOff(TracingOff state, CallIds ids) {
    return state.tool.lookup(ids.nextId());
  }

  /** The generated proxy called inside a trace the head sampler dropped. */
  @Benchmark
  public int proxySampledOut(SampledOut state, InsideSampledOutTrace trace, CallIds ids) {
    return state.tool.lookup(ids.nextId());
  }

  /**
   * The generated proxy as the root of a trace the head sampler drops: a new trace id and a
   * non-recording span must still be made, so that downstream services see sampled=0.
   */
  @Benchmark
  public int proxySampledOutRoot(SampledOut state, CallIds ids) {
    return state.tool.lookup(ids.nextId());
  }

  /** The generated proxy recording the span into the processor pipeline. */
  @Benchmark
  public int proxyRecording(Recording state, CallIds ids) {
    return state.tool.lookup(ids.nextId());
  }

  /** A java.lang.reflect.Proxy reading a runtime annotation, recording the same span. */
  @Benchmark
  public int reflectionProxy(Reflection state, CallIds ids) {
    return state.tool.lookup(ids.nextId());
  }

  /** The same span written by hand with the OpenTelemetry SDK. */
  @Benchmark
  public int otelHandWritten(Otel state, CallIds ids) {
    return OtelTracedLookup.lookup(state.otel.tracer, state.tool, ids.nextId());
  }
}

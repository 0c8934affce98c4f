package dev.agenttrace.benchmarks;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.openjdk.jmh.profile.GCProfiler;
import org.openjdk.jmh.results.Result;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.NoBenchmarksException;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.ChainedOptionsBuilder;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;

/**
 * Runs the whole suite with the GC profiler and prints one summary table: time and bytes per
 * operation for every case, each as a ratio to its baseline measured in the same run.
 *
 * <p>Arguments: {@code --quick} for a short smoke run (one fork, short iterations; figures only
 * indicative), {@code --only REGEX} to run a subset.
 */
public final class BenchmarkSuite {
  private BenchmarkSuite() {}

  public static void main(String[] args) throws RunnerException, IOException {
    boolean quick = List.of(args).contains("--quick");
    String only = null;
    for (int i = 0; i < args.length - 1; i++) {
      if (args[i].equals("--only")) {
        only = args[i + 1];
      }
    }
    List<RunResult> results = new ArrayList<>();
    results.addAll(run(ToolCallBenchmark.class.getSimpleName(), only, quick, 1));
    results.addAll(run(ToolCallBenchmark.class.getSimpleName(), only, quick, 2));
    results.addAll(run(NestedCallBenchmark.class.getSimpleName(), only, quick, 1));
    results.addAll(run(NestedCallBenchmark.class.getSimpleName(), only, quick, 2));
    results.addAll(run(BatchExportBenchmark.class.getSimpleName(), only, quick, 1));
    results.addAll(run(BatchExportBenchmark.class.getSimpleName(), only, quick, 2));
    results.addAll(run(QueueFullDropBenchmark.class.getSimpleName(), only, quick, 1));
    results.addAll(run(QueueFullDropBenchmark.class.getSimpleName(), only, quick, 2));
    results.addAll(run(MetricsBenchmark.class.getSimpleName(), only, quick, 1));
    results.addAll(run(ProcessorCompileBenchmark.class.getSimpleName(), only, quick, 1));

    String table = SummaryTable.render(results);
    System.out.println();
    System.out.print(table);
    Path out = Path.of("benchmarks", "target");
    if (Files.isDirectory(out)) {
      Files.writeString(out.resolve("benchmark-summary.md"), table, StandardCharsets.UTF_8);
    }
  }

  private static Collection<RunResult> run(
      String benchmark, String only, boolean quick, int threads) throws RunnerException {
    String include = benchmark + "\\." + (only == null ? ".*" : ".*(" + only + ").*");
    ChainedOptionsBuilder options =
        new OptionsBuilder()
            .include(include)
            .threads(threads)
            .addProfiler(GCProfiler.class)
            .shouldFailOnError(true);
    if (quick) {
      options
          .forks(1)
          .warmupIterations(1)
          .warmupTime(TimeValue.milliseconds(300))
          .measurementIterations(2)
          .measurementTime(TimeValue.milliseconds(300));
    }
    try {
      return new Runner(options.build()).run();
    } catch (NoBenchmarksException nothingMatched) {
      return List.of();
    }
  }

  /** The summary table, built from the run's results only. */
  static final class SummaryTable {
    private SummaryTable() {}

    static String render(List<RunResult> results) {
      Map<String, RunResult> byKey = new LinkedHashMap<>();
      for (RunResult result : results) {
        byKey.put(key(result), result);
      }
      StringBuilder out = new StringBuilder();
      out.append(
          String.format(
              Locale.ROOT,
              "JDK %s (%s), %d cores, %s %s%n%n",
              System.getProperty("java.version"),
              System.getProperty("java.vm.name"),
              Runtime.getRuntime().availableProcessors(),
              System.getProperty("os.name"),
              System.getProperty("os.arch")));
      out.append(
          "| Benchmark | Threads | Time/op | ± error | B/op | × baseline time | baseline"
              + " | × OTel time | × OTel B/op |\n"
              + "|---|---:|---:|---:|---:|---:|---|---:|---:|\n");
      for (RunResult result : results) {
        String name = method(result);
        int threads = result.getParams().getThreads();
        Result<?> primary = result.getPrimaryResult();
        String baselineName = baseline(name);
        RunResult baseline = baselineName == null ? null : byKey.get(baselineName + "#" + threads);
        String ratio =
            baseline == null
                ? ""
                : String.format(
                    Locale.ROOT,
                    "%.2f",
                    primary.getScore() / baseline.getPrimaryResult().getScore());
        String otelName = openTelemetryCounterpart(name);
        RunResult otel = otelName == null ? null : byKey.get(otelName + "#" + threads);
        String otelTime = "";
        String otelBytes = "";
        if (otel != null) {
          otelTime =
              String.format(
                  Locale.ROOT, "%.2f", primary.getScore() / otel.getPrimaryResult().getScore());
          otelBytes = String.format(Locale.ROOT, "%.2f", bytes(result) / bytes(otel));
        }
        out.append(
            String.format(
                Locale.ROOT,
                "| %s | %d | %.1f %s | %.1f | %s | %s | %s | %s | %s |%n",
                name,
                threads,
                primary.getScore(),
                primary.getScoreUnit(),
                primary.getScoreError(),
                bytesPerOp(result),
                ratio,
                baselineName == null ? "" : baselineName,
                otelTime,
                otelBytes));
      }
      return out.toString();
    }

    private static String key(RunResult result) {
      return method(result) + "#" + result.getParams().getThreads();
    }

    private static String method(RunResult result) {
      String benchmark = result.getParams().getBenchmark();
      return benchmark.substring(benchmark.lastIndexOf('.') + 1);
    }

    /** Which case each row is compared with; null for the baselines themselves. */
    private static String baseline(String name) {
      return switch (name) {
        case "proxyTracingOff",
            "proxySampledOut",
            "proxySampledOutRoot",
            "proxyRecording",
            "otelHandWritten" ->
            "direct";
        // It records through AgentTrace's tracer: what it adds to proxyRecording is the
        // reflection proxy mechanism alone, so that is its baseline, not OpenTelemetry.
        case "reflectionProxy" -> "proxyRecording";
        case "nestedProxyRecording", "nestedOtelHandWritten" -> "nestedDirect";
        case "modelCallGenAiMetrics", "modelCallAllMetrics" -> "modelCallMetricsOff";
        case "javacWithProcessor", "javacWithPregeneratedProxies", "javacWithForwardingClasses" ->
            "javacWithoutProcessor";
        default -> null;
      };
    }

    /** The hand-written OpenTelemetry case a row is compared with, or null. */
    private static String openTelemetryCounterpart(String name) {
      return switch (name) {
        case "proxyRecording" -> "otelHandWritten";
        case "nestedProxyRecording" -> "nestedOtelHandWritten";
        default -> null;
      };
    }

    private static double bytes(RunResult result) {
      Result<?> allocation = result.getSecondaryResults().get("gc.alloc.rate.norm");
      return allocation == null ? Double.NaN : allocation.getScore();
    }

    private static String bytesPerOp(RunResult result) {
      Result<?> allocation = result.getSecondaryResults().get("gc.alloc.rate.norm");
      return allocation == null ? "n/a" : String.format(Locale.ROOT, "%.0f", allocation.getScore());
    }
  }
}

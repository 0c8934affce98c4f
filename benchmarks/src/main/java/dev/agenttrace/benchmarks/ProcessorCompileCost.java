package dev.agenttrace.benchmarks;

import dev.agenttrace.processor.AgentTraceProcessor;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import javax.annotation.processing.AbstractProcessor;
import javax.annotation.processing.Processor;
import javax.annotation.processing.RoundEnvironment;
import javax.lang.model.SourceVersion;
import javax.lang.model.element.Element;
import javax.lang.model.element.TypeElement;

/**
 * The annotation processor's own share of javac's work on {@link ProcessorCompileBenchmark}'s
 * corpus (500 interfaces of 10 methods), as CPU time and bytes allocated by the compiling thread:
 * figures that stay readable on a loaded machine, where the benchmark's wall-clock times do not
 * (allocation hardly moves with load; CPU time moves less than wall time).
 *
 * <p>Three compilations, interleaved, each the median of the runs after two warm-ups in one JVM:
 * javac with the processor; javac with processing off on the corpus plus the proxies the processor
 * wrote; and javac with a processor that only writes those same proxies, already rendered, through
 * the {@code Filer}. The first minus the second is the processor's share; the third minus the
 * second is what any processor writing these 500 files pays javac (the {@code Filer} and the extra
 * rounds), the floor of that share.
 *
 * <p>Argument: the number of measured runs (default 5).
 */
public final class ProcessorCompileCost {
  private static final com.sun.management.ThreadMXBean THREADS =
      (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();

  private ProcessorCompileCost() {}

  public static void main(String[] args) throws IOException {
    int runs = args.length > 0 ? Integer.parseInt(args[0]) : 5;
    Path corpus = Files.createTempDirectory("agenttrace-corpus");
    try {
      Path packageDir = Files.createDirectories(corpus.resolve("src/corpus"));
      List<Path> sources = new ArrayList<>();
      for (int i = 0; i < ProcessorCompileBenchmark.INTERFACES; i++) {
        Path file = packageDir.resolve("Tools" + i + ".java");
        Files.writeString(file, ProcessorCompileBenchmark.source(i), StandardCharsets.UTF_8);
        sources.add(file);
      }
      Path first = Files.createTempDirectory(corpus, "proxies");
      ProcessorCompileBenchmark.compile(sources, first, new AgentTraceProcessor());
      List<Path> withProxies = new ArrayList<>(sources);
      Map<String, String> rendered = new HashMap<>();
      try (Stream<Path> generated = Files.walk(first.resolve("generated"))) {
        for (Path proxy : generated.filter(p -> p.toString().endsWith(".java")).toList()) {
          withProxies.add(proxy);
          String name = proxy.getFileName().toString().replace(".java", "");
          rendered.put("corpus." + name, Files.readString(proxy, StandardCharsets.UTF_8));
        }
      }
      long[][] processor = new long[2][runs];
      long[][] pregenerated = new long[2][runs];
      long[][] filerOnly = new long[2][runs];
      for (int run = -2; run < runs; run++) {
        record(processor, run, measure(corpus, sources, new AgentTraceProcessor()));
        record(pregenerated, run, measure(corpus, withProxies, null));
        record(filerOnly, run, measure(corpus, sources, new FilerOnlyProcessor(rendered)));
      }
      System.out.printf(
          Locale.ROOT,
          "JDK %s, %d cores, %d runs (median), compiling thread%n%n",
          Runtime.version(),
          Runtime.getRuntime().availableProcessors(),
          runs);
      System.out.println("| javac on the corpus | CPU ms | allocated MB |");
      System.out.println("|---|---:|---:|");
      print("with the processor", processor);
      print("with the pregenerated proxies, processing off", pregenerated);
      print("with a processor only writing the rendered proxies", filerOnly);
      System.out.printf(
          Locale.ROOT,
          "| processor's share (with - pregenerated) | %d | %d |%n",
          median(processor[0]) - median(pregenerated[0]),
          median(processor[1]) - median(pregenerated[1]));
      System.out.printf(
          Locale.ROOT,
          "| its floor (only writing - pregenerated) | %d | %d |%n",
          median(filerOnly[0]) - median(pregenerated[0]),
          median(filerOnly[1]) - median(pregenerated[1]));
    } finally {
      try (Stream<Path> files = Files.walk(corpus)) {
        files.sorted(Comparator.reverseOrder()).forEach(ProcessorCompileCost::delete);
      }
    }
  }

  private static void record(long[][] into, int run, long[] measured) {
    if (run >= 0) {
      into[0][run] = measured[0];
      into[1][run] = measured[1];
    }
  }

  private static void print(String what, long[][] measured) {
    System.out.printf(
        Locale.ROOT, "| %s | %d | %d |%n", what, median(measured[0]), median(measured[1]));
  }

  /** CPU milliseconds and allocated megabytes of this thread compiling {@code sources}. */
  private static long[] measure(Path corpus, List<Path> sources, Processor processor)
      throws IOException {
    Path output = Files.createTempDirectory(corpus, "out");
    System.gc();
    long thread = Thread.currentThread().getId();
    long cpu = THREADS.getThreadCpuTime(thread);
    long allocated = THREADS.getThreadAllocatedBytes(thread);
    ProcessorCompileBenchmark.compile(sources, output, processor);
    long[] measured = {
      (THREADS.getThreadCpuTime(thread) - cpu) / 1_000_000,
      (THREADS.getThreadAllocatedBytes(thread) - allocated) / 1_000_000
    };
    try (Stream<Path> files = Files.walk(output)) {
      files.sorted(Comparator.reverseOrder()).forEach(ProcessorCompileCost::delete);
    }
    return measured;
  }

  private static long median(long[] values) {
    long[] sorted = values.clone();
    Arrays.sort(sorted);
    return sorted[sorted.length / 2];
  }

  private static void delete(Path path) {
    try {
      Files.delete(path);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Writes, for each {@code @Tool} interface, the proxy already rendered for it, through the {@code
   * Filer} with the interface as originating element: what javac charges any processor that writes
   * these files, with none of the processor's own work.
   */
  private static final class FilerOnlyProcessor extends AbstractProcessor {
    private final Map<String, String> rendered;

    FilerOnlyProcessor(Map<String, String> rendered) {
      this.rendered = rendered;
    }

    @Override
    public Set<String> getSupportedAnnotationTypes() {
      // As the AgentTrace processor, which claims the @Generated of its own output.
      return Set.of("dev.agenttrace.annotations.Tool", "javax.annotation.processing.Generated");
    }

    @Override
    public SourceVersion getSupportedSourceVersion() {
      return SourceVersion.latestSupported();
    }

    @Override
    public boolean process(Set<? extends TypeElement> annotations, RoundEnvironment round) {
      for (TypeElement annotation : annotations) {
        if (!annotation.getQualifiedName().contentEquals("dev.agenttrace.annotations.Tool")) {
          continue;
        }
        for (Element element : round.getElementsAnnotatedWith(annotation)) {
          if (element instanceof TypeElement type) {
            write(type.getQualifiedName() + "Traced", type);
          }
        }
      }
      return true;
    }

    private void write(String name, TypeElement originating) {
      try (Writer out = processingEnv.getFiler().createSourceFile(name, originating).openWriter()) {
        out.write(rendered.get(name));
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }
}

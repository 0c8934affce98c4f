package dev.agenttrace.benchmarks;

import dev.agenttrace.processor.AgentTraceProcessor;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import javax.annotation.processing.Processor;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * What the processor adds to a build: javac on a corpus of 500 annotated interfaces of 10 methods
 * each, with the processor (which also compiles the 500 proxies it writes) and without.
 *
 * <p>Two more cases split the difference: the corpus plus the proxies the processor wrote, compiled
 * with processing off (what compiling the generated code costs, without the processor's own work),
 * and the corpus plus 500 hand-written classes that only forward each call (what any class per
 * interface costs javac, traced or not).
 */
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 2)
@Measurement(iterations = 5)
@Fork(
    value = 1,
    jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
@State(Scope.Benchmark)
public class ProcessorCompileBenchmark {
  static final int INTERFACES = 500;
  static final int METHODS = 10;

  private Path corpus;
  private List<Path> sources;
  private List<Path> withProxies;
  private List<Path> withForwarders;
  private Path output;

  @Setup(Level.Trial)
  public void writeCorpus() throws IOException {
    corpus = Files.createTempDirectory("agenttrace-corpus");
    sources = new ArrayList<>();
    Path packageDir = Files.createDirectories(corpus.resolve("src/corpus"));
    withForwarders = new ArrayList<>();
    for (int i = 0; i < INTERFACES; i++) {
      Path file = packageDir.resolve("Tools" + i + ".java");
      Files.writeString(file, source(i), StandardCharsets.UTF_8);
      sources.add(file);
      Path forwarder = packageDir.resolve("Tools" + i + "Forwarder.java");
      Files.writeString(forwarder, forwarder(i), StandardCharsets.UTF_8);
      withForwarders.add(forwarder);
    }
    withForwarders.addAll(sources);
    output = Files.createTempDirectory(corpus, "proxies");
    compile(sources, true);
    withProxies = new ArrayList<>(sources);
    try (Stream<Path> generated = Files.walk(output.resolve("generated"))) {
      generated.filter(path -> path.toString().endsWith(".java")).forEach(withProxies::add);
    }
  }

  /** A class that forwards every call of interface {@code index}: the floor of any proxy. */
  static String forwarder(int index) {
    StringBuilder source =
        new StringBuilder()
            .append("package corpus;\n\n")
            .append("public final class Tools")
            .append(index)
            .append("Forwarder implements Tools")
            .append(index)
            .append(" {\n  private final Tools")
            .append(index)
            .append(" delegate;\n\n  public Tools")
            .append(index)
            .append("Forwarder(Tools")
            .append(index)
            .append(" delegate) {\n    this.delegate = delegate;\n  }\n");
    for (int m = 0; m < METHODS; m++) {
      source
          .append("\n  @Override\n  public String call")
          .append(m)
          .append("(long id, String text) throws java.io.IOException {\n    return delegate.call")
          .append(m)
          .append("(id, text);\n  }\n");
    }
    return source.append("}\n").toString();
  }

  static String source(int index) {
    StringBuilder source =
        new StringBuilder()
            .append("package corpus;\n\n")
            .append("import dev.agenttrace.annotations.SpanAttribute;\n")
            .append("import dev.agenttrace.annotations.Tool;\n\n")
            .append("@Tool\npublic interface Tools")
            .append(index)
            .append(" {\n");
    for (int m = 0; m < METHODS; m++) {
      source
          .append("  @Tool(name = \"tool_")
          .append(index)
          .append('_')
          .append(m)
          .append("\", description = \"Corpus tool\")\n  String call")
          .append(m)
          .append(
              "(@SpanAttribute(\"arg.id\") long id, String text) throws java.io.IOException;\n");
    }
    return source.append("}\n").toString();
  }

  @Setup(Level.Invocation)
  public void freshOutput() throws IOException {
    output = Files.createTempDirectory(corpus, "out");
  }

  @TearDown(Level.Trial)
  public void deleteCorpus() throws IOException {
    try (Stream<Path> files = Files.walk(corpus)) {
      files.sorted(Comparator.reverseOrder()).forEach(ProcessorCompileBenchmark::delete);
    }
  }

  private static void delete(Path path) {
    try {
      Files.delete(path);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** javac on the corpus with annotation processing off. */
  @Benchmark
  public boolean javacWithoutProcessor() throws IOException {
    return compile(sources, false);
  }

  /** javac on the corpus with the AgentTrace processor, compiling the proxies it writes too. */
  @Benchmark
  public boolean javacWithProcessor() throws IOException {
    return compile(sources, true);
  }

  /** javac on the corpus and the proxies the processor wrote, with processing off. */
  @Benchmark
  public boolean javacWithPregeneratedProxies() throws IOException {
    return compile(withProxies, false);
  }

  /** javac on the corpus and one plain forwarding class per interface, processing off. */
  @Benchmark
  public boolean javacWithForwardingClasses() throws IOException {
    return compile(withForwarders, false);
  }

  private boolean compile(List<Path> sources, boolean withProcessor) throws IOException {
    return compile(sources, output, withProcessor ? new AgentTraceProcessor() : null);
  }

  /**
   * javac in-process on {@code sources} into {@code output}, running {@code processor}, or with
   * processing off when it is null.
   */
  static boolean compile(List<Path> sources, Path output, Processor processor) throws IOException {
    JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
    try (StandardJavaFileManager files = javac.getStandardFileManager(null, null, null)) {
      Iterable<? extends JavaFileObject> units = files.getJavaFileObjectsFromPaths(sources);
      List<String> options = new ArrayList<>();
      options.addAll(
          List.of(
              "-classpath", System.getProperty("java.class.path"),
              "-d", output.toString(),
              "-s", Files.createDirectories(output.resolve("generated")).toString(),
              "--release", "17"));
      if (processor == null) {
        options.add("-proc:none");
      }
      JavaCompiler.CompilationTask task = javac.getTask(null, files, null, options, null, units);
      if (processor != null) {
        task.setProcessors(List.of(processor));
      }
      if (!task.call()) {
        throw new IllegalStateException("the corpus did not compile");
      }
      return true;
    }
  }
}

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
 */
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 2)
@Measurement(iterations = 5)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
@State(Scope.Benchmark)
public class ProcessorCompileBenchmark {
  static final int INTERFACES = 500;
  static final int METHODS = 10;

  private Path corpus;
  private List<Path> sources;
  private Path output;

  @Setup(Level.Trial)
  public void writeCorpus() throws IOException {
    corpus = Files.createTempDirectory("agenttrace-corpus");
    sources = new ArrayList<>();
    Path packageDir = Files.createDirectories(corpus.resolve("src/corpus"));
    for (int i = 0; i < INTERFACES; i++) {
      Path file = packageDir.resolve("Tools" + i + ".java");
      Files.writeString(file, source(i), StandardCharsets.UTF_8);
      sources.add(file);
    }
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
          .append("(@SpanAttribute(\"arg.id\") long id, String text) throws java.io.IOException;\n");
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
    return compile(false);
  }

  /** javac on the corpus with the AgentTrace processor, compiling the proxies it writes too. */
  @Benchmark
  public boolean javacWithProcessor() throws IOException {
    return compile(true);
  }

  private boolean compile(boolean withProcessor) throws IOException {
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
      if (!withProcessor) {
        options.add("-proc:none");
      }
      JavaCompiler.CompilationTask task = javac.getTask(null, files, null, options, null, units);
      if (withProcessor) {
        task.setProcessors(List.of(new AgentTraceProcessor()));
      }
      if (!task.call()) {
        throw new IllegalStateException("the corpus did not compile");
      }
      return true;
    }
  }
}

package dev.agenttrace.processor;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.CompilationSubject;
import com.google.testing.compile.Compiler;
import com.google.testing.compile.JavaFileObjects;
import dev.agenttrace.AgentTrace;
import dev.agenttrace.AttributeKey;
import dev.agenttrace.Span;
import dev.agenttrace.annotations.AgentRun;
import dev.agenttrace.processing.InMemorySpanCollector;
import dev.agenttrace.sdk.TracerSdk;
import dev.agenttrace.spi.SpanData;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.MalformedURLException;
import java.net.URISyntaxException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.WeakHashMap;
import java.util.concurrent.Callable;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.slf4j.Logger;

/**
 * Compiles annotated sources with the processor, loads what it generated and runs it with a real
 * tracer, so that tests read as behaviour.
 *
 * <p>Register it with {@code @RegisterExtension}: it installs a {@link TracerSdk} that collects
 * ended spans before each test and uninstalls it after. Sources are compiled against the runtime
 * and annotations with {@code -Xlint:all -Werror}, so any warning in generated code fails the
 * compilation. A test drives the proxy through a {@code test.Driver} class of its own sources that
 * implements {@link Callable}, which keeps reflection out of the tests.
 */
final class ProxyTester implements BeforeEachCallback, AfterEachCallback {
  /**
   * Options of a strict user build, as the README advises them: every lint warning (javac's
   * "processing" category included) is an error.
   */
  static final List<String> STRICT_OPTIONS = List.of("-Xlint:all", "-Werror");

  private InMemorySpanCollector collector;

  @Override
  public void beforeEach(ExtensionContext context) {
    collector = new InMemorySpanCollector();
    AgentTrace.install(TracerSdk.builder().serviceName("test").addSpanProcessor(collector).build());
  }

  @Override
  public void afterEach(ExtensionContext context) {
    AgentTrace.uninstall();
  }

  /** A source file {@code qualifiedName} (such as {@code test.Tools}) with {@code text}. */
  static JavaFileObject source(String qualifiedName, String text) {
    return JavaFileObjects.forSourceString(qualifiedName, text);
  }

  /** Compiles {@code sources} with the processor against the runtime, strictly. */
  static Compilation compile(JavaFileObject... sources) {
    return compile(STRICT_OPTIONS, sources);
  }

  /** Compiles {@code sources} with the processor against the runtime with {@code options}. */
  static Compilation compile(List<String> options, JavaFileObject... sources) {
    return compile(options, List.of(), sources);
  }

  /** Compiles {@code sources} with the processor against the runtime and {@code libraries}. */
  static Compilation compile(
      List<String> options, List<File> libraries, JavaFileObject... sources) {
    List<File> classpath = new ArrayList<>(classpath());
    classpath.addAll(libraries);
    return Compiler.javac()
        .withProcessors(new AgentTraceProcessor())
        .withClasspath(classpath)
        .withOptions(options)
        .compile(sources);
  }

  /**
   * A third-party library: {@code files} (see {@link #sources}) compiled without the processor into
   * {@code directory} as class files, as a jar on the classpath would hold them.
   */
  static File library(Path directory, String files) throws IOException {
    Compilation compilation = Compiler.javac().withOptions("-parameters").compile(sources(files));
    CompilationSubject.assertThat(compilation).succeededWithoutWarnings();
    for (JavaFileObject file : compilation.generatedFiles()) {
      if (file.getKind() == JavaFileObject.Kind.CLASS) {
        Path target = directory.resolve(classOutputPath(file));
        Files.createDirectories(target.getParent());
        try (InputStream in = file.openInputStream()) {
          Files.copy(in, target);
        }
      }
    }
    return directory.toFile();
  }

  /**
   * Compiles {@code files} against {@code library} (see {@link #library}), asserts that they
   * compiled without a diagnostic, and calls their {@code test.Driver}.
   */
  static Object runWithLibrary(File library, String files) throws Exception {
    return runWithLibrary(library, STRICT_OPTIONS, files);
  }

  /** As {@link #runWithLibrary(File, String)}, compiling with {@code options}. */
  static Object runWithLibrary(File library, List<String> options, String files) throws Exception {
    Compilation compilation = compile(options, List.of(library), sources(files));
    assertThat(compilation.diagnostics()).as("diagnostics").isEmpty();
    LOADERS.put(compilation, new CompiledClassLoader(compilation, library));
    return call(compilation);
  }

  /**
   * Compiles {@code files} strictly against {@code jars} of the test's own classpath (a framework
   * from Maven Central, see {@link #jarOf}), asserts that they compiled without a diagnostic, and
   * calls their {@code test.Driver}.
   */
  static Object runAgainst(List<File> jars, String files) throws Exception {
    Compilation compilation = compile(STRICT_OPTIONS, jars, sources(files));
    assertThat(compilation.diagnostics()).as("diagnostics").isEmpty();
    return call(compilation);
  }

  /** The jar (or directory) {@code type} was loaded from. */
  static File jarOf(Class<?> type) {
    try {
      return new File(type.getProtectionDomain().getCodeSource().getLocation().toURI());
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Compiles {@code source} against {@code library}, for error tests. */
  static Compilation compileWithLibrary(File library, JavaFileObject source) {
    return compile(STRICT_OPTIONS, List.of(library), source);
  }

  /**
   * The classpath a user's build has. Passed explicitly because surefire's manifest-only jar hides
   * the test classpath from {@code java.class.path}.
   */
  static List<File> classpath() {
    List<File> files = new ArrayList<>();
    for (Class<?> type : List.of(Span.class, AgentRun.class, Logger.class)) {
      files.add(jarOf(type));
    }
    return files;
  }

  /**
   * Compiles {@code files} (see {@link #sources}), among them a public {@code test.Driver
   * implements Callable<Object>}, asserts that they compiled without a diagnostic, and calls the
   * driver.
   */
  static Object run(String files) throws Exception {
    return call(compiled(sources(files)));
  }

  /**
   * Source files written one after the other in {@code files}: each starts at a line beginning with
   * {@code package} and is named after its first top-level type. One type per file, as {@code
   * -Xlint:all} wants it.
   */
  static JavaFileObject[] sources(String files) {
    List<JavaFileObject> sources = new ArrayList<>();
    for (String file : FILE_START.split(files)) {
      if (file.isBlank()) {
        continue;
      }
      Matcher packageName = PACKAGE.matcher(file);
      Matcher typeName = TOP_LEVEL_TYPE.matcher(file);
      if (!packageName.find() || !typeName.find()) {
        throw new IllegalArgumentException("no package or top-level type in:\n" + file);
      }
      sources.add(source(packageName.group(1) + "." + typeName.group(1), file));
    }
    return sources.toArray(new JavaFileObject[0]);
  }

  private static final Pattern FILE_START = Pattern.compile("(?m)^(?=package )");
  private static final Pattern PACKAGE = Pattern.compile("(?m)^package ([\\w.]+);");
  private static final Pattern TOP_LEVEL_TYPE =
      Pattern.compile(
          "(?m)^(?:(?:public|abstract|final|sealed|non-sealed|strictfp) )*"
              + "(?:class|interface|enum|record|@interface) (\\w+)");

  /** Compiles {@code sources} and asserts that they compiled without a single diagnostic. */
  static Compilation compiled(JavaFileObject... sources) {
    Compilation compilation = compile(sources);
    assertThat(compilation.diagnostics()).as("diagnostics").isEmpty();
    return compilation;
  }

  /** Instantiates {@code test.Driver} of {@code compilation} (a {@link Callable}) and calls it. */
  static Object call(Compilation compilation) throws Exception {
    return call(compilation, "test.Driver");
  }

  /** Instantiates {@code driverClass} of {@code compilation} (a {@link Callable}) and calls it. */
  static Object call(Compilation compilation, String driverClass) throws Exception {
    Class<?> type = load(compilation).loadClass(driverClass);
    Callable<?> driver = (Callable<?>) type.getDeclaredConstructor().newInstance();
    return driver.call();
  }

  /** The value of the static field {@code field} of {@code className}, compiled in {@code c}. */
  static Object staticField(Compilation compilation, String className, String field)
      throws ReflectiveOperationException {
    return load(compilation).loadClass(className).getField(field).get(null);
  }

  /** A class loader for the classes of {@code compilation}, on top of the test's classpath. */
  static ClassLoader load(Compilation compilation) {
    return LOADERS.computeIfAbsent(compilation, CompiledClassLoader::new);
  }

  private static final Map<Compilation, ClassLoader> LOADERS =
      Collections.synchronizedMap(new WeakHashMap<>());

  /** The source the processor generated as {@code qualifiedName}, as text. */
  static String generatedSource(Compilation compilation, String qualifiedName) {
    JavaFileObject file =
        compilation
            .generatedSourceFile(qualifiedName)
            .orElseThrow(() -> new AssertionError("no generated source " + qualifiedName));
    try {
      return file.getCharContent(true).toString();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Compiles {@code source} and asserts that it failed with exactly one error, {@code message},
   * reported on the line of {@code source} containing {@code lineContaining}.
   */
  static void assertSingleError(JavaFileObject source, String message, String lineContaining) {
    assertSingleError(compile(source), source, message, lineContaining);
  }

  /**
   * Asserts that {@code compilation} failed with exactly one error, {@code message}, reported on
   * the line of {@code source} containing {@code lineContaining}.
   */
  static void assertSingleError(
      Compilation compilation, JavaFileObject source, String message, String lineContaining) {
    CompilationSubject.assertThat(compilation).hadErrorCount(1);
    CompilationSubject.assertThat(compilation)
        .hadErrorContaining(message)
        .inFile(source)
        .onLineContaining(lineContaining);
  }

  /** The spans ended so far, oldest first. */
  List<SpanData> spans() {
    return collector.finishedSpans();
  }

  /** The only ended span named {@code name}. */
  SpanData span(String name) {
    List<SpanData> named = spans().stream().filter(s -> s.name().equals(name)).toList();
    assertThat(named).as("spans named %s among %s", name, spans()).hasSize(1);
    return named.get(0);
  }

  /** The attribute {@code key} of {@code span}, by name, whatever its type. */
  static Object attribute(SpanData span, String key) {
    return span.attributes().get(key);
  }

  /** The typed attribute {@code key} of {@code span}. */
  static <T> T attribute(SpanData span, AttributeKey<T> key) {
    return span.attributes().get(key);
  }

  /** The path of a compiled class below the class output, such as {@code test/Foo.class}. */
  private static String classOutputPath(JavaFileObject file) {
    String path = file.toUri().getPath();
    return path.substring(path.indexOf("CLASS_OUTPUT/") + "CLASS_OUTPUT/".length());
  }

  private static final class CompiledClassLoader extends ClassLoader {
    private final Map<String, JavaFileObject> classes = new HashMap<>();

    CompiledClassLoader(Compilation compilation) {
      this(compilation, ProxyTester.class.getClassLoader());
    }

    CompiledClassLoader(Compilation compilation, File library) {
      this(compilation, libraryLoader(library));
    }

    private CompiledClassLoader(Compilation compilation, ClassLoader parent) {
      super(parent);
      for (JavaFileObject file : compilation.generatedFiles()) {
        if (file.getKind() != JavaFileObject.Kind.CLASS) {
          continue;
        }
        String path = classOutputPath(file);
        String binaryName = path.substring(0, path.length() - ".class".length()).replace('/', '.');
        classes.put(binaryName, file);
      }
    }

    private static ClassLoader libraryLoader(File library) {
      try {
        return new URLClassLoader(
            new URL[] {library.toURI().toURL()}, ProxyTester.class.getClassLoader());
      } catch (MalformedURLException e) {
        throw new IllegalArgumentException(e);
      }
    }

    @Override
    protected Class<?> findClass(String name) throws ClassNotFoundException {
      JavaFileObject file = classes.get(name);
      if (file == null) {
        throw new ClassNotFoundException(name);
      }
      try (InputStream in = file.openInputStream()) {
        byte[] bytes = in.readAllBytes();
        return defineClass(name, bytes, 0, bytes.length);
      } catch (IOException e) {
        throw new ClassNotFoundException(name, e);
      }
    }
  }
}

package dev.agenttrace.docs;

import dev.agenttrace.processor.AgentTraceProcessor;
import java.io.File;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.SimpleJavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;

/**
 * Compiles the Java snippets of one page with javac and the AgentTrace processor, at release 17,
 * against what a user's build has (annotations, runtime, view, OpenTelemetry bridge), and maps
 * errors back to the Markdown lines.
 */
final class SnippetCompiler {
  private static final Pattern PACKAGE = Pattern.compile("(?m)^package ([\\w.]+);");
  private static final Pattern TYPE =
      Pattern.compile("(?m)^(?:public |final |abstract )*(?:class|interface|record|enum) (\\w+)");

  /** A source made from a snippet, with the Markdown line of its first line. */
  private record Source(String path, String text, Snippet snippet, int firstLine) {}

  private final List<Source> sources = new ArrayList<>();
  private final Path root;

  SnippetCompiler(Path root) {
    this.root = root;
  }

  /** A complete compilation unit. */
  void addFile(Snippet snippet) {
    String text = snippet.code();
    Matcher pkg = PACKAGE.matcher(text);
    Matcher type = TYPE.matcher(text);
    String dir = pkg.find() ? pkg.group(1).replace('.', '/') + "/" : "";
    String name;
    if (type.find()) {
      name = type.group(1);
    } else if (!dir.isEmpty()) {
      name = "package-info"; // a package declaration with annotations and no type
    } else {
      throw new AssertionError(snippet.where(root) + ": no class, interface, record or enum");
    }
    sources.add(new Source(dir + name + ".java", text, snippet, snippet.line() + 1));
  }

  /**
   * Members of an interface (methods with their annotations), in an interface of their own in
   * {@code packageName}; the marker's hidden setup gives the imports and the types they use
   * (declared inside that interface, before the snippet).
   */
  void addMembers(Snippet snippet, String packageName) {
    List<String> imports = new ArrayList<>();
    List<String> prelude = new ArrayList<>();
    for (String line : snippet.setup()) {
      (line.trim().startsWith("import ") ? imports : prelude).add(line.trim());
    }
    String name = "Snippet" + snippet.line();
    StringBuilder text = new StringBuilder();
    text.append("package ").append(packageName).append(";\n");
    imports.forEach(line -> text.append(line).append('\n'));
    text.append("interface ").append(name).append(" {\n");
    prelude.forEach(line -> text.append(line).append('\n'));
    int firstLine = 3 + imports.size() + prelude.size();
    text.append(snippet.code()).append("}\n");
    sources.add(
        new Source(
            packageName.replace('.', '/') + "/" + name + ".java",
            text.toString(),
            snippet,
            snippet.line() + 1 - firstLine));
  }

  /**
   * Statements, in a method of a class of their own in {@code packageName}; the marker's hidden
   * setup and the snippet's own {@code import} lines become the imports, the setup's other lines
   * come first in the method.
   */
  void addStatements(Snippet snippet, String packageName) {
    List<String> imports = new ArrayList<>();
    List<String> prelude = new ArrayList<>();
    for (String line : snippet.setup()) {
      (line.trim().startsWith("import ") ? imports : prelude).add(line.trim());
    }
    List<String> body = new ArrayList<>();
    for (String line : snippet.code().split("\n", -1)) {
      if (line.startsWith("import ")) {
        imports.add(line);
        body.add("");
      } else {
        body.add(line);
      }
    }
    String name = "Snippet" + snippet.line();
    StringBuilder text = new StringBuilder();
    text.append("package ").append(packageName).append(";\n");
    imports.forEach(line -> text.append(line).append('\n'));
    text.append("@SuppressWarnings({\"unused\", \"try\"})\n");
    text.append("final class ").append(name).append(" {\n");
    text.append("void run() throws Exception {\n");
    prelude.forEach(line -> text.append(line).append('\n'));
    int firstLine = 4 + imports.size() + prelude.size();
    text.append(String.join("\n", body)).append("\n}\n}\n");
    sources.add(
        new Source(
            packageName.replace('.', '/') + "/" + name + ".java",
            text.toString(),
            snippet,
            snippet.line() + 1 - firstLine));
  }

  /** Compiles everything added; the errors, each at its Markdown line, or none. */
  List<String> compile(Path output) throws IOException {
    JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
    DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
    Path classes = Files.createDirectories(output.resolve("classes"));
    Path generated = Files.createDirectories(output.resolve("generated"));
    try (StandardJavaFileManager files =
        javac.getStandardFileManager(diagnostics, Locale.ROOT, StandardCharsets.UTF_8)) {
      List<JavaFileObject> units = new ArrayList<>();
      for (Source source : sources) {
        units.add(new InMemorySource(source));
      }
      List<String> options =
          List.of(
              "--release", "17",
              "-classpath", classPath(),
              "-d", classes.toString(),
              "-s", generated.toString());
      JavaCompiler.CompilationTask task =
          javac.getTask(null, files, diagnostics, options, null, units);
      task.setProcessors(List.of(new AgentTraceProcessor()));
      task.call();
    }
    List<String> errors = new ArrayList<>();
    for (Diagnostic<? extends JavaFileObject> d : diagnostics.getDiagnostics()) {
      if (d.getKind() == Diagnostic.Kind.ERROR) {
        errors.add(where(d) + ": " + d.getMessage(Locale.ROOT));
      }
    }
    return errors;
  }

  /** The source the processor generated for {@code qualifiedName}, after {@link #compile}. */
  static String generated(Path output, String qualifiedName) throws IOException {
    return Files.readString(
        output.resolve("generated").resolve(qualifiedName.replace('.', '/') + ".java"));
  }

  private String where(Diagnostic<? extends JavaFileObject> d) {
    if (d.getSource() instanceof InMemorySource source) {
      Source s = source.source;
      return root.relativize(s.snippet().page())
          + ":"
          + (s.firstLine() + d.getLineNumber() - 1)
          + " ("
          + s.path()
          + ")";
    }
    return d.getSource() == null ? "javac" : d.getSource().getName();
  }

  /** The test class path: everything a user's build of the snippets would have. */
  private static String classPath() {
    String path = System.getProperty("surefire.test.class.path");
    if (path == null) {
      path = System.getProperty("java.class.path");
    }
    // The processor runs from the processor path, as in a user's build: keep it off the class path.
    return Stream.of(path.split(File.pathSeparator))
        .filter(
            entry -> !entry.contains("agenttrace-processor") && !entry.contains("processor/target"))
        .reduce((a, b) -> a + File.pathSeparator + b)
        .orElse("");
  }

  private static final class InMemorySource extends SimpleJavaFileObject {
    private final Source source;

    InMemorySource(Source source) {
      super(URI.create("string:///" + source.path()), Kind.SOURCE);
      this.source = source;
    }

    @Override
    public CharSequence getCharContent(boolean ignoreEncodingErrors) {
      return source.text();
    }
  }
}

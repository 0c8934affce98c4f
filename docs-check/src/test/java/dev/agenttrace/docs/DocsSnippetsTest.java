package dev.agenttrace.docs;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every snippet of README.md and docs/*.md says how it is exercised, and the Java ones compile,
 * with the processor, as a user would paste them. The markers (an HTML comment on the line above
 * the fence, invisible on the rendered page):
 *
 * <ul>
 *   <li>{@code <!-- check: compile -->}: a whole Java file; the page's files compile together.
 *   <li>{@code <!-- check: statements -->}: Java statements, compiled in a method; a multi-line
 *       marker holds hidden imports and declarations they need.
 *   <li>{@code <!-- check: members -->}: methods of an interface, compiled in one; a multi-line
 *       marker holds hidden imports and the types they use.
 *   <li>{@code <!-- check: generated pkg.NameTraced -->}: an excerpt of the proxy the processor
 *       writes for the page's files; its lines must appear there, in order.
 *   <li>{@code <!-- check: commands -->}, {@code <!-- check: server URL -->}: shell commands that
 *       {@code .ci/docs-commands} runs from the checkout; {@code <!-- check: ci -->}: a command
 *       that {@code .ci/run} runs as written; {@code <!-- check: consumer -->}: the Maven build
 *       that {@code .ci/consumer/run} assembles a fresh project from.
 *   <li>{@code <!-- check: manual REASON -->}: not run anywhere, with the reason.
 * </ul>
 */
class DocsSnippetsTest {
  private static final Set<String> CODE_LANGUAGES = Set.of("java", "sh", "xml", "kotlin");
  private static final Set<String> KINDS =
      Set.of(
          "compile",
          "statements",
          "members",
          "generated",
          "commands",
          "server",
          "ci",
          "consumer",
          "manual");

  private static final Path ROOT = Path.of(System.getProperty("agenttrace.root", "..")).normalize();

  @TempDir Path output;

  private static Map<Path, List<Snippet>> pages() throws IOException {
    Map<Path, List<Snippet>> pages = new TreeMap<>();
    List<Path> files = new ArrayList<>();
    files.add(ROOT.resolve("README.md"));
    try (Stream<Path> docs = Files.list(ROOT.resolve("docs"))) {
      docs.filter(p -> p.toString().endsWith(".md")).sorted().forEach(files::add);
    }
    for (Path file : files) {
      pages.put(file, Snippet.parse(file, Files.readAllLines(file)));
    }
    return pages;
  }

  @Test
  void everyCodeSnippetSaysHowItIsChecked() throws IOException {
    List<String> unmarked = new ArrayList<>();
    for (List<Snippet> snippets : pages().values()) {
      for (Snippet snippet : snippets) {
        boolean code = CODE_LANGUAGES.contains(snippet.language());
        if ((code && !KINDS.contains(snippet.kind()))
            || (!snippet.kind().isEmpty() && !KINDS.contains(snippet.kind()))) {
          unmarked.add(snippet.where(ROOT) + " (```" + snippet.language() + ")");
        }
      }
    }
    assertThat(unmarked)
        .as("code blocks without a <!-- check: KIND --> marker (KIND one of %s)", KINDS)
        .isEmpty();
  }

  @Test
  void theManualOnesSayWhy() throws IOException {
    for (List<Snippet> snippets : pages().values()) {
      for (Snippet snippet : snippets) {
        if (snippet.kind().equals("manual")) {
          assertThat(snippet.argument()).as(snippet.where(ROOT)).isNotBlank();
        }
      }
    }
  }

  @TestFactory
  Stream<DynamicTest> javaSnippetsOfEachPageCompileWithTheProcessor() throws IOException {
    List<DynamicTest> tests = new ArrayList<>();
    for (Map.Entry<Path, List<Snippet>> page : pages().entrySet()) {
      List<Snippet> java =
          page.getValue().stream()
              .filter(
                  s -> Set.of("compile", "statements", "members", "generated").contains(s.kind()))
              .toList();
      if (java.isEmpty()) {
        continue;
      }
      String name = ROOT.relativize(page.getKey()).toString();
      tests.add(DynamicTest.dynamicTest(name, () -> compilePage(name, java)));
    }
    return tests.stream();
  }

  private void compilePage(String name, List<Snippet> snippets) throws IOException {
    SnippetCompiler compiler = new SnippetCompiler(ROOT);
    String packageName = "docs." + name.replaceAll("[^A-Za-z0-9]+", "_").toLowerCase();
    for (Snippet snippet : snippets) {
      switch (snippet.kind()) {
        case "compile" -> compiler.addFile(snippet);
        case "statements" -> compiler.addStatements(snippet, packageName);
        case "members" -> compiler.addMembers(snippet, packageName);
        default -> {}
      }
    }
    Path out = Files.createDirectories(output.resolve(packageName));
    assertThat(compiler.compile(out)).as("compile errors in %s", name).isEmpty();
    for (Snippet snippet : snippets) {
      if (snippet.kind().equals("generated")) {
        assertExcerpt(snippet, SnippetCompiler.generated(out, snippet.argument()));
      }
    }
  }

  /** Each line of the excerpt (but "// ..." elisions) appears in {@code generated}, in order. */
  private static void assertExcerpt(Snippet snippet, String generated) {
    List<String> lines = generated.lines().map(String::strip).toList();
    int at = 0;
    for (String line : snippet.code().lines().map(String::strip).toList()) {
      if (line.isEmpty() || line.startsWith("// ...")) {
        continue;
      }
      String wanted = line.replaceFirst("\\s*// .*$", "");
      int found = -1;
      for (int i = at; i < lines.size(); i++) {
        if (lines.get(i).equals(wanted)) {
          found = i;
          break;
        }
      }
      assertThat(found)
          .as(
              "%s: line \"%s\" not in the generated %s (after line %d):%n%s",
              snippet.where(ROOT), wanted, snippet.argument(), at, generated)
          .isNotNegative();
      at = found + 1;
    }
  }
}

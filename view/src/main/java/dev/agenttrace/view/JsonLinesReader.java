package dev.agenttrace.view;

import dev.agenttrace.export.json.SpanJson;
import dev.agenttrace.spi.SpanData;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Reads spans from JSON Lines files, one {@link SpanJson} object per line, from any number of
 * files. A line that cannot be read is reported with its file and line number and skipped; the rest
 * are kept, so one torn line at the end of a file still being written loses one span, not the file.
 * Blank lines are ignored.
 *
 * <pre>{@code
 * JsonLinesReader reader = new JsonLinesReader();
 * reader.read(Path.of("traces.jsonl"));
 * reader.problems().forEach(System.err::println);   // traces.jsonl:7: missing string member "name"
 * List<Trace> traces = TraceAssembler.assemble(reader.spans());
 * }</pre>
 */
public final class JsonLinesReader {
  private final List<SpanData> spans = new ArrayList<>();
  private final List<String> problems = new ArrayList<>();
  private int badLines;

  /** Reads every line of {@code file} (UTF-8); a file that cannot be opened is one problem. */
  public void read(Path file) {
    try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      read(file.toString(), in);
    } catch (NoSuchFileException e) {
      problems.add(file + ": cannot read the file: no such file");
    } catch (AccessDeniedException e) {
      problems.add(file + ": cannot read the file: permission denied");
    } catch (IOException e) {
      problems.add(file + ": cannot read the file: " + describe(e));
    }
  }

  /**
   * Reads every line of {@code in}, naming it {@code source} in problems.
   *
   * @throws IOException when reading fails (lines read before stay read)
   */
  public void read(String source, Reader in) throws IOException {
    BufferedReader lines = in instanceof BufferedReader b ? b : new BufferedReader(in);
    int number = 0;
    String line;
    while ((line = lines.readLine()) != null) {
      number++;
      if (number == 1 && line.startsWith("\uFEFF")) {
        line = line.substring(1);
      }
      if (line.isBlank()) {
        continue;
      }
      try {
        spans.add(SpanJson.read(line));
      } catch (RuntimeException e) {
        badLines++;
        problems.add(source + ":" + number + ": " + describe(e));
      }
    }
  }

  /** The spans read so far, in the order read. */
  public List<SpanData> spans() {
    return Collections.unmodifiableList(spans);
  }

  /** One line per problem, {@code file:line: what is wrong}, in the order found. */
  public List<String> problems() {
    return Collections.unmodifiableList(problems);
  }

  /** How many non-blank lines could not be read as spans. */
  public int badLines() {
    return badLines;
  }

  private static String describe(Exception e) {
    String message = e.getMessage();
    return message == null || message.isBlank() ? e.getClass().getSimpleName() : message;
  }
}

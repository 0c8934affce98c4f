package dev.agenttrace.view;

import dev.agenttrace.spi.SpanData;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The command line: turns JSON Lines span files into a tree, a timeline, folded stacks, an SVG
 * flame graph, Jaeger JSON or an HTML page. The {@code agenttrace-view} module builds a runnable
 * jar with everything it needs:
 *
 * <pre>
 * java -jar agenttrace-view-VERSION-cli.jar view traces.jsonl [more.jsonl ...] --format html -o trace.html
 * </pre>
 *
 * <p>Lines that cannot be read are reported on standard error as {@code file:line: problem} and
 * skipped; everything else is rendered. Exit status: 0 when something was rendered (even with bad
 * lines), 1 when no span at all could be read, 2 for a wrong command line.
 */
public final class ViewCommand {
  static final String USAGE =
      """
      Usage: view <file.jsonl>... [--format FORMAT] [-o FILE] [--width N]
                  [--no-clock-skew-adjustment]

      Reads spans from JSON Lines files (one span per line; "-" reads standard input), rebuilds
      their traces and renders them.

        -f, --format FORMAT   tree (default)  indented tree with durations and errors
                              timeline        text waterfall scaled to each trace
                              folded          folded stacks of self time in microseconds
                                              (flamegraph.pl, speedscope)
                              svg             flame graph, one self-contained SVG file
                              html            interactive trace page, one self-contained file
                              jaeger          Jaeger JSON (Jaeger UI: Search > JSON File)
        -o, --output FILE     write to FILE instead of standard output
            --width N         bar columns of the timeline (default 60)
            --no-clock-skew-adjustment
                              show timestamps as recorded, even when services' clocks disagree
        -h, --help            show this help

      Exit status: 0 rendered (unreadable lines are reported on standard error and skipped),
      1 no span could be read, 2 wrong command line.
      """;

  private ViewCommand() {}

  /** Runs the command and exits with its status. */
  public static void main(String[] args) {
    int status = run(args, System.out, System.err);
    System.out.flush();
    System.exit(status);
  }

  /**
   * Runs the command, writing the rendering to {@code out} (UTF-8) unless {@code -o} names a file,
   * and problems to {@code err}.
   *
   * @return the exit status
   */
  public static int run(String[] args, OutputStream out, PrintStream err) {
    Options options;
    try {
      options = Options.parse(args);
    } catch (IllegalArgumentException e) {
      err.println("view: " + e.getMessage());
      err.println("Try --help for usage.");
      return 2;
    }
    if (options.help) {
      write(USAGE, out, err);
      return 0;
    }
    JsonLinesReader reader = new JsonLinesReader();
    for (String file : options.files) {
      if (file.equals("-")) {
        try {
          reader.read("<stdin>", new InputStreamReader(System.in, StandardCharsets.UTF_8));
        } catch (IOException e) {
          err.println("<stdin>: cannot read: " + e.getMessage());
        }
      } else {
        reader.read(Path.of(file));
      }
    }
    for (String problem : reader.problems()) {
      err.println(problem);
    }
    List<SpanData> spans = reader.spans();
    if (reader.badLines() > 0 && !spans.isEmpty()) {
      err.println(
          "view: skipped "
              + reader.badLines()
              + (reader.badLines() == 1 ? " unreadable line" : " unreadable lines")
              + ", rendering the "
              + spans.size()
              + (spans.size() == 1 ? " span" : " spans")
              + " read");
    }
    if (spans.isEmpty()) {
      err.println("view: no span could be read from " + String.join(", ", options.files));
      return 1;
    }
    List<Trace> traces = TraceAssembler.assemble(spans, options.adjustClockSkew);
    String rendered = render(options, traces);
    if (options.output == null) {
      return write(rendered, out, err) ? 0 : 1;
    }
    try {
      Path output = Path.of(options.output);
      Files.writeString(output, rendered, StandardCharsets.UTF_8);
      err.println(
          "view: wrote "
              + output
              + " ("
              + traces.size()
              + (traces.size() == 1 ? " trace, " : " traces, ")
              + spans.size()
              + " spans)");
      return 0;
    } catch (IOException | RuntimeException e) {
      err.println("view: cannot write " + options.output + ": " + e);
      return 1;
    }
  }

  private static String render(Options options, List<Trace> traces) {
    switch (options.format) {
      case "tree":
        return TreeRenderer.renderTraces(traces);
      case "timeline":
        return TimelineRenderer.render(traces, options.width);
      case "folded":
        return FoldedStacksRenderer.render(traces);
      case "svg":
        return FlameGraphSvgRenderer.render(traces);
      case "html":
        return HtmlPageRenderer.render(traces);
      case "jaeger":
        return JaegerJsonRenderer.render(traces);
      default:
        throw new AssertionError(options.format);
    }
  }

  private static boolean write(String text, OutputStream out, PrintStream err) {
    try {
      out.write(text.getBytes(StandardCharsets.UTF_8));
      out.flush();
      return true;
    } catch (IOException e) {
      err.println("view: cannot write the output: " + e.getMessage());
      return false;
    }
  }

  /** The parsed command line. */
  private static final class Options {
    static final List<String> FORMATS =
        List.of("tree", "timeline", "folded", "svg", "html", "jaeger");

    final List<String> files = new ArrayList<>();
    String format = "tree";
    String output;
    int width = TimelineRenderer.DEFAULT_WIDTH;
    boolean adjustClockSkew = true;
    boolean help;

    static Options parse(String[] args) {
      Options options = new Options();
      int i = args.length > 0 && args[0].equals("view") ? 1 : 0;
      for (; i < args.length; i++) {
        String arg = args[i];
        switch (arg) {
          case "-h", "--help" -> options.help = true;
          case "-f", "--format" -> {
            options.format = value(args, ++i, arg).toLowerCase(Locale.ROOT);
            if (!FORMATS.contains(options.format)) {
              throw new IllegalArgumentException(
                  "unknown format \"" + args[i] + "\"; use one of " + String.join(", ", FORMATS));
            }
          }
          case "-o", "--output" -> options.output = value(args, ++i, arg);
          case "--width" -> {
            String width = value(args, ++i, arg);
            try {
              options.width = Integer.parseInt(width);
            } catch (NumberFormatException e) {
              options.width = -1;
            }
            if (options.width < 10 || options.width > 1000) {
              throw new IllegalArgumentException(
                  "--width must be a number of columns from 10 to 1000, not \"" + width + "\"");
            }
          }
          case "--no-clock-skew-adjustment" -> options.adjustClockSkew = false;
          default -> {
            if (arg.startsWith("-") && !arg.equals("-")) {
              throw new IllegalArgumentException("unknown option " + arg);
            }
            options.files.add(arg);
          }
        }
      }
      if (options.files.isEmpty() && !options.help) {
        throw new IllegalArgumentException("name at least one JSON Lines file to read");
      }
      return options;
    }

    private static String value(String[] args, int i, String option) {
      if (i >= args.length) {
        throw new IllegalArgumentException(option + " needs a value");
      }
      return args[i];
    }
  }
}

package dev.agenttrace.docs;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A fenced code block of a Markdown page with the {@code <!-- check: KIND ARGS -->} comment just
 * above it, which says how the block is exercised. A comment may span lines; the lines between its
 * first and last line are its hidden {@code setup} (imports and declarations a fragment needs).
 *
 * @param page the Markdown file
 * @param line the line of the opening fence, 1-based
 * @param language the fence's language, such as {@code java}, or empty
 * @param kind the check, such as {@code compile}; empty when the block has no marker
 * @param argument the rest of the marker's first line
 * @param setup the hidden lines of a multi-line marker
 * @param code the block's text
 */
record Snippet(
    Path page,
    int line,
    String language,
    String kind,
    String argument,
    List<String> setup,
    String code) {

  private static final Pattern FENCE = Pattern.compile("^(\\s*)```\\s*([\\w-]*)\\s*$");
  private static final Pattern MARKER =
      Pattern.compile("^<!-- check: ([\\w-]+)\\s*(.*?)\\s*(-->)?$");

  /** Where the block is, for messages: {@code README.md:42}. */
  String where(Path root) {
    return root.relativize(page) + ":" + line;
  }

  /** The code blocks of {@code lines}, the text of {@code page}. */
  static List<Snippet> parse(Path page, List<String> lines) {
    List<Snippet> snippets = new ArrayList<>();
    for (int i = 0; i < lines.size(); i++) {
      Matcher open = FENCE.matcher(lines.get(i));
      if (!open.matches()) {
        continue;
      }
      String indent = open.group(1);
      StringBuilder code = new StringBuilder();
      int end = i + 1;
      while (end < lines.size() && !lines.get(end).trim().equals("```")) {
        String text = lines.get(end);
        code.append(text.startsWith(indent) ? text.substring(indent.length()) : text).append('\n');
        end++;
      }
      snippets.add(withMarker(page, lines, i, open.group(2), code.toString()));
      i = end;
    }
    return snippets;
  }

  private static Snippet withMarker(
      Path page, List<String> lines, int fence, String language, String code) {
    int last = fence - 1;
    if (last < 0 || !lines.get(last).trim().endsWith("-->")) {
      return new Snippet(page, fence + 1, language, "", "", List.of(), code);
    }
    int first = last;
    while (first > 0 && !lines.get(first).trim().startsWith("<!--")) {
      first--;
    }
    Matcher marker = MARKER.matcher(lines.get(first).trim());
    if (!marker.matches()) {
      return new Snippet(page, fence + 1, language, "", "", List.of(), code);
    }
    List<String> setup = new ArrayList<>();
    for (int j = first + 1; j < last; j++) {
      setup.add(lines.get(j));
    }
    if (first != last && !lines.get(last).trim().equals("-->")) {
      setup.add(lines.get(last).trim().replaceFirst("-->$", ""));
    }
    return new Snippet(
        page, fence + 1, language, marker.group(1), marker.group(2), List.copyOf(setup), code);
  }
}

package dev.agenttrace.processor;

import com.palantir.javapoet.CodeBlock;
import java.util.ArrayList;
import java.util.List;

/**
 * A JavaPoet {@link CodeBlock} with its names, plain strings and text arguments written into the
 * format, so that JavaPoet emits it in a few fragments instead of one per argument: JavaPoet's
 * {@code CodeWriter} runs a regular-expression split on every fragment, twice per file (once to
 * collect the imports, once to write), which was the largest single cost in the processor's
 * profile. The rendered source is exactly what the same format and arguments give.
 *
 * <p>Inlined: {@code $N} and {@code $L} with a {@code String} argument, and {@code $S} with a
 * string JavaPoet would write as it is (no quote, backslash or control character). Everything else
 * ({@code $T}, which decides the imports, {@code $L} of a {@code CodeBlock}, strings that need
 * escaping, {@code $W}, {@code $Z}, {@code $>}...) is left to JavaPoet unchanged.
 */
final class InlineFormat {
  private InlineFormat() {}

  static CodeBlock of(String format, Object... args) {
    StringBuilder inlined = new StringBuilder(format.length() + 16 * args.length);
    List<Object> kept = new ArrayList<>(args.length);
    append(inlined, kept, format, args);
    return CodeBlock.of(inlined.toString(), kept.toArray());
  }

  /**
   * Appends {@code format} to {@code inlined} with what can be inlined written in, and the
   * arguments left to JavaPoet to {@code kept}.
   */
  static void append(StringBuilder inlined, List<Object> kept, String format, Object... args) {
    int next = 0;
    for (int i = 0; i < format.length(); i++) {
      char c = format.charAt(i);
      if (c != '$' || i + 1 == format.length()) {
        inlined.append(c);
        continue;
      }
      char placeholder = format.charAt(++i);
      switch (placeholder) {
        case 'N', 'L', 'S', 'T' -> {
          Object arg = args[next++];
          if (placeholder != 'T'
              && arg instanceof String text
              && (placeholder != 'S' || isPlain(text))) {
            if (placeholder == 'S') {
              appendEscaped(inlined.append('"'), text).append('"');
            } else {
              appendEscaped(inlined, text);
            }
          } else {
            inlined.append('$').append(placeholder);
            kept.add(arg);
          }
        }
        default -> inlined.append('$').append(placeholder);
      }
    }
  }

  /** Whether JavaPoet's {@code $S} writes {@code text} between quotes with nothing escaped. */
  private static boolean isPlain(String text) {
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '"' || c == '\\' || Character.isISOControl(c)) {
        return false;
      }
    }
    return true;
  }

  /** Appends {@code text} as format text: a {@code $} (legal in identifiers) doubled. */
  private static StringBuilder appendEscaped(StringBuilder out, String text) {
    if (text.indexOf('$') < 0) {
      return out.append(text);
    }
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      out.append(c);
      if (c == '$') {
        out.append('$');
      }
    }
    return out;
  }
}

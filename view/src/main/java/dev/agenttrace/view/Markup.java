package dev.agenttrace.view;

/** Escaping for text put into SVG, XML and HTML, shared by the renderers that write markup. */
final class Markup {
  private Markup() {}

  /**
   * {@code text} safe as element content or a quoted attribute value: markup characters escaped,
   * control characters that XML forbids replaced by spaces.
   */
  static String escape(String text) {
    StringBuilder out = new StringBuilder(text.length() + 16);
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      switch (c) {
        case '&' -> out.append("&amp;");
        case '<' -> out.append("&lt;");
        case '>' -> out.append("&gt;");
        case '"' -> out.append("&quot;");
        case '\'' -> out.append("&#39;");
        default -> out.append(c < 0x20 && c != '\n' && c != '\t' ? ' ' : c);
      }
    }
    return out.toString();
  }
}

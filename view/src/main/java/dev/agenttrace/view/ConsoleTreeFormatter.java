package dev.agenttrace.view;

import dev.agenttrace.config.TraceFormatter;
import dev.agenttrace.spi.SpanData;
import java.util.List;

/**
 * Prints the embedded console's traces as trees ({@link TreeRenderer}). Found by the runtime's
 * console through {@link java.util.ServiceLoader} when this module is on the class path.
 */
public final class ConsoleTreeFormatter implements TraceFormatter {

  @Override
  public String format(List<SpanData> spans) {
    return TreeRenderer.render(spans);
  }
}

package dev.agenttrace.config;

import dev.agenttrace.spi.SpanData;
import java.util.List;

/**
 * Turns one finished trace into the text the embedded console prints. The core runtime carries no
 * renderer of its own: the {@code agenttrace-view} module provides the tree formatter through
 * {@link java.util.ServiceLoader} (list the implementation in {@code
 * META-INF/services/dev.agenttrace.config.TraceFormatter}). Without one on the class path the
 * console prints a one-line summary per trace and says which artifact prints trees.
 *
 * <p>Called on the console's own thread, never on a traced caller's thread.
 */
public interface TraceFormatter {

  /**
   * The text for one trace, ending with a line break.
   *
   * @param spans every span of the trace that was kept, in the order they ended
   */
  String format(List<SpanData> spans);
}

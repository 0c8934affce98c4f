package dev.agenttrace.config;

import dev.agenttrace.SpanData;
import dev.agenttrace.processing.TraceListener;
import dev.agenttrace.view.TreeRenderer;
import java.io.PrintStream;
import java.util.List;

/** The embedded console output: prints each trace as a tree when its root span ends. */
final class ConsoleTraceListener implements TraceListener {
  private final PrintStream out;

  ConsoleTraceListener(PrintStream out) {
    this.out = out;
  }

  @Override
  public void traceEnded(SpanData root, List<SpanData> spans) {
    String tree = TreeRenderer.render(spans);
    synchronized (out) {
      out.print(tree);
      out.flush();
    }
  }

  @Override
  public String toString() {
    return "console";
  }
}

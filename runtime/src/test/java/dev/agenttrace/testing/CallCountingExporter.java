package dev.agenttrace.testing;

import dev.agenttrace.spi.ExportResult;
import dev.agenttrace.spi.SpanData;
import dev.agenttrace.spi.SpanExporter;
import java.util.Collection;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Counts every call that starts into {@code delegate} (export, flush and shutdown), so that a test
 * can assert that none starts after a processor's shutdown returned.
 */
public final class CallCountingExporter implements SpanExporter {
  private final SpanExporter delegate;
  private final AtomicInteger calls = new AtomicInteger();

  public CallCountingExporter(SpanExporter delegate) {
    this.delegate = delegate;
  }

  @Override
  public ExportResult export(Collection<SpanData> spans) {
    calls.incrementAndGet();
    return delegate.export(spans);
  }

  @Override
  public ExportResult flush() {
    calls.incrementAndGet();
    return delegate.flush();
  }

  @Override
  public ExportResult shutdown() {
    calls.incrementAndGet();
    return delegate.shutdown();
  }

  /** Calls started so far. */
  public int calls() {
    return calls.get();
  }

  @Override
  public String toString() {
    return delegate.toString();
  }
}

package dev.agenttrace.metrics;

/**
 * What an exporter or batch processor reports about the spans it hands on, so that tracing can be
 * watched like any other dependency. {@link TracingMetrics} implements it.
 *
 * <p>The contract, per span: a span is reported at most once, by the component that finally deals
 * with it, as exactly one of exported (the backend accepted it), failed (the backend refused it or
 * could not be reached, after any retries) or dropped (never sent: a full queue, a shut-down
 * exporter). Calls come from the exporting thread (for a drop, from the thread that ended the
 * span), must be cheap, allocate nothing and never throw.
 */
public interface ExportObserver {

  /** A batch of {@code spans} spans was accepted by the backend. */
  void exportSucceeded(int spans);

  /** A batch of {@code spans} spans could not be delivered, retries included. */
  void exportFailed(int spans);

  /** {@code spans} spans were dropped before any attempt to send them. */
  void spansDropped(int spans);
}

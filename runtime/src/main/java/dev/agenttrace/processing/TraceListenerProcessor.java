package dev.agenttrace.processing;

import static java.util.Objects.requireNonNull;

import dev.agenttrace.spi.ReadWriteSpan;
import dev.agenttrace.spi.SpanData;
import dev.agenttrace.spi.SpanProcessor;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A span processor that gathers the spans of each trace and calls a {@link TraceListener} when the
 * trace starts and when its local root ends.
 *
 * <p>Memory is bounded: at most {@code maxOpenTraces} traces are gathered at once and at most
 * {@code maxSpansPerTrace} spans each; spans beyond that are left out of the callback and counted
 * ({@link #overflowSpans()}). A trace whose root never ends stays until the processor shuts down.
 *
 * <pre>{@code
 * TracerSdk.builder().addSpanProcessor(TraceListenerProcessor.create((root, spans) ->
 *     log.info("agent run {} took {} ms in {} spans", root.name(),
 *         root.durationNanos() / 1_000_000, spans.size())));
 * }</pre>
 */
public final class TraceListenerProcessor implements SpanProcessor {
  private static final Logger logger = LoggerFactory.getLogger(TraceListenerProcessor.class);

  private final TraceListener listener;
  private final int maxOpenTraces;
  private final int maxSpansPerTrace;
  private final Map<TraceKey, OpenTrace> open = new ConcurrentHashMap<>();
  private final AtomicLong overflow = new AtomicLong();

  private TraceListenerProcessor(TraceListener listener, int maxOpenTraces, int maxSpansPerTrace) {
    this.listener = listener;
    this.maxOpenTraces = maxOpenTraces;
    this.maxSpansPerTrace = maxSpansPerTrace;
  }

  /** Calls {@code listener}, gathering up to 10,000 open traces of up to 10,000 spans each. */
  public static TraceListenerProcessor create(TraceListener listener) {
    return create(listener, 10_000, 10_000);
  }

  /** Calls {@code listener} with the given bounds. */
  public static TraceListenerProcessor create(
      TraceListener listener, int maxOpenTraces, int maxSpansPerTrace) {
    if (maxOpenTraces < 1 || maxSpansPerTrace < 1) {
      throw new IllegalArgumentException("bounds must be positive");
    }
    return new TraceListenerProcessor(
        requireNonNull(listener, "listener"), maxOpenTraces, maxSpansPerTrace);
  }

  @Override
  public void onStart(ReadWriteSpan span) {
    if (!span.isLocalRoot()) {
      return;
    }
    TraceKey key = TraceKey.of(span);
    if (open.size() >= maxOpenTraces && !open.containsKey(key)) {
      overflow.incrementAndGet();
      return;
    }
    // Counted inside compute: onEnd removes the trace inside compute too, so a second local root
    // either joins the open trace before its last root ends or starts a fresh one, never a
    // trace that was just handed to the listener.
    open.compute(
        key,
        (k, trace) -> {
          OpenTrace counted = trace == null ? new OpenTrace() : trace;
          counted.roots++;
          return counted;
        });
    try {
      listener.traceStarted(span);
    } catch (RuntimeException e) {
      logger.warn("Trace listener {} failed in traceStarted", listener, e);
    }
  }

  @Override
  public void onEnd(SpanData span) {
    TraceKey key = TraceKey.of(span);
    OpenTrace trace = open.get(key);
    if (trace == null) {
      return;
    }
    if (!span.isLocalRoot()) {
      synchronized (trace) {
        add(trace, span);
      }
      return;
    }
    List<List<SpanData>> ended = new ArrayList<>(1);
    open.computeIfPresent(
        key,
        (k, current) -> {
          synchronized (current) {
            add(current, span);
            if (--current.roots > 0) {
              return current;
            }
            ended.add(List.copyOf(current.spans));
            return null;
          }
        });
    if (ended.isEmpty()) {
      return;
    }
    List<SpanData> spans = ended.get(0);
    try {
      listener.traceEnded(span, spans);
    } catch (RuntimeException e) {
      logger.warn("Trace listener {} failed in traceEnded", listener, e);
    }
  }

  private void add(OpenTrace trace, SpanData span) {
    if (trace.spans.size() < maxSpansPerTrace) {
      trace.spans.add(span);
    } else {
      overflow.incrementAndGet();
    }
  }

  /** Traces started and not yet ended. */
  public int openTraces() {
    return open.size();
  }

  /** Spans and traces left out because a bound was reached. */
  public long overflowSpans() {
    return overflow.get();
  }

  @Override
  public boolean shutdown(java.time.Duration timeout) {
    open.clear();
    return true;
  }

  @Override
  public String toString() {
    return "TraceListenerProcessor{" + listener + ", open=" + open.size() + '}';
  }

  private record TraceKey(long high, long low) {
    static TraceKey of(SpanData span) {
      return new TraceKey(span.traceIdHigh(), span.traceIdLow());
    }
  }

  private static final class OpenTrace {
    /** Local roots started and not ended; changed only inside the map's compute for the key. */
    int roots;

    final List<SpanData> spans = new ArrayList<>();
  }
}

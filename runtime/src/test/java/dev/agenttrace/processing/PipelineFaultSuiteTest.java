package dev.agenttrace.processing;

import static org.assertj.core.api.Assertions.assertThat;

import dev.agenttrace.Context;
import dev.agenttrace.Span;
import dev.agenttrace.StatusCode;
import dev.agenttrace.export.zipkin.ZipkinSpanExporter;
import dev.agenttrace.metrics.MetricsSnapshot;
import dev.agenttrace.metrics.PrometheusTextFormat;
import dev.agenttrace.metrics.TailSamplingStats;
import dev.agenttrace.metrics.TracingMetrics;
import dev.agenttrace.sdk.TracerSdk;
import dev.agenttrace.testing.CallCountingExporter;
import dev.agenttrace.testing.LoopbackServer;
import dev.agenttrace.testing.RecordingLogger;
import dev.agenttrace.testing.SilentServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.IntSupplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The whole pipeline (self-metrics, tail sampling, batch export to Zipkin over real HTTP) against
 * backends that fail in each way a real one does, on 127.0.0.1: a closed port, a slow server, HTTP
 * 500 and a server that accepts connections and never answers. Whatever the backend does, the
 * counters add up exactly once the tracer is shut down, and no exporter call starts afterwards.
 */
class PipelineFaultSuiteTest {
  private static final int TRACES = 1_000;
  private static final Pattern SUPPRESSED =
      Pattern.compile("WARN \\((\\d+) similar warnings suppressed since the last one\\)");
  private static final Pattern DROPPED =
      Pattern.compile("WARN Export queue of .* dropped (\\d+) spans since the last warning .*");
  private static final Pattern GAVE_UP =
      Pattern.compile(
          "WARN Span export to .* gave up on it: (\\d+) spans in flight counted as failed,"
              + " (\\d+) still queued counted as dropped");

  private final TracingMetrics tracing = TracingMetrics.create();
  private final RecordingLogger warnings = new RecordingLogger("export");
  private final ScheduledExecutorService asyncTools = Executors.newSingleThreadScheduledExecutor();
  private CallCountingExporter exporter;
  private BatchSpanProcessor batch;
  private TailSamplingProcessor tail;
  private TracerSdk tracer;
  private AutoCloseable backend;

  @AfterEach
  void stop() throws Exception {
    asyncTools.shutdownNow();
    if (tracer != null) {
      tracer.shutdown(Duration.ofMillis(100));
    }
    if (backend != null) {
      backend.close();
    }
  }

  private void pipeline(int port, Duration attemptTimeout, int retries, int queueSize) {
    exporter =
        new CallCountingExporter(
            ZipkinSpanExporter.builder()
                .endpoint("http://127.0.0.1:" + port + "/api/v2/spans")
                .timeout(attemptTimeout)
                .maxRetries(retries)
                .backoff(Duration.ofMillis(5), Duration.ofMillis(10))
                .build());
    batch =
        BatchSpanProcessor.builder(exporter)
            .maxQueueSize(queueSize)
            .maxExportBatchSize(Math.min(128, queueSize / 4))
            .scheduleDelay(Duration.ofMillis(20))
            .exportTimeout(attemptTimeout.multipliedBy(4))
            .metrics(tracing)
            .warningLogger(warnings)
            .warningInterval(Duration.ofHours(1))
            .build();
    tail =
        TailSamplingProcessor.builder(batch)
            .keepProbability(0.5)
            .slowerThan(Duration.ofSeconds(10))
            .lateSpanWait(Duration.ofMillis(500))
            .sweepInterval(Duration.ofMillis(10))
            .build();
    tracer =
        TracerSdk.builder()
            .serviceName("faults")
            .sampler(Sampler.alwaysOn())
            .addSpanProcessor(tracing)
            .addSpanProcessor(tail)
            .build();
  }

  /**
   * Traces of three or four spans: every tenth fails, every twentieth has a tool still running when
   * its root ends, which ends a few milliseconds later on another thread.
   */
  private void traffic() throws InterruptedException {
    for (int i = 0; i < TRACES; i++) {
      Span root = tracer.spanBuilder("invoke_agent support").setNoParent().startSpan();
      Context inRoot = Context.root().with(root);
      tracer.spanBuilder("chat model").setParent(inRoot).startSpan().end();
      Span tool = tracer.spanBuilder("execute_tool lookup_order").setParent(inRoot).startSpan();
      if (i % 10 == 0) {
        tool.setStatus(StatusCode.ERROR, "order service down");
      }
      tool.end();
      if (i % 20 == 5) {
        Span async = tracer.spanBuilder("execute_tool notify").setParent(inRoot).startSpan();
        Runnable end = async::end;
        asyncTools.schedule(end, 3, TimeUnit.MILLISECONDS);
      }
      root.end();
    }
    asyncTools.shutdown();
    assertThat(asyncTools.awaitTermination(10, TimeUnit.SECONDS)).isTrue();
  }

  /**
   * Shuts the tracer down within {@code timeout}, then checks that no exporter call starts
   * afterwards, that the backend sees no request (as {@code requests} counts them) but those of a
   * call still in flight when shutdown gave up on it, and that every counter adds up.
   */
  private boolean shutDownAndCheckInvariants(Duration timeout, IntSupplier requests)
      throws InterruptedException {
    boolean clean = tracer.shutdown(timeout);
    int callsAtShutdown = exporter.calls();
    int requestsAtShutdown = requests.getAsInt();
    MetricsSnapshot batchAtShutdown = batch.metrics();
    MetricsSnapshot metrics = tracing.snapshot();
    TailSamplingStats decisions = tail.stats();
    Thread.sleep(400); // longer than any attempt: a stuck call returns meanwhile

    assertThat(exporter.calls()).as("exporter calls after shutdown").isEqualTo(callsAtShutdown);
    // A call in flight when shutdown gave up started before it returned; its connection may
    // reach the server a moment later. Apart from that one, no request follows shutdown.
    assertThat(requests.getAsInt())
        .as("requests after shutdown")
        .isBetween(requestsAtShutdown, requestsAtShutdown + (gaveUp() ? 1 : 0));
    assertThat(batch.metrics()).as("counted again after shutdown").isEqualTo(batchAtShutdown);
    assertThat(tracing.snapshot().spansExported() + tracing.snapshot().spansFailed())
        .isEqualTo(metrics.spansExported() + metrics.spansFailed());

    assertThat(metrics.spansStarted()).isEqualTo(metrics.spansEnded()).isPositive();
    assertThat(decisions.spansReceived()).isEqualTo(metrics.spansEnded());
    assertThat(decisions.spansBuffered()).isZero();
    assertThat(metrics.spansEnded())
        .as("ended = dropped by tail sampling + exported + failed + dropped by the queue")
        .isEqualTo(
            decisions.spansDropped()
                + metrics.spansExported()
                + metrics.spansFailed()
                + metrics.spansDropped());
    assertThat(decisions.spansForwarded())
        .isEqualTo(
            batchAtShutdown.spansExported()
                + batchAtShutdown.spansFailed()
                + batchAtShutdown.spansDropped());
    assertThat(batchAtShutdown.spansExported()).isEqualTo(metrics.spansExported());
    assertThat(batchAtShutdown.spansFailed()).isEqualTo(metrics.spansFailed());
    assertThat(batchAtShutdown.spansDropped()).isEqualTo(metrics.spansDropped());

    assertThat(decisions.tracesSeen()).isEqualTo(metrics.traces()).isEqualTo(TRACES);
    assertThat(decisions.tracesPending()).isZero();
    assertThat(decisions.decidedTraces()).isEqualTo(decisions.tracesSeen());
    assertThat(decisions.tracesKeptForError()).isEqualTo(TRACES / 10);

    String scrape = PrometheusTextFormat.write(metrics);
    assertThat(scrape)
        .contains(
            "agenttrace_export_spans_total{outcome=\"success\"} " + metrics.spansExported() + "\n",
            "agenttrace_export_spans_total{outcome=\"failure\"} " + metrics.spansFailed() + "\n",
            "agenttrace_export_spans_total{outcome=\"dropped\"} " + metrics.spansDropped() + "\n");
    return clean;
  }

  /**
   * Every failed batch is either a warning line or in a "suppressed" count, with one warning per
   * hour allowed; every span dropped from the full queue is in exactly one drop warning's count.
   * What shutdown counts when it gives up is reported in a line of its own.
   */
  private void assertEveryWarningIsLoggedOrCountedAsSuppressed() {
    long failureLines = 0;
    long suppressed = 0;
    long dropLines = 0;
    long droppedInWarnings = 0;
    long failedAtGiveUp = 0;
    long droppedAtGiveUp = 0;
    for (String message : warnings.messages()) {
      Matcher count = SUPPRESSED.matcher(message);
      Matcher dropped = DROPPED.matcher(message);
      Matcher gaveUp = GAVE_UP.matcher(message);
      if (count.matches()) {
        suppressed += Long.parseLong(count.group(1));
      } else if (dropped.matches()) {
        dropLines++;
        droppedInWarnings += Long.parseLong(dropped.group(1));
      } else if (gaveUp.matches()) {
        failedAtGiveUp = Long.parseLong(gaveUp.group(1));
        droppedAtGiveUp = Long.parseLong(gaveUp.group(2));
      } else {
        failureLines++;
      }
    }
    MetricsSnapshot metrics = tracing.snapshot();
    long failedBatches = metrics.exportBatchesFailed() - (failedAtGiveUp > 0 ? 1 : 0);
    long droppedFromFullQueue = metrics.spansDropped() - droppedAtGiveUp;
    assertThat(failureLines).isLessThanOrEqualTo(1);
    assertThat(failureLines + suppressed).isEqualTo(failedBatches);
    assertThat(dropLines).isLessThanOrEqualTo(2); // the first drop's, and shutdown's
    assertThat(droppedInWarnings).isEqualTo(droppedFromFullQueue);
  }

  private boolean gaveUp() {
    return warnings.messages().stream().anyMatch(message -> GAVE_UP.matcher(message).matches());
  }

  private static int closedPort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    }
  }

  @Test
  void aClosedPortFailsEveryBatchAndTheCountersAddUp() throws Exception {
    pipeline(closedPort(), Duration.ofMillis(300), 1, 4_096);

    traffic();
    boolean clean = shutDownAndCheckInvariants(Duration.ofSeconds(10), () -> 0);

    assertThat(clean).isFalse(); // the last flush failed
    assertThat(tracing.snapshot().spansExported()).isZero();
    assertThat(tracing.snapshot().spansFailed()).isPositive();
    assertEveryWarningIsLoggedOrCountedAsSuppressed();
  }

  @Test
  void http500FailsEveryBatchAfterItsRetryAndTheCountersAddUp() throws Exception {
    LoopbackServer server = LoopbackServer.start();
    backend = server;
    server.answer(500);
    pipeline(server.port(), Duration.ofMillis(300), 1, 4_096);

    traffic();
    shutDownAndCheckInvariants(Duration.ofSeconds(10), server::attempts);

    assertThat(tracing.snapshot().spansFailed()).isPositive();
    assertThat(tracing.snapshot().spansExported()).isZero();
    assertThat(server.attempts()).isEqualTo(2 * (int) tracing.snapshot().exportBatchesFailed());
    assertEveryWarningIsLoggedOrCountedAsSuppressed();
  }

  @Test
  void aSlowBackendMakesTheFullQueueDropAndTheCountersAddUp() throws Exception {
    LoopbackServer server = LoopbackServer.start();
    backend = server;
    server.delay(100);
    pipeline(server.port(), Duration.ofSeconds(5), 1, 64); // slow, never too slow to answer

    traffic();
    boolean clean = shutDownAndCheckInvariants(Duration.ofSeconds(10), server::attempts);

    assertThat(clean).isTrue();
    assertThat(tracing.snapshot().spansExported()).isPositive();
    assertThat(tracing.snapshot().spansDropped()).isPositive();
    assertThat(tracing.snapshot().spansFailed()).isZero();
    assertEveryWarningIsLoggedOrCountedAsSuppressed();
  }

  @Test
  void aServerThatNeverAnswersIsGivenUpOnAtShutdownAndTheCountersAddUp() throws Exception {
    SilentServer server = SilentServer.start();
    backend = server;
    // No retry: a retry inside the call in flight at shutdown would be a new request afterwards.
    pipeline(server.port(), Duration.ofMillis(300), 0, 64);

    traffic();
    boolean clean = shutDownAndCheckInvariants(Duration.ofMillis(500), server::accepted);

    assertThat(clean).isFalse();
    assertThat(tracing.snapshot().spansExported()).isZero();
    assertThat(tracing.snapshot().spansFailed() + tracing.snapshot().spansDropped()).isPositive();
    assertThat(gaveUp()).as("the give-up warning").isTrue();
    assertEveryWarningIsLoggedOrCountedAsSuppressed();
  }
}

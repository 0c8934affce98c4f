package dev.agenttrace.export.zipkin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import dev.agenttrace.Scope;
import dev.agenttrace.Span;
import dev.agenttrace.metrics.MetricsSnapshot;
import dev.agenttrace.metrics.TracingMetrics;
import dev.agenttrace.processing.BatchSpanProcessor;
import dev.agenttrace.sdk.TracerSdk;
import dev.agenttrace.testing.LoopbackServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The backend misbehaves in each way a real one does, on a real loopback port; the traced calls
 * never notice, losses are counted, and export resumes when the backend is back.
 */
class ExportFaultsTest {
  private final TracingMetrics metrics = TracingMetrics.create();
  private TracerSdk tracer;
  private BatchSpanProcessor batch;
  private LoopbackServer server;

  @AfterEach
  void stop() {
    if (tracer != null) {
      tracer.shutdown(Duration.ofSeconds(5));
    }
    if (server != null) {
      server.close();
    }
  }

  private void pipeline(int port, int queueSize, Duration exportTimeout, int retries) {
    ZipkinSpanExporter exporter =
        ZipkinSpanExporter.builder()
            .endpoint("http://127.0.0.1:" + port + "/api/v2/spans")
            .timeout(exportTimeout)
            .maxRetries(retries)
            .backoff(Duration.ofMillis(10), Duration.ofMillis(20))
            .build();
    batch =
        BatchSpanProcessor.builder(exporter)
            .maxQueueSize(queueSize)
            .maxExportBatchSize(Math.min(64, queueSize))
            .scheduleDelay(Duration.ofMillis(20))
            .exportTimeout(exportTimeout.multipliedBy(retries + 2))
            .metrics(metrics)
            .build();
    tracer =
        TracerSdk.builder()
            .serviceName("faults")
            .addSpanProcessor(metrics)
            .addSpanProcessor(batch)
            .build();
  }

  /** Runs {@code count} traced calls (a parent with one child each) and returns their result. */
  private int tracedCalls(int count) {
    int answered = 0;
    for (int i = 0; i < count; i++) {
      Span call = tracer.spanBuilder("invoke_agent support").startSpan();
      try (Scope scope = call.makeCurrent()) {
        Span tool = tracer.spanBuilder("execute_tool lookup_order").startSpan();
        tool.end();
        answered++;
      } finally {
        call.end();
      }
    }
    return answered;
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    }
  }

  @Test
  void backendDownAtStartCountsFailuresThenExportResumesWhenItComesUp() throws IOException {
    int port = freePort();
    pipeline(port, 1024, Duration.ofMillis(500), 1);

    int answered = assertTimeoutPreemptively(Duration.ofSeconds(10), () -> tracedCalls(10));
    batch.forceFlush(Duration.ofSeconds(10));

    assertThat(answered).isEqualTo(10);
    assertThat(metrics.snapshot().spansFailed()).isEqualTo(20);
    assertThat(metrics.snapshot().spansExported()).isZero();

    server = LoopbackServer.startOn(port);
    tracedCalls(5);
    batch.forceFlush(Duration.ofSeconds(10));

    assertThat(metrics.snapshot().spansExported()).isEqualTo(10);
    assertThat(server.accepted()).isNotEmpty();
  }

  @Test
  void backendGoingDownMidRunLosesOnlyWhatWasSentMeanwhile() throws IOException {
    server = LoopbackServer.start();
    int port = server.port();
    pipeline(port, 1024, Duration.ofMillis(500), 1);
    tracedCalls(5);
    batch.forceFlush(Duration.ofSeconds(10));
    assertThat(metrics.snapshot().spansExported()).isEqualTo(10);

    server.close();
    int answered = assertTimeoutPreemptively(Duration.ofSeconds(10), () -> tracedCalls(5));
    batch.forceFlush(Duration.ofSeconds(10));
    assertThat(answered).isEqualTo(5);
    assertThat(metrics.snapshot().spansFailed()).isEqualTo(10);

    server = LoopbackServer.startOn(port);
    tracedCalls(5);
    batch.forceFlush(Duration.ofSeconds(10));
    assertThat(metrics.snapshot().spansExported()).isEqualTo(20);
  }

  @Test
  void serverErrorsAreRetriedCountedAndExportResumesWhenTheServerRecovers() throws IOException {
    server = LoopbackServer.start();
    server.answer(500);
    pipeline(server.port(), 1024, Duration.ofSeconds(2), 2);

    tracedCalls(3);
    batch.forceFlush(Duration.ofSeconds(10));

    assertThat(server.attempts()).isEqualTo(3);
    assertThat(metrics.snapshot().spansFailed()).isEqualTo(6);

    server.answer(202);
    tracedCalls(3);
    batch.forceFlush(Duration.ofSeconds(10));

    assertThat(metrics.snapshot().spansExported()).isEqualTo(6);
    assertThat(server.accepted()).hasSize(1);
  }

  @Test
  void aSlowBackendNeverSlowsTheTracedCallsAndMemoryStaysBounded() throws IOException {
    server = LoopbackServer.start();
    server.delay(1_000);
    pipeline(server.port(), 128, Duration.ofMillis(200), 0);

    int answered = assertTimeoutPreemptively(Duration.ofSeconds(20), () -> tracedCalls(20_000));
    MetricsSnapshot during = metrics.snapshot();

    assertThat(answered).isEqualTo(20_000);
    assertThat(during.queueSize()).isLessThanOrEqualTo(128);
    assertThat(during.spansDropped()).isPositive();
    assertThat(during.spansStarted()).isEqualTo(40_000);
    assertThat(during.activeSpans()).isZero();

    tracer.shutdown(Duration.ofSeconds(10));
    MetricsSnapshot after = metrics.snapshot();
    assertThat(after.spansExported() + after.spansFailed() + after.spansDropped())
        .isEqualTo(40_000);
  }
}

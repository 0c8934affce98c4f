package dev.agenttrace.proxy;

import dev.agenttrace.Span;

/** Runs {@link ResultRecorder}s so that recording never fails the stream it observes. */
final class Recorders {
  private Recorders() {}

  static <T> void record(ResultRecorder<? super T> recorder, Span span, T value) {
    if (recorder == null || !span.isRecording()) {
      return;
    }
    try {
      recorder.record(span, value);
    } catch (Throwable ignored) {
      // Recording is observation: a failing accessor must not reach the consumer.
    }
  }
}

package dev.agenttrace;

/**
 * One timed operation of a trace: an agent run, a tool call, a model call or any other step.
 *
 * <p>A span is started by a {@link Tracer}, made current with {@link #makeCurrent()} while its
 * operation runs (so that spans started meanwhile become its children), and ended exactly once with
 * {@link #end()}; calls after the end are ignored. Spans are safe to use from several threads.
 *
 * <pre>{@code
 * Span span = tracer.spanBuilder("plan").startSpan();
 * try (Scope scope = span.makeCurrent()) {
 *   plan();
 *   span.setStatus(StatusCode.OK);
 * } catch (RuntimeException e) {
 *   span.recordError(e);
 *   throw e;
 * } finally {
 *   span.end();
 * }
 * }</pre>
 *
 * <p>Not {@link AutoCloseable} on purpose: a span must outlive its scope so that an exception
 * thrown in the scope can still be recorded on it.
 *
 * <p>Methods never throw into the caller: a {@code null} key or value is ignored.
 */
public interface Span {

  /** The span of the current context, or an invalid non-recording span; never {@code null}. */
  static Span current() {
    return ContextStorage.currentSpan();
  }

  /**
   * A span that records nothing and carries {@code spanContext}, to make a remote parent current.
   */
  static Span wrap(SpanContext spanContext) {
    return spanContext.isValid() ? new NonRecordingSpan(spanContext) : NonRecordingSpan.INVALID;
  }

  /** The invalid span: records nothing, has an invalid context. */
  static Span invalid() {
    return NonRecordingSpan.INVALID;
  }

  /** The identity of this span, for propagation and links. */
  SpanContext spanContext();

  /**
   * Whether this span records what is set on it. Callers may skip computing attributes for a span
   * that does not.
   */
  boolean isRecording();

  /** Sets an attribute; a {@code null} key or value is ignored. */
  <T> Span setAttribute(AttributeKey<T> key, T value);

  /** Sets a long attribute without boxing at the call site. */
  default Span setAttribute(AttributeKey<Long> key, long value) {
    return setAttribute(key, Long.valueOf(value));
  }

  /** Sets a double attribute without boxing at the call site. */
  default Span setAttribute(AttributeKey<Double> key, double value) {
    return setAttribute(key, Double.valueOf(value));
  }

  /** Sets a boolean attribute without boxing at the call site. */
  default Span setAttribute(AttributeKey<Boolean> key, boolean value) {
    return setAttribute(key, Boolean.valueOf(value));
  }

  /** Sets a string attribute by name. */
  default Span setAttribute(String key, String value) {
    return key == null ? this : setAttribute(AttributeKey.stringKey(key), value);
  }

  /** Sets a long attribute by name. */
  default Span setAttribute(String key, long value) {
    return key == null ? this : setAttribute(AttributeKey.longKey(key), value);
  }

  /** Sets a double attribute by name. */
  default Span setAttribute(String key, double value) {
    return key == null ? this : setAttribute(AttributeKey.doubleKey(key), value);
  }

  /** Sets a boolean attribute by name. */
  default Span setAttribute(String key, boolean value) {
    return key == null ? this : setAttribute(AttributeKey.booleanKey(key), value);
  }

  /** Adds an event that happened now. */
  default Span addEvent(String name) {
    return addEvent(name, Attributes.empty());
  }

  /** Adds an event with attributes that happened now. */
  Span addEvent(String name, Attributes attributes);

  /** Sets the status without a description. */
  default Span setStatus(StatusCode code) {
    return setStatus(code, null);
  }

  /**
   * Sets the status. {@code UNSET} is ignored, and once {@code OK} is set the status no longer
   * changes, as in OpenTelemetry; the description is kept only for {@code ERROR}.
   */
  Span setStatus(StatusCode code, String description);

  /**
   * Adds an {@code exception} event with {@code exception.type}, {@code exception.message} and
   * {@code exception.stacktrace}, as the OpenTelemetry conventions define them. Does not change the
   * status; see {@link #recordError(Throwable)}.
   */
  Span recordException(Throwable exception);

  /**
   * Records {@code error} as the reason this span failed: an {@code exception} event, status {@code
   * ERROR} described by the exception, and the {@code error.type} attribute.
   *
   * <p>Never throws, even if {@code error}'s {@code getMessage()} or {@code printStackTrace} does,
   * so that a traced call always passes the user's own exception to its caller; the description is
   * then the class name alone.
   */
  default Span recordError(Throwable error) {
    if (error == null) {
      return this;
    }
    recordException(error);
    String type = error.getClass().getName();
    setAttribute(SemanticAttributes.ERROR_TYPE, type);
    String message;
    try {
      message = error.getMessage();
    } catch (Throwable e) {
      message = null;
    }
    return setStatus(StatusCode.ERROR, message == null ? type : type + ": " + message);
  }

  /** Ends the span now. The first call counts; later calls are ignored. */
  void end();

  /** Ends the span at {@code epochNanos}. The first call counts; later calls are ignored. */
  void end(long epochNanos);

  /**
   * Makes this span the current one on this thread until the returned scope is closed, which
   * restores the previous current span. Close scopes in the reverse order of opening them, on the
   * thread that opened them; a scope closed out of order is reported and does not corrupt the
   * context.
   */
  default Scope makeCurrent() {
    return ContextStorage.attach(this);
  }
}

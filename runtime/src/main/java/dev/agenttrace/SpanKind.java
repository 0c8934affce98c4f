package dev.agenttrace;

/** The role of a span in a trace, as in OpenTelemetry. */
public enum SpanKind {
  /** An operation inside the application, such as an in-process agent run or a tool call. */
  INTERNAL,
  /** The server side of a remote call: a request this service handles. */
  SERVER,
  /** The client side of a remote call, such as a request to a model provider. */
  CLIENT,
  /** The sending side of an asynchronous message. */
  PRODUCER,
  /** The receiving side of an asynchronous message. */
  CONSUMER
}

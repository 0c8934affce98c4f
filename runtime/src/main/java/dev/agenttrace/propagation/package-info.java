/**
 * Carrying a trace across processes: W3C Trace Context ({@code traceparent}, {@code tracestate})
 * and W3C Baggage codecs and propagators, and helpers for HTTP clients and servers.
 */
package dev.agenttrace.propagation;
